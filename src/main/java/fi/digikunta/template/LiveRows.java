package fi.digikunta.template;

import fi.digikunta.schema.Localized;
import fi.digikunta.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The hidden helper columns of the summary tab: one row of plain formulas per service row of an
 * area tab, reading it the way validate/RowCheck and compute/FiguresCalculator do (which rows are
 * catalogue services, own services or left out; status; stage values; depth; usage; minutes;
 * hourly cost; savings). Everything comes from the schema (areas, catalogue, labels in both
 * languages, stage values, weights), so a new schema version reuses it. Plain IF/MATCH/COUNTIF
 * formulas only: no array formulas and nothing volatile, so neither Excel nor LibreOffice asks.
 */
final class LiveRows {
    /** Rows read per area tab: the reader's cap of service rows (validate.Validator.MAX_SERVICE_ROWS). */
    static final int ROWS = 200;
    /** First helper column; the helpers sit to the right of everything a person reads or prints. */
    static final int FIRST_COL = 40;
    /** Helper columns per area. */
    static final int WIDTH = 20;
    static final int KIND = 0;
    static final int STATUS = 1;
    static final int FIRST_STAGE = 2;
    static final int DEPTH = 9;
    static final int USAGE = 10;
    static final int MINUTES = 11;
    static final int HOURLY = 12;
    static final int POTENTIAL = 13;
    static final int REALISED = 14;
    static final int TARGET = 15;

    private final Schema schema;
    private final TemplateLayout layout;

    LiveRows(Schema schema, TemplateLayout layout) {
        this.schema = schema;
        this.layout = layout;
    }

    /** 1-based sheet rows of the helper block (the same rows as the service rows of the area tabs). */
    static int firstRow() {
        return TemplateLayout.FIRST_SERVICE_ROW + 1;
    }

    static int lastRow() {
        return firstRow() + ROWS - 1;
    }

    /** Column of the catalogue ids and, beside it, of their areas. */
    int idListCol() {
        return FIRST_COL;
    }

    int baseCol(int areaIndex) {
        return FIRST_COL + 2 + areaIndex * WIDTH;
    }

    /** An absolute range of one helper column of an area. */
    String range(int areaIndex, int helper) {
        String c = CellReference.convertNumToColString(baseCol(areaIndex) + helper);
        return "$" + c + "$" + firstRow() + ":$" + c + "$" + lastRow();
    }

    /** Writes the catalogue list and every area's helper rows; columns are hidden. */
    void write(XSSFSheet sh, List<String> areaCodes) {
        List<Schema.CatalogueService> cat = schema.catalogue();
        for (int i = 0; i < cat.size(); i++) {
            Row row = row(sh, i);
            row.createCell(idListCol()).setCellValue(cat.get(i).id());
            row.createCell(idListCol() + 1).setCellValue(cat.get(i).area());
        }
        for (int a = 0; a < areaCodes.size(); a++) {
            String tab = layout.areaTabs().get(areaCodes.get(a));
            if (tab != null) {
                writeArea(sh, a, areaCodes.get(a), tab);
            }
        }
        int last = baseCol(areaCodes.size());
        for (int c = idListCol(); c < last; c++) {
            sh.setColumnHidden(c, true);
        }
    }

    private static Row row(XSSFSheet sh, int r) {
        Row row = sh.getRow(r);
        return row != null ? row : sh.createRow(r);
    }

    private void writeArea(XSSFSheet sh, int a, String areaCode, String tab) {
        String ids = abs(idListCol(), 1, schema.catalogue().size());
        String areas = abs(idListCol() + 1, 1, schema.catalogue().size());
        String t = "'" + tab.replace("'", "''") + "'!";
        int base = baseCol(a);
        for (int r = firstRow(); r <= lastRow(); r++) {
            Row row = row(sh, r - 1);
            Cells c = new Cells(t, r);
            String kindRef = local(base + KIND, r);
            String statusRef = local(base + STATUS, r);
            String id = "TRIM(" + c.ref("id") + ")";
            String name = "TRIM(" + c.ref("service") + ")";
            String dup = layout.columnIndex("id") < 0 ? "0" : "COUNTIF(" + t + colRange("id", TemplateLayout.HEADER_ROW + 1, r - 1)
                    + "," + id + ")";
            String match = "MATCH(" + id + "," + ids + ",0)";
            // 0 left out (blank, no service, another area's id, a repeated id), 1 catalogue, 2 own service.
            set(row, base + KIND, "IF(" + id + "=\"\",IF(" + name + "=\"\",0,2),IF(ISNA(" + match + "),2,IF(INDEX("
                    + areas + "," + match + ")<>\"" + areaCode + "\",0,IF(" + dup + ">0,0,1))))");
            set(row, base + STATUS, statusFormula(c.ref("status")));
            List<String> stageRefs = new ArrayList<>();
            for (int s = 0; s < schema.stages().size(); s++) {
                set(row, base + FIRST_STAGE + s, stageFormula(c.ref("stage." + schema.stages().get(s))));
                stageRefs.add(local(base + FIRST_STAGE + s, r));
            }
            String stages = local(base + FIRST_STAGE, r) + ":" + local(base + FIRST_STAGE + schema.stages().size() - 1, r);
            String inUse = "AND(" + kindRef + ">0," + statusRef + "=1)";
            set(row, base + DEPTH, "IF(AND(" + inUse + ",COUNT(" + stages + ")>0),SUM(" + stages + ")/("
                    + schema.figures().maxStageValue() + "*COUNT(" + stages + ")),\"\")");
            String u = c.ref("usage");
            Schema.Column uc = schema.column("usage").orElseThrow();
            set(row, base + USAGE, "IF(" + inUse + ",IF(ISNUMBER(" + u + "),IF(AND(" + u + ">=" + num(uc.min()) + ","
                    + u + "<=" + num(uc.max()) + ")," + u + "/100,\"\"),\"\"),\"\")");
            set(row, base + MINUTES, minutesFormula(c));
            String ownHourly = valid(c.ref("hourly"));
            String dflt = valid(defaultHourlyRef());
            set(row, base + HOURLY, "IF(" + ownHourly + "<>\"\"," + ownHourly + "," + dflt + ")");
            savings(row, base, r, c, kindRef, statusRef);
        }
    }

