package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.findings.Message;

/** What reading one file gave: its raw workbook, or the one reason it could not be read. */
public sealed interface ReadOutcome {
    record Readable(RawWorkbook workbook) implements ReadOutcome {
    }

    /** {@code code} is a rejecting finding code (e.g. not-a-workbook, encrypted); reason is one line. */
    record Unreadable(FindingCode code, Message reason) implements ReadOutcome {
    }
}
