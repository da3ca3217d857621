package fi.digikunta.template;

import fi.digikunta.schema.Labels;
import fi.digikunta.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The per-area figures of shared/spec/figures.md as a handful of aggregate formulas over each area
 * tab's service rows, reading the rows as validate/RowCheck does for a return it accepts: a row
 * counts when its id or name is written; a catalogue row when its trimmed id is one of the area's
 * ids (any case); statuses and stage levels match their Finnish or Swedish label trimmed and in any
 * case. Every column is a workbook name ({@code dkASU_status}) and every word list a hidden list on
 * the summary tab ({@code dkw_IN_USE}), so the formulas stay short. A column is found as the reader
 * finds it, by its header label in either language (hidden cells on the summary tab hold each
 * column's position, see {@link #headerMatch}), so inserted, hidden and moved columns are followed.
 * SUMPRODUCT with ISNUMBER(MATCH(...)) only: no array formulas, nothing volatile. Number ranges go
 * to SUMPRODUCT as separate arguments, where a text cell counts as 0 instead of an error; numbers
 * written as text are thus left out (the tab says the report reads them).
 */
final class LiveFigures {
    /**
     * Rows read per area tab. The reader takes every row below the header up to its cap of 200
     * services (validate.Validator.MAX_SERVICE_ROWS; more rejects the return), however far down; the
     * formulas stop here, 2.5 times the cap for blank rows between services, since every row costs
     * recalculation time on each edit (docs/template-and-samples.md, "Rows read").
     */
    static final int ROWS = 500;
    /** First column of the hidden lists, right of everything a person reads or prints. */
    static final int LIST_COL = 40;
    /** Columns of an area tab searched for header labels: far more than the form has, for inserted ones. */
    static final int WIDTH = 100;
    /** First column of the hidden column positions, one column per area, one row per schema column. */
    static final int HEAD_COL = LIST_COL + 70;

    private final Schema schema;
    private final TemplateLayout layout;
    private final String hourlyRef;
    private final String summary;
    /** The hidden lists by name, in column order: built once, so names and written columns agree. */
    private final Map<String, List<String>> lists;

    LiveFigures(Schema schema, TemplateLayout layout, String summarySheet) {
        this.schema = schema;
        this.layout = layout;
        this.lists = lists(schema);
        this.summary = Labels.quotedSheet(summarySheet);
        this.hourlyRef = Labels.quotedSheet(summarySheet) + "!$B$" + (TemplateLayout.identificationRow(schema, "hourly") + 1);
    }

    /**
     * Names the hidden word and id lists, an always blank range standing in for a column or tab the
     * layout leaves out, and every area's columns; before any formula that uses them is set.
     */
    void defineNames(XSSFWorkbook wb, XSSFSheet sh) {
        String blankCol = CellReference.convertNumToColString(LIST_COL);
        String blank = Labels.quotedSheet(sh.getSheetName()) + "!$" + blankCol + "$" + first() + ":$" + blankCol + "$" + last();
        int col = LIST_COL + 1;
        for (Map.Entry<String, List<String>> l : lists.entrySet()) {
            String c = CellReference.convertNumToColString(col++);
            name(wb, "dkw_" + l.getKey(), Labels.quotedSheet(sh.getSheetName()) + "!$" + c + "$1:$" + c + "$" + l.getValue().size());
        }
        for (String area : schema.areaCodes()) {
            String tab = layout.areaTabs().get(area);
            for (Schema.Column column : schema.columns()) {
                // A column whose header is not found reads as the blank range, as the reader reads
                // a missing optional column (a missing required one rejects the return anyway).
                String ref = tab == null ? blank : "IF(" + position(area, column.key()) + ">" + WIDTH + "," + blank
                        + ",INDEX(" + Labels.quotedSheet(tab) + "!" + dataRange() + ",0," + position(area, column.key())
                        + "))";
                name(wb, rangeName(area, column.key()), ref);
            }
        }
    }

    /** The hidden cell holding the 1-based position of a column on an area tab's header row. */
    private String position(String area, String key) {
        return summary + "!" + new CellReference(positionRow(key), HEAD_COL + schema.areaCodes().indexOf(area), true,
                true).formatAsString(false);
    }

    private int positionRow(String key) {
        return schema.columns().stream().map(Schema.Column::key).toList().indexOf(key);
    }

    /**
     * The position of a column on the header row, 1-based, the first from the left whose label is
     * the column's Finnish or Swedish label as the reader compares them (validate/SchemaIndex.key):
     * in any case, with runs of spaces, tabs and line breaks as one space and no space around; the
     * reader takes off trailing colons and asterisks, the formula every colon and asterisk (no label
     * has one). WIDTH + 1 when none matches. SUMPRODUCT(MAX()) evaluates the row as an array
     * without array entry.
     */
    private String headerMatch(String tab, Schema.Column column) {
        String corner = Labels.quotedSheet(tab) + "!$A$" + (TemplateLayout.HEADER_ROW + 1);
        String row = corner + ":$" + CellReference.convertNumToColString(WIDTH - 1) + "$" + (TemplateLayout.HEADER_ROW
                + 1);
        // UNICHAR(160), not CHAR(160): the no-break space the reader takes as a space is another
        // character under CHAR on Mac Excel. "_xlfn.": how the file names a function newer than Excel 2007.
        String key = "LOWER(TRIM(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(" + row
                + ",CHAR(10),\" \"),CHAR(13),\" \"),CHAR(9),\" \"),_xlfn.UNICHAR(160),\" \"),\"*\",\"\"),\":\",\"\")))";
        String fi = Labels.normalize(column.label().fi()).replace("\"", "\"\"");
        String sv = Labels.normalize(column.label().sv()).replace("\"", "\"\"");
        String match = "((" + key + "=\"" + fi + "\")+(" + key + "=\"" + sv + "\")>0)";
        return (WIDTH + 1) + "-SUMPRODUCT(MAX(" + match + "*(" + WIDTH + "+COLUMN(" + corner + ")-COLUMN(" + row
                + "))))";
    }

    /** Writes the hidden column positions of every area tab; their cached values are the layout's. */
    private void writePositions(XSSFSheet sh) {
        for (int a = 0; a < schema.areaCodes().size(); a++) {
            String tab = layout.areaTabs().get(schema.areaCodes().get(a));
            if (tab == null) {
                continue;
            }
            for (Schema.Column column : schema.columns()) {
                int r = positionRow(column.key());
                Row row = sh.getRow(r) != null ? sh.getRow(r) : sh.createRow(r);
                Cell cell = row.createCell(HEAD_COL + a);
                cell.setCellFormula(headerMatch(tab, column));
                int c = layout.columnIndex(column.key());
                cell.setCellValue(c < 0 ? WIDTH + 1 : c + 1);
            }
            sh.setColumnHidden(HEAD_COL + a, true);
        }
    }

    /** Writes the hidden lists; last, since they share rows with the table and createRow replaces a row. */
    void writeLists(XSSFSheet sh) {
        sh.setColumnHidden(LIST_COL, true);
        int col = LIST_COL + 1;
        for (List<String> values : lists.values()) {
            for (int i = 0; i < values.size(); i++) {
                Row row = sh.getRow(i) != null ? sh.getRow(i) : sh.createRow(i);
                row.createCell(col).setCellValue(values.get(i));
            }
            sh.setColumnHidden(col++, true);
        }
        writePositions(sh);
    }

    /** The word lists (statuses, valued stage levels by level and together) and each area's ids. */
    private static Map<String, List<String>> lists(Schema schema) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        List<String> valued = new ArrayList<>();
        schema.statuses().forEach(s -> lists.put(s.code(), words(s.label().fi(), s.label().sv())));
        for (Schema.StageLevelDef d : schema.stageLevels()) {
            if (d.value() != null) {
                lists.put("L_" + d.code(), words(d.label().fi(), d.label().sv()));
                valued.addAll(words(d.label().fi(), d.label().sv()));
            }
        }
        lists.put("VALUED", valued);
        lists.put("TOTALS", Labels.TOTAL_ROW_NAMES);
        lists.put("ids_all", schema.catalogue().stream().map(Schema.CatalogueService::id).toList());
        for (String area : schema.areaCodes()) {
            lists.put("ids_" + area, schema.servicesOf(area).stream().map(Schema.CatalogueService::id).toList());
        }
        return lists;
    }

    /**
     * Formulas by figure: the status codes, DEPTH, USAGE, REALISED_NET, POTENTIAL_NET, TARGET; and
     * the parts of the savings under the keys "_0", "_1", ..., to be written to the hidden cells
     * {@code helper.apply(k)} (one formula would pass Excel's 8,192 characters).
     */
    Map<String, String> formulas(String area, IntFunction<String> helper) {
        Map<String, String> f = new LinkedHashMap<>();
        String id = r(area, "id");
        // A catalogue id of the area, at its first row only (a repeated id is left out, as the reader does).
        String catalogue = "ISNUMBER(MATCH(TRIM(" + id + "),dkw_ids_" + area + ",0))*(MATCH(TRIM(" + id + "),TRIM("
                + id + "),0)=ROW(" + id + ")-MIN(ROW(" + id + "))+1)";
        for (Schema.Choice s : schema.statuses()) {
            f.put(s.code(), "SUMPRODUCT(" + catalogue + "*" + is(area, s.code(), "status") + ")");
        }
        // An own service: an id of no area, or none and a name that is not a totals row's.
        String own = "(1-ISNUMBER(MATCH(TRIM(" + id + "),dkw_ids_all,0)))*((LEN(TRIM(" + id + "))+LEN(TRIM("
                + r(area, "service") + "))*(1-" + is(area, "TOTALS", "service") + "))>0)";
        String row = "(" + catalogue + "+" + own + ")";
        String inUse = row + "*" + is(area, "IN_USE", "status");
        String sought = row + "*(" + is(area, "IN_USE", "status") + "+" + is(area, "PLANNED", "status") + ")";
        f.put("DEPTH", depth(area, inUse));
        String usage = r(area, "usage");
        String given = inUse + "*" + valid(area, "usage");
        f.put("USAGE", "IF(SUMPRODUCT(" + given + ")=0,\"\",SUMPRODUCT(" + given + "," + usage + ")/100/SUMPRODUCT("
                + given + "))");
        List<String> realised = net(area, given, usage + ",");
        List<String> potential = net(area, sought, "");
        for (int k = 0; k < realised.size(); k++) {
            f.put("_" + (2 * k), realised.get(k));
            f.put("_" + (2 * k + 1), potential.get(k));
        }
        List<String> r = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (int k = 0; k < realised.size() - 1; k++) {
            r.add(helper.apply(2 * k));
            p.add(helper.apply(2 * k + 1));
        }
        int cost = 2 * (realised.size() - 1);
        f.put("REALISED_NET", "(" + String.join("+", r) + ")/100/60-" + helper.apply(cost));
        f.put("POTENTIAL_NET", "(" + String.join("+", p) + ")/60-" + helper.apply(cost + 1));
        f.put("TARGET", "SUMPRODUCT(" + sought + "*" + valid(area, "target") + "," + r(area, "target") + ")");
        return f;
    }

    /** Mean over in-use rows with a valued stage of (sum of stage values) / (max value x valued stages). */
    private String depth(String area, String inUse) {
        List<String> answered = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String stage : schema.stages()) {
            answered.add(is(area, "VALUED", "stage." + stage));
            for (Schema.StageLevelDef d : schema.stageLevels()) {
                if (d.value() != null && d.value() != 0) {
                    values.add(d.value() + "*" + is(area, "L_" + d.code(), "stage." + stage));
                }
            }
        }
        String n = "(" + String.join("+", answered) + ")";
        String sum = values.isEmpty() ? "0" : "(" + String.join("+", values) + ")";
        String rows = "SUMPRODUCT(" + inUse + "*(" + n + ">0))";
        return "IF(" + rows + "=0,\"\",SUMPRODUCT(" + inUse + "*" + sum + "/(" + schema.figures().maxStageValue()
                + "*(" + n + "+(" + n + "=0))))/" + rows + ")";
    }

    /**
     * The parts of a sum over computable rows of volume x [usage] x minutes x hourly - cost, as
     * SUMPRODUCTs of plain ranges (minutes the stage savings given, else the total; the hourly cost
     * the row's own, else the default on the summary tab): one part per saving stage, one for the
     * total, and last the cost. The caller divides by 60 (and usage by 100) and subtracts the cost.
     */
    private List<String> net(String area, String rows, String usageArg) {
        List<String> any = schema.savingStages().stream().map(s -> valid(area, "save." + s)).toList();
        String stagesGiven = "((" + String.join("+", any) + ")>0)";
        String hourly = r(area, "hourly");
        String ownHourly = valid(area, "hourly");
        String comp = rows + "*" + valid(area, "volume") + "*((" + String.join("+", any) + "+" + valid(area,
                "save.total") + ")>0)*((" + ownHourly + "+ISNUMBER(" + hourlyRef + "))>0)";
        String v = r(area, "volume") + "," + usageArg;
        List<String> parts = new ArrayList<>();
        for (String s : schema.savingStages()) {
            String m = r(area, "save." + s);
            String given = comp + "*" + valid(area, "save." + s);
            parts.add("SUMPRODUCT(" + given + "*" + ownHourly + "," + v + m + "," + hourly + ")+SUM(" + hourlyRef
                    + ")*SUMPRODUCT(" + given + "*(1-" + ownHourly + ")," + v + m + ")");
        }
        String total = r(area, "save.total");
        String onlyTotal = comp + "*(1-" + stagesGiven + ")";
        parts.add("SUMPRODUCT(" + onlyTotal + "*" + ownHourly + "," + v + total + "," + hourly + ")+SUM(" + hourlyRef
                + ")*SUMPRODUCT(" + onlyTotal + "*(1-" + ownHourly + ")," + v + total + ")");
        parts.add("SUMPRODUCT(" + comp + "*" + valid(area, "cost") + "," + r(area, "cost") + ")");
        return parts;
    }

    /** 1 where a cell of a number column holds a number the reader accepts (its range, at most 1e12). */
    private String valid(String area, String key) {
        Schema.Column c = schema.column(key).orElseThrow();
        String x = r(area, key);
        double max = c.max() == null ? 1e12 : "percent".equals(c.type()) ? c.max() : Math.min(c.max(), 1e12);
        return "ISNUMBER(" + x + ")*(" + x + ">=" + TemplateWriter.plain(c.min() == null ? -1e12 : c.min()) + ")*("
                + x + "<=" + (max == 1e12 ? "1E12" : TemplateWriter.plain(max)) + ")";
    }

    /** 1 where a trimmed cell of a column is one of a word list, in any case; an array over the rows. */
    private static String is(String area, String list, String key) {
        return "ISNUMBER(MATCH(LOWER(TRIM(" + r(area, key) + ")),dkw_" + list + ",0))";
    }

    private static String r(String area, String key) {
        return rangeName(area, key);
    }

    static String rangeName(String area, String key) {
        return "dk" + area + "_" + key.replace('.', '_');
    }

    /** A label as the formulas compare it: LOWER(TRIM()) of the Finnish and of the Swedish label. */
    private static List<String> words(String fi, String sv) {
        String a = Labels.normalize(fi);
        String b = Labels.normalize(sv);
        return a.equals(b) ? List.of(a) : List.of(a, b);
    }

    private static void name(XSSFWorkbook wb, String name, String ref) {
        Name n = wb.createName();
        n.setNameName(name);
        n.setRefersToFormula(ref);
    }

    private static int first() {
        return TemplateLayout.FIRST_SERVICE_ROW + 1;
    }

    private static int last() {
        return first() + ROWS - 1;
    }

    /** The service rows of every column searched, absolute, 1-based: {@code $A$4:$CV$203}. */
    private static String dataRange() {
        return "$A$" + first() + ":$" + CellReference.convertNumToColString(WIDTH - 1) + "$" + last();
    }

}