    private void savings(Row row, int base, int r, Cells c, String kindRef, String statusRef) {
        String vol = valid(c.ref("volume"));
        String cost = valid(c.ref("cost"));
        String min = local(base + MINUTES, r);
        String hour = local(base + HOURLY, r);
        String use = local(base + USAGE, r);
        String pot = local(base + POTENTIAL, r);
        String sought = "AND(" + kindRef + ">0,OR(" + statusRef + "=1," + statusRef + "=2))";
        String costN = "IF(" + cost + "=\"\",0," + cost + ")";
        set(row, base + POTENTIAL, "IF(AND(" + sought + ",ISNUMBER(" + vol + "),ISNUMBER(" + min + "),ISNUMBER(" + hour
                + "))," + vol + "*" + min + "/60*" + hour + "-" + costN + ",\"\")");
        set(row, base + REALISED, "IF(AND(ISNUMBER(" + pot + ")," + statusRef + "=1,ISNUMBER(" + use + ")),"
                + vol + "*" + use + "*" + min + "/60*" + hour + "-" + costN + ",\"\")");
        String target = valid(c.ref("target"));
        set(row, base + TARGET, "IF(" + sought + "," + target + ",\"\")");
    }

    /** Minutes a case: the valid stage savings added, or the total where none is given. */
    private String minutesFormula(Cells c) {
        List<String> counts = new ArrayList<>();
        List<String> sums = new ArrayList<>();
        for (String s : schema.savingStages()) {
            String ref = c.ref("save." + s);
            counts.add("IF(ISNUMBER(" + ref + "),IF(" + ref + ">=0,1,0),0)");
            sums.add("IF(ISNUMBER(" + ref + "),IF(" + ref + ">=0," + ref + ",0),0)");
        }
        return "IF(" + String.join("+", counts) + ">0," + String.join("+", sums) + "," + valid(c.ref("save.total"))
                + ")";
    }

    /** A number cell as the reader takes it (numeric, at least 0), else "". */
    private static String valid(String ref) {
        return "IF(ISNUMBER(" + ref + "),IF(" + ref + ">=0," + ref + ",\"\"),\"\")";
    }

    /** Status 1, 2, 3... in schema order by its label in any language; 0 for blank or unknown. */
    private String statusFormula(String ref) {
        String t = "TRIM(" + ref + ")";
        StringBuilder f = new StringBuilder();
        List<Schema.Choice> statuses = schema.statuses();
        for (int i = 0; i < statuses.size(); i++) {
            f.append("IF(").append(anyOf(t, statuses.get(i).label())).append(",").append(i + 1).append(",");
        }
        f.append("0").append(")".repeat(statuses.size()));
        return f.toString();
    }

    /** A stage's value by its label in any language; "" for blank, not applicable or unknown. */
    private String stageFormula(String ref) {
        String t = "TRIM(" + ref + ")";
        StringBuilder f = new StringBuilder();
        int n = 0;
        for (Schema.StageLevelDef d : schema.stageLevels()) {
            if (d.value() != null) {
                f.append("IF(").append(anyOf(t, d.label())).append(",").append(d.value()).append(",");
                n++;
            }
        }
        f.append("\"\"").append(")".repeat(n));
        return f.toString();
    }

    /** The comparison with a label's Finnish and Swedish forms (= compares text case-insensitively). */
    private static String anyOf(String t, Localized label) {
        List<String> forms = List.of(label.fi(), label.sv()).stream().distinct().toList();
        return "OR(" + forms.stream().map(l -> t + "=\"" + l.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(",")) + ")";
    }

    private String defaultHourlyRef() {
        return "$" + CellReference.convertNumToColString(TemplateLayout.VALUE_COL) + "$"
                + (TemplateLayout.identificationRow(schema, "hourly") + 1);
    }

    private static String num(Double d) {
        return d == null ? "0" : d == Math.rint(d) ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%s", d);
    }

    private String colRange(String key, int fromRow, int toRow) {
        String col = CellReference.convertNumToColString(layout.columnIndex(key));
        return "$" + col + "$" + fromRow + ":$" + col + "$" + toRow;
    }

    private static String abs(int col, int from, int to) {
        String c = CellReference.convertNumToColString(col);
        return "$" + c + "$" + from + ":$" + c + "$" + to;
    }

    private static String local(int col, int row) {
        return CellReference.convertNumToColString(col) + row;
    }

    private static void set(Row row, int col, String formula) {
        Cell c = row.createCell(col);
        c.setCellFormula(formula);
    }

    /** References to one service row of an area tab, by column key; "" where the layout has no such column. */
    private final class Cells {
        private final String sheet;
        private final int row;

        Cells(String sheet, int row) {
            this.sheet = sheet;
            this.row = row;
        }

        String ref(String key) {
            int col = layout.columnIndex(key);
            return col < 0 ? "\"\"" : sheet + "$" + CellReference.convertNumToColString(col) + row;
        }
    }
}
