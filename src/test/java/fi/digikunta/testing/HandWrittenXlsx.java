package fi.digikunta.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A third writer: a minimal .xlsx written by hand the way openpyxl and other small writers do it
 * (inline strings, no styles part, no shared strings, formulas without cached values, dates as
 * t="d" ISO cells, percents as plain numbers 0..100). Used to check that the reader gives the same
 * typed return as for POI's and LibreOffice's files.
 */
public final class HandWrittenXlsx {
    private HandWrittenXlsx() {
    }

    public static byte[] write(TestReturn t) {
        List<String> names = new ArrayList<>();
        List<String> sheets = new ArrayList<>();
        if (t.instructions) {
            names.add("Ohje");
            sheets.add(sheet(Map.of(1, row(1, Map.of(0, "Täytä lomake ja palauta se ministeriöön.")))));
        }
        if (t.summaryPresent) {
            Map<Integer, String> rows = new LinkedHashMap<>();
            rows.put(1, row(1, Map.of(0, "Digitalisaatioasteen arviointi")));
            for (Map.Entry<String, Integer> e : t.idRows().entrySet()) {
                if (t.id.containsKey(e.getKey())) {
                    Map<Integer, Object> cells = new LinkedHashMap<>();
                    cells.put(0, t.idLabel(e.getKey()));
                    cells.put(1, t.id.get(e.getKey()));
                    rows.put(e.getValue(), row(e.getValue(), cells));
                }
            }
            names.add(t.summaryTab);
            sheets.add(sheet(rows));
        }
        for (TestReturn.Area a : t.areas.values()) {
            if (!a.present) {
                continue;
            }
            Map<Integer, String> rows = new LinkedHashMap<>();
            rows.put(1, row(1, Map.of(0, TestReturn.SCHEMA.area(a.code).orElseThrow().tab().fi())));
            Map<Integer, Object> header = new LinkedHashMap<>();
            for (int c = 0; c < a.columns.size(); c++) {
                header.put(c, t.label(a, a.columns.get(c)));
            }
            rows.put(a.headerRow, row(a.headerRow, header));
            int r = a.headerRow + 1;
            for (Map<String, Object> values : a.rows) {
                Map<Integer, Object> cells = new LinkedHashMap<>();
                for (int c = 0; c < a.columns.size(); c++) {
                    Object v = values.get(a.columns.get(c));
                    if (v != null) {
                        cells.put(c, v);
                    }
                }
                rows.put(r, row(r, cells));
                r++;
            }
            names.add(a.tab);
            sheets.add(sheet(rows));
        }
        for (String x : t.extraTabs) {
            names.add(x);
            sheets.add(sheet(Map.of(1, row(1, Map.of(0, "muistiinpanoja")))));
        }
        return ZipParts.write(parts(names, sheets));
    }

    /** The parts of a package with the given sheets (already XML). */
    public static Map<String, byte[]> parts(List<String> names, List<String> sheets) {
        Map<String, byte[]> p = new LinkedHashMap<>();
        StringBuilder ct = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        StringBuilder wb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < sheets.size(); i++) {
            int n = i + 1;
            ct.append("<Override PartName=\"/xl/worksheets/sheet").append(n).append(".xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            wb.append("<sheet name=\"").append(esc(names.get(i))).append("\" sheetId=\"").append(n)
                    .append("\" r:id=\"rId").append(n).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(n)
                    .append(".xml\"/>");
            p.put("xl/worksheets/sheet" + n + ".xml", sheets.get(i).getBytes(StandardCharsets.UTF_8));
        }
        ct.append("</Types>");
        wb.append("</sheets></workbook>");
        rels.append("</Relationships>");
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("[Content_Types].xml", ct.toString().getBytes(StandardCharsets.UTF_8));
        out.put("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                + "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        out.put("xl/workbook.xml", wb.toString().getBytes(StandardCharsets.UTF_8));
        out.put("xl/_rels/workbook.xml.rels", rels.toString().getBytes(StandardCharsets.UTF_8));
        out.putAll(p);
        return out;
    }

    public static String sheet(Map<Integer, String> rows) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        rows.values().forEach(b::append);
        return b.append("</sheetData></worksheet>").toString();
    }

    /** One row element; cells by 0-based column. */
    public static String row(int r, Map<Integer, ?> cells) {
        StringBuilder b = new StringBuilder("<row r=\"").append(r).append("\">");
        for (Map.Entry<Integer, ?> e : cells.entrySet()) {
            b.append(cell(fi.digikunta.read.CellRef.a1(r - 1, e.getKey()), e.getValue()));
        }
        return b.append("</row>").toString();
    }

    static String cell(String ref, Object v) {
        if (v instanceof String s) {
            return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + esc(s) + "</t></is></c>";
        }
        if (v instanceof Number n) {
            return "<c r=\"" + ref + "\"><v>" + num(n.doubleValue()) + "</v></c>";
        }
        if (v instanceof Boolean bo) {
            return "<c r=\"" + ref + "\" t=\"b\"><v>" + (bo ? 1 : 0) + "</v></c>";
        }
        if (v instanceof TestReturn.Pct p) {
            return "<c r=\"" + ref + "\"><v>" + BigDecimal.valueOf(p.fraction()).movePointRight(2).stripTrailingZeros()
                    .toPlainString() + "</v></c>";
        }
        if (v instanceof LocalDate d) {
            return "<c r=\"" + ref + "\" t=\"d\"><v>" + d + "T00:00:00</v></c>";
        }
        if (v instanceof TestReturn.Formula f) {
            if (f.cached() == null) {
                return "<c r=\"" + ref + "\"><f>" + esc(f.formula()) + "</f></c>";
            }
            return "<c r=\"" + ref + "\"><f>" + esc(f.formula()) + "</f><v>" + f.cached() + "</v></c>";
        }
        throw new IllegalArgumentException("cannot write " + v.getClass());
    }

    static String num(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
