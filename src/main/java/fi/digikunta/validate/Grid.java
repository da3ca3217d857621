package fi.digikunta.validate;

import fi.digikunta.read.RawCell;
import fi.digikunta.read.RawSheet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Grid access to one sheet's cells: by row, then by column. */
final class Grid {
    final RawSheet sheet;
    final TreeMap<Integer, Map<Integer, RawCell>> rows = new TreeMap<>();

    Grid(RawSheet sheet) {
        this.sheet = sheet;
        for (RawCell c : sheet.cells()) {
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
}
