package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.read.PackageParts.SheetRef;
import fi.digikunta.read.RawSheet.MergedRange;
import fi.digikunta.read.XmlIn.Budget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;

/** One worksheet part: its cells, in row and column order, and its merged ranges. */
final class SheetParser {
    private final XmlIn x;
    private final SheetRef ref;
    private final CellDecoder decoder;
    private final Budget budget;
    private final ReadLimits limits;
    private final List<RawCell> cells = new ArrayList<>();
    private final List<MergedRange> merged = new ArrayList<>();
    private boolean sorted = true;
    private long lastKey = -1;
    private int row = -1;
    private int col = -1;

    private SheetParser(XmlIn x, SheetRef ref, CellDecoder decoder, Budget budget) {
        this.x = x;
        this.ref = ref;
        this.decoder = decoder;
        this.budget = budget;
        this.limits = budget.limits;
    }

    static RawSheet parse(XMLInputFactory f, ZipArchive zip, String part, SheetRef ref, CellDecoder decoder,
            Budget budget) throws ReadException {
        SheetParser p;
        try (XmlIn x = XmlIn.open(f, zip, part, budget)) {
            p = new SheetParser(x, ref, decoder, budget);
            p.run();
        }
        return new RawSheet(ref.name(), ref.hidden(), p.sorted ? p.cells : lastOfEach(p.cells), p.merged);
    }

    private void run() throws ReadException {
        boolean inData = false;
        while (x.hasNext()) {
            int e = x.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                if (x.local().equals("sheetData")) {
                    inData = false;
                }
                continue;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String n = x.local();
            if (n.equals("sheetData")) {
                inData = true;
            } else if (inData && n.equals("row")) {
                Integer r = XmlIn.intOrNull(x.attr("r"));
                row = r != null && r > 0 ? r - 1 : row + 1;
                col = -1;
            } else if (inData && n.equals("c")) {
                cell();
            } else if (n.equals("mergeCell")) {
                mergeCell();
            }
        }
    }

    private void cell() throws ReadException {
        // One pass over the attributes (r, t, s); the first of a name counts, as in attr().
        String r = null;
        String t = null;
        String s = null;
        for (int i = 0, count = x.attrCount(); i < count; i++) {
            String a = x.attrLocal(i);
            if (a.equals("r")) {
                r = r == null ? x.attrValue(i) : r;
            } else if (a.equals("t")) {
                t = t == null ? x.attrValue(i) : t;
            } else if (a.equals("s")) {
                s = s == null ? x.attrValue(i) : s;
            }
        }
        int[] rc = r == null ? null : CellRef.parse(r);
        if (rc != null) {
            row = rc[0];
            col = rc[1];
        } else {
            col++;
            if (row < 0) {
                row = 0;
            }
        }
        add(decoder.decode(x, t, s, row, col));
    }

    private void add(RawCell c) throws ReadException {
        if (c == null) {
            return;
        }
        if (row >= limits.maxRows()) {
            throw new ReadException(FindingCode.READ_LIMIT, "rows", ref.name(), limits.maxRows());
        }
        if (col >= limits.maxColumns()) {
            throw new ReadException(FindingCode.READ_LIMIT, "columns", ref.name(), limits.maxColumns());
        }
        if (++budget.cells > limits.maxCells()) {
            throw new ReadException(FindingCode.READ_LIMIT, "cells", limits.maxCells());
        }
        long key = ((long) row << 20) | col;
        sorted &= key > lastKey;
        lastKey = key;
        cells.add(c);
    }

    private void mergeCell() throws ReadException {
        MergedRange m = CellRef.range(x.attr("ref"));
        if (m != null) {
            if (++budget.mergedRanges > limits.maxMergedRanges()) {
                throw new ReadException(FindingCode.READ_LIMIT, "merged", limits.maxMergedRanges());
            }
            merged.add(m);
        }
    }

    /** The cells in row and column order; a cell written twice keeps its last value, as spreadsheet programs do. */
    private static List<RawCell> lastOfEach(List<RawCell> cells) {
        cells.sort(Comparator.comparingInt(RawCell::row).thenComparingInt(RawCell::col));
        List<RawCell> unique = new ArrayList<>(cells.size());
        for (RawCell c : cells) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).row() == c.row()
                    && unique.get(unique.size() - 1).col() == c.col()) {
                unique.set(unique.size() - 1, c);
            } else {
                unique.add(c);
            }
        }
        return unique;
    }
}
