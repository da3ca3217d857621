package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.findings.Message;

/** What reading one file gave: its raw workbook, or the one reason it could not be read. */
public sealed interface ReadOutcome {
    record Readable(RawWorkbook workbook) implements ReadOutcome {
    }

    /**
     * {@code code} is a rejecting finding code (e.g. not-a-workbook, encrypted); {@code variant} the
     * message variant it was worded with (null for the main one); reason is one line.
     */
    record Unreadable(FindingCode code, String variant, Message reason) implements ReadOutcome {
        public Unreadable(FindingCode code, Message reason) {
            this(code, null, reason);
        }

        /** Whether the reader ran out of memory on this file (it may fit when read alone). */
        public boolean outOfMemory() {
            return code == FindingCode.READ_LIMIT && MEMORY.equals(variant);
        }
    }

    /** The read-limit variant of a file that did not fit in memory. */
    String MEMORY = "memory";
}
