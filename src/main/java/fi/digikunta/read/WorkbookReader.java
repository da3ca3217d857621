package fi.digikunta.read;

import java.nio.file.Path;

/**
 * Reads one workbook file into raw cells. The one small interface behind which reading lives, so
 * that its inner workings can change (for speed) without touching validation. Implementations never
 * throw for a bad file: every problem comes back as {@link ReadOutcome.Unreadable}. They never
 * evaluate formulas, run macros or resolve external entities, and never modify the file.
 */
public interface WorkbookReader {
    ReadOutcome read(Path file);
}
