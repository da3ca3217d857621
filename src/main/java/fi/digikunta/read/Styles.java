package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.read.XmlIn.Budget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;

/** The styles part as the reader needs it: per cellXfs index, whether its number format is a percent or a date. */
record Styles(boolean[] percent, boolean[] date) {
    static final Styles NONE = new Styles(new boolean[0], new boolean[0]);

    boolean percent(int xf) {
        return xf >= 0 && xf < percent.length && percent[xf];
    }

    boolean date(int xf) {
        return xf >= 0 && xf < date.length && date[xf];
    }

    static Styles parse(XMLInputFactory f, ZipArchive zip, String part, Budget budget) throws ReadException {
        Map<Integer, String> codes = new HashMap<>();
        List<Integer> xfs = new ArrayList<>();
        try (XmlIn x = XmlIn.open(f, zip, part, budget)) {
            int depth = 0;
            int numFmtsDepth = -1;
            int cellXfsDepth = -1;
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String n = x.local();
                    if (n.equals("numFmts")) {
                        numFmtsDepth = depth;
                    } else if (n.equals("cellXfs")) {
                        cellXfsDepth = depth;
                    } else if (n.equals("numFmt") && numFmtsDepth > 0 && depth == numFmtsDepth + 1) {
                        numFmt(x, codes, part, budget);
                    } else if (n.equals("xf") && cellXfsDepth > 0 && depth == cellXfsDepth + 1) {
                        if (xfs.size() >= ReadLimits.MAX_STYLES) {
                            throw new ReadException(FindingCode.READ_LIMIT, "styles", part);
                        }
                        Integer id = XmlIn.intOrNull(x.attr("numFmtId"));
                        xfs.add(id == null ? 0 : id);
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    numFmtsDepth = depth == numFmtsDepth ? -1 : numFmtsDepth;
                    cellXfsDepth = depth == cellXfsDepth ? -1 : cellXfsDepth;
                    depth--;
                }
            }
        }
        return of(xfs, codes, budget);
    }

    /** One numFmt of numFmts: a workbook's own format code for an id. */
    private static void numFmt(XmlIn x, Map<Integer, String> codes, String part, Budget budget)
            throws ReadException {
        Integer id = XmlIn.intOrNull(x.attr("numFmtId"));
        String code = x.attr("formatCode");
        budget.checkTime();
        if (code != null && code.length() > ReadLimits.MAX_FORMAT_CODE_CHARS) {
            throw new ReadException(FindingCode.READ_LIMIT, "formatCode", part, ReadLimits.MAX_FORMAT_CODE_CHARS);
        }
        if (id != null && code != null) {
            codes.put(id, code);
            if (codes.size() > ReadLimits.MAX_STYLES) {
                throw new ReadException(FindingCode.READ_LIMIT, "styles", part);
            }
        }
    }

    /** Each number format is classified once, however many cell formats use it (a file may have 65,536). */
    private static Styles of(List<Integer> xfs, Map<Integer, String> codes, Budget budget) throws ReadException {
        boolean[] percent = new boolean[xfs.size()];
        boolean[] date = new boolean[xfs.size()];
        Map<Integer, boolean[]> kinds = new HashMap<>();
        for (int i = 0; i < xfs.size(); i++) {
            int id = xfs.get(i);
            boolean[] kind = kinds.get(id);
            if (kind == null) {
                budget.checkTime();
                String code = codes.get(id);
                kind = new boolean[] {NumberFormats.isPercent(id, code), NumberFormats.isDate(id, code)};
                kinds.put(id, kind);
            }
            percent[i] = kind[0];
            date[i] = kind[1];
        }
        return new Styles(percent, date);
    }
}
