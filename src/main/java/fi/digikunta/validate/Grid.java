package fi.digikunta.validate;

import fi.digikunta.read.Deadline;
import fi.digikunta.read.RawCell;
import fi.digikunta.read.RawSheet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Grid access to one sheet's cells: by row, then by column, with the file's deadline, which every
 * loop over the cells looks at ({@link #checkTime()}).
 */
final class Grid {
    final RawSheet sheet;
    final TreeMap<Integer, Map<Integer, RawCell>> rows = new TreeMap<>();
    private final Deadline deadline;

    Grid(RawSheet sheet, Deadline deadline) {
        this.sheet = sheet;
        this.deadline = deadline;
        int n = 0;
        for (RawCell c : sheet.cells()) {
            if ((++n & 0xFFF) == 0) {
                checkTime();
            }
            rows.computeIfAbsent(c.row(), k -> new HashMap<>()).put(c.col(), c);
        }
    }

    RawCell at(int row, int col) {
        Map<Integer, RawCell> r = rows.get(row);
        return r == null ? null : r.get(col);
    }

    String name() {
        return sheet.name();
    }

    /** Ends the file's validation (see {@link TimeUp}) once its deadline has passed. */
    void checkTime() {
        if (deadline.passed()) {
            throw new TimeUp(deadline);
        }
    }

    /** The file's deadline passed while it was validated: caught by the validator, never leaves it. */
    static final class TimeUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long seconds;

        TimeUp(Deadline d) {
            super(null, null, false, false);
            this.seconds = d.seconds();
        }
    }
}
