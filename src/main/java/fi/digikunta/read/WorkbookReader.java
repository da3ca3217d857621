package fi.digikunta.read;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads one workbook file into raw cells. The one small interface behind which reading lives, so
 * that its inner workings can change (for speed) without touching validation. Implementations never
 * throw for a bad file: every problem comes back as {@link ReadOutcome.Unreadable}. They never
 * evaluate formulas, run macros or resolve external entities, and never modify the file.
 */
public interface WorkbookReader {
    ReadOutcome read(Path file);

    /**
     * Reads within a deadline shared with the file's validation; a reader that keeps no deadline
     * of its own (a test's) may ignore it.
     */
    default ReadOutcome read(Path file, Deadline deadline) {
        return read(file);
    }

    /** The time limit for reading and validating one file. */
    default Duration timeLimit() {
        return ReadLimits.TIME_LIMIT;
    }
}
