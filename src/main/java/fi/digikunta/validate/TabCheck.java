package fi.digikunta.validate;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.read.CellRef;
import fi.digikunta.read.Deadline;
import fi.digikunta.read.RawCell;
import fi.digikunta.read.RawSheet;
import fi.digikunta.read.RawWorkbook;
import fi.digikunta.schema.Schema;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tabs of one file matched by name (Finnish, Swedish or alias), and each area tab's header row
 * and columns matched by label, never by position.
 */
final class TabCheck {
    private final SchemaIndex ix;
    private final FindingSink sink;
    private final Deadline deadline;

    TabCheck(SchemaIndex ix, FindingSink sink, Deadline deadline) {
        this.ix = ix;
        this.sink = sink;
        this.deadline = deadline;
    }

    /** Sheets of the six areas by code; the summary and instructions are known; others are extra. */
    Map<String, Grid> classify(RawWorkbook wb, RawSheet summary) {
        Map<String, Grid> areas = new HashMap<>();
        Map<String, String> firstOfRole = new HashMap<>();
        for (RawSheet s : wb.sheets()) {
            String k = ix.keyOf(s.name());
            String area = ix.areaByTab.get(k);
            String role = ix.roleByTab.get(k);
            if (area != null) {
                Grid first = areas.get(area);
                if (first != null) {
                    sink.add(FindingCode.DUPLICATE_TAB.inSheet(s.name(), s.name(), first.name()));
                } else {
                    areas.put(area, new Grid(s, deadline));
                }
            } else if (role != null) {
                String first = firstOfRole.putIfAbsent(role, s.name());
                if (first != null && s != summary) {
                    sink.add(FindingCode.DUPLICATE_TAB.inSheet(s.name(), s.name(), first));
                }
            } else if (!s.hidden()) {
                // A hidden extra tab is most often the template's own lookup list: no warning.
                sink.add(FindingCode.EXTRA_TAB.inSheet(s.name(), s.name()));
            }
        }
        return areas;
    }

    /** The layout of an area tab; null (and a rejection) when its header row is not found. */
    Layout layout(Grid g) {
        Schema.AreaSheet as = ix.schema.areaSheet();
        Schema.Column idCol = ix.columns.get(as.headerKey());
        int header = headerRow(g, idCol, as.headerSearchRows());
        if (header < 0) {
            sink.add(FindingCode.HEADER_NOT_FOUND.inSheet(g.name(), g.name(), SchemaIndex.asWritten(idCol.label()),
                    as.headerSearchRows()));
            return null;
        }
        Map<String, Integer> cols = columns(g, header);
        missingColumns(g, header, cols);
        return new Layout(header, firstDataRow(g, header), cols);
    }

    /** The first row within the search rows holding the label of the header key column; -1 when none. */
    private int headerRow(Grid g, Schema.Column idCol, int searchRows) {
        String fi = SchemaIndex.key(idCol.label().fi());
        String sv = SchemaIndex.key(idCol.label().sv());
        for (int r = 0; r < searchRows; r++) {
            Map<Integer, RawCell> row = g.rows.get(r);
            if (row == null) {
                continue;
            }
            for (RawCell c : row.values()) {
                g.checkTime();
                if (c.kind() == RawCell.Kind.STRING) {
                    String k = ix.keyOf(c.text());
                    if (k.equals(fi) || k.equals(sv)) {
                        return r;
                    }
                }
            }
        }
        return -1;
    }

    /** Column keys of the header row's known labels, left to right; a repeated label's first wins. */
    private Map<String, Integer> columns(Grid g, int header) {
        Map<String, Integer> cols = new LinkedHashMap<>();
        Map<Integer, RawCell> headerCells = new TreeMap<>(g.rows.get(header));
        for (RawCell c : headerCells.values()) {
            g.checkTime();
            if (c.kind() != RawCell.Kind.STRING) {
                continue;
            }
            Schema.Column col = ix.columnByLabel.get(ix.keyOf(c.text()));
            if (col == null) {
                continue;
            }
            Integer first = cols.putIfAbsent(col.key(), c.col());
            if (first != null) {
                sink.add(FindingCode.DUPLICATE_COLUMN.at(g.name(), c.ref(), c.text().strip(),
                        CellRef.a1(header, first)));
            }
        }
        return cols;
    }

    private void missingColumns(Grid g, int header, Map<String, Integer> cols) {
        for (Schema.Column col : ix.schema.columns()) {
            if (cols.containsKey(col.key())) {
                continue;
            }
            if (col.required()) {
                sink.add(FindingCode.REQUIRED_COLUMN_MISSING.inSheet(g.name(), g.name(),
                        SchemaIndex.asWritten(col.label()), header + 1));
            } else {
                sink.add(FindingCode.OPTIONAL_COLUMN_MISSING.inSheet(g.name(), g.name(),
                        SchemaIndex.asWritten(col.label())));
            }
        }
    }

    /** A header cell merged down over several rows makes those rows part of the header. */
    private static int firstDataRow(Grid g, int header) {
        int firstData = header + 1;
        for (var m : g.sheet.merged()) {
            if (m.firstRow() <= header && m.lastRow() >= header) {
                firstData = Math.max(firstData, m.lastRow() + 1);
            }
        }
        return firstData;
    }
}
