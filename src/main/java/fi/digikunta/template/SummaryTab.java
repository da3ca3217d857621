package fi.digikunta.template;

import fi.digikunta.schema.Labels;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the summary tab of a template: the identification block, then per area and for all
 * areas the figures of shared/spec/figures.md computed live by formulas from the area tabs (via
 * the aggregate formulas of {@link LiveFigures}), each also a workbook name {@code DK_<AREA>_<FIGURE>},
 * and the two charts of {@link SummaryCharts}. A figure that figures.md leaves undefined is "".
 */
record SummaryTab(Schema schema, TemplateLayout layout, ResourceBundle text, TemplateStyles st) {
    /** Name of the row of all areas together in the defined names. */
    static final String ALL = "ALL";
    /** The figures after the status counts, in column order. */
    static final List<String> FIGURES = List.of("UNANSWERED", "COVERAGE", "DEPTH", "USAGE", "INDEX", "LEVEL",
            "LEVEL_NAME", "REALISED_NET", "POTENTIAL_NET", "TARGET");

    void write(XSSFWorkbook wb) {
        Lang lang = layout.lang();
        XSSFSheet sh = wb.createSheet(TemplateWriter.sheetName(schema.tabs().get("summary").name().get(lang)));
        sh.setColumnWidth(0, 44 * 256);
        sh.setColumnWidth(1, 30 * 256);
        TemplateWriter.line(sh, 0, text.getString("summary.title"), st.title);
        writeIdentification(sh);
        List<String> areas = schema.areaCodes();
        LiveFigures live = new LiveFigures(schema, layout, sh.getSheetName());
        live.defineNames(wb, sh);
        int r = TemplateLayout.SUMMARY_COUNTS_ROW;
        TemplateWriter.line(sh, r++, text.getString("summary.counts.title"), st.subtitle);
        writeHeader(sh, r++);
        int firstAreaRow = r;
        for (int a = 0; a < areas.size(); a++) {
            writeArea(wb, sh, r++, live, areas.get(a));
        }
        writeAll(wb, sh, r, firstAreaRow);
        TemplateWriter.line(sh, r + 2, text.getString("summary.counts.note"), st.hint);
        TemplateWriter.line(sh, r + 3, text.getString("summary.textNumbers"), st.hint);
        TemplateWriter.printSetup(sh, -1);
        sh.getWorkbook().setPrintArea(sh.getWorkbook().getSheetIndex(sh), 0, columns().size() - 1, 0, r + 28);
        new SummaryCharts(schema, text).draw(sh, firstAreaRow, r - 1, r + 5, columns());
        // Last: the lists share rows with the table, and POI's createRow would replace a row.
        live.writeLists(sh);
    }

    /** Column keys of the figures table: the status codes, then {@link #FIGURES}. */
    List<String> columns() {
        List<String> cols = new ArrayList<>();
        cols.add("AREA");
        schema.statuses().forEach(s -> cols.add(s.code()));
        cols.addAll(FIGURES);
        return cols;
    }

    /** Labels in one column, the cells to fill in beside them; the form version is filled in and fixed. */
    private void writeIdentification(XSSFSheet sh) {
        Lang lang = layout.lang();
        for (Schema.IdKey k : schema.identification().keys()) {
            Row row = sh.createRow(TemplateLayout.identificationRow(schema, k.key()));
            TemplateWriter.cell(row, TemplateLayout.LABEL_COL, k.label().get(lang), st.label);
            Cell value = row.createCell(TemplateLayout.VALUE_COL);
            value.setCellStyle(switch (k.type()) {
                case "municipality_code" -> st.code;
                case "date" -> st.date;
                case "number" -> st.euro;
                default -> st.input;
            });
            if (k.key().equals("version")) {
                value.setCellValue(schema.templateVersions().get(schema.templateVersions().size() - 1));
                value.setCellStyle(st.fixed);
            }
            check(sh, k, row.getRowNum());
        }
    }

    /** A check on an identification input: the code three digits, a date, the round a year, a number >= 0. */
    private void check(XSSFSheet sh, Schema.IdKey k, int r) {
        XSSFDataValidationHelper dvh = new XSSFDataValidationHelper(sh);
        String cell = "B" + (r + 1);
        DataValidationConstraint c = switch (k.type()) {
            // Three digits as text; a number too (a cell made a number elsewhere: 91 is read as 091).
            case "municipality_code" -> dvh.createCustomConstraint("IF(ISNUMBER(" + cell + "),AND(" + cell + ">=1,"
                    + cell + "<=999," + cell + "=INT(" + cell + ")),AND(LEN(" + cell + ")=3,ISNUMBER(VALUE(" + cell
                    + "))))");
            case "date" -> dvh.createDateConstraint(OperatorType.BETWEEN, "=DATE(2000,1,1)", "=DATE(2100,12,31)", null);
            case "round" -> dvh.createIntegerConstraint(OperatorType.BETWEEN,
                    TemplateWriter.plain(k.min() == null ? 2000 : k.min()),
                    TemplateWriter.plain(k.max() == null ? 2100 : k.max()));
            case "number" -> dvh.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
            default -> null;
        };
        if (c == null) {
            return;
        }
        DataValidation dv = dvh.createValidation(c, new CellRangeAddressList(r, r, TemplateLayout.VALUE_COL,
                TemplateLayout.VALUE_COL));
        dv.setEmptyCellAllowed(true);
        dv.setShowErrorBox(true);
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        dv.createErrorBox(text.getString("validation.error.title"), text.getString("validation.id." + k.type()));
        sh.addValidationData(dv);
    }

    private void writeHeader(XSSFSheet sh, int r) {
        Lang lang = layout.lang();
        Row head = sh.createRow(r);
        // Three lines: "Realiserad / nettobesparing / €/år" wraps so in the columns headerWidth gives.
        head.setHeightInPoints(44);
        List<String> cols = columns();
        for (int c = 0; c < cols.size(); c++) {
            String k = cols.get(c);
            int status = c - 1;
            String label = c == 0 ? text.getString("summary.counts.area")
                    : status < schema.statuses().size() ? schema.statuses().get(status).label().get(lang)
                    : text.getString("summary.fig." + k);
            TemplateWriter.cell(head, c, label, st.header);
            if (c > 1) {
                // Wide enough for the longest word ("Potentiaalinen", "nettobesparing"), never narrower than 13.
                sh.setColumnWidth(c, Math.max(13, TemplateWriter.headerWidth(label)) * 256);
            }
        }
    }

    private void writeArea(XSSFWorkbook wb, XSSFSheet sh, int r, LiveFigures figures, String areaCode) {
        Row row = sh.createRow(r);
        TemplateWriter.cell(row, 0, layout.areaTabs().getOrDefault(areaCode,
                schema.area(areaCode).orElseThrow().tab().get(layout.lang())), st.label);
        int helperCol = LiveFigures.LIST_COL + 40;
        Map<String, String> live = figures.formulas(areaCode, k -> "$" + CellReference.convertNumToColString(
                helperCol + k) + "$" + (r + 1));
        live.forEach((key, formula) -> {
            if (key.startsWith("_")) {
                int c = helperCol + Integer.parseInt(key.substring(1));
                Cell cell = row.createCell(c);
                cell.setCellFormula(formula);
                cell.setCellValue(0);
                sh.setColumnHidden(c, true);
            }
        });
        int n = schema.statuses().size();
        int size = schema.servicesOf(areaCode).size();
        List<String> f = new ArrayList<>();
        schema.statuses().forEach(s -> f.add(live.get(s.code())));
        int row1 = r + 1;
        String counts = a1(row1, 1) + ":" + a1(row1, n);
        String cov = a1(row1, n + 2);
        f.add(size + "-SUM(" + counts + ")");
        String inUse = a1(row1, statusColumn("IN_USE"));
        f.add(inUse + "/" + size);
        f.add(live.get("DEPTH"));
        f.add(live.get("USAGE"));
        Schema.Weights w = schema.figures().weights();
        f.add("100*(" + w.coverage() + "*" + cov + "+" + w.depth() + "*" + zero(a1(row1, n + 3)) + "+" + w.usage()
                + "*" + zero(a1(row1, n + 4)) + ")");
        String soughtSum = inUse + "+" + a1(row1, statusColumn("PLANNED"));
        f.add("IF(" + soughtSum + "=0,0," + band(a1(row1, n + 5)) + ")");
        f.add(levelName(a1(row1, n + 6)));
        f.add(live.get("REALISED_NET"));
        f.add(live.get("POTENTIAL_NET"));
        f.add(live.get("TARGET"));
        writeFigures(wb, sh, row, areaCode, f, false);
    }

    private void writeAll(XSSFWorkbook wb, XSSFSheet sh, int r, int firstAreaRow) {
        Row row = sh.createRow(r);
        TemplateWriter.cell(row, 0, text.getString("summary.counts.all"), st.label);
        int n = schema.statuses().size();
        int first = firstAreaRow + 1;
        int last = r;
        List<String> f = new ArrayList<>();
        for (int c = 1; c <= n + 1; c++) {
            f.add("SUM(" + col(c, first, last) + ")");
        }
        // figures.md defines no coverage, depth or usage for the municipality as a whole.
        f.add("\"\"");
        f.add("\"\"");
        f.add("\"\"");
        f.add("AVERAGE(" + col(n + 5, first, last) + ")");
        f.add("IF(COUNTIF(" + col(n + 6, first, last) + ",0)=" + (last - first + 1) + ",0," + band(a1(r + 1, n + 5))
                + ")");
        f.add(levelName(a1(r + 1, n + 6)));
        for (int c = n + 8; c <= n + 10; c++) {
            f.add("SUM(" + col(c, first, last) + ")");
        }
        writeFigures(wb, sh, row, ALL, f, true);
    }

    /** The formulas of one table row from column B, each also named DK_<AREA>_<FIGURE>. */
    private void writeFigures(XSSFWorkbook wb, XSSFSheet sh, Row row, String area, List<String> formulas,
            boolean total) {
        List<String> cols = columns();
        for (int i = 0; i < formulas.size(); i++) {
            int c = i + 1;
            Cell cell = row.createCell(c);
            cell.setCellFormula(formulas.get(i));
            blankValue(cell, cols.get(c), area, total);
            cell.setCellStyle(style(cols.get(c), total));
            if (!cols.get(c).equals("LEVEL_NAME")) {
                Name name = wb.createName();
                name.setNameName("DK_" + area + "_" + cols.get(c));
                name.setRefersToFormula(Labels.quotedSheet(sh.getSheetName()) + "!"
                        + new CellReference(row.getRowNum(), c, true, true).formatAsString(false));
            }
        }
    }

    /**
     * The cached value of a figure on the blank template, written here rather than by POI's
     * evaluator, which cannot evaluate array expressions inside SUMPRODUCT; the workbook asks
     * Excel and LibreOffice to recalculate on loading anyway.
     */
    private void blankValue(Cell cell, String key, String area, boolean total) {
        switch (key) {
            case "UNANSWERED" -> cell.setCellValue(total ? schema.catalogue().size() : schema.servicesOf(area).size());
            case "DEPTH", "USAGE" -> cell.setCellValue("");
            case "COVERAGE" -> {
                if (total) {
                    cell.setCellValue("");
                } else {
                    cell.setCellValue(0);
                }
            }
            case "LEVEL_NAME" -> cell.setCellValue(schema.figures().levels().get(0).name().get(layout.lang()));
            default -> cell.setCellValue(0);
        }
    }

    private CellStyle style(String key, boolean total) {
        return switch (key) {
            case "COVERAGE", "DEPTH", "USAGE" -> st.share;
            case "INDEX" -> st.index;
            case "LEVEL_NAME" -> total ? st.label : st.input;
            case "REALISED_NET", "POTENTIAL_NET", "TARGET" -> st.euro;
            default -> total ? st.countTotal : st.count;
        };
    }

    /** The table column of a status's count: the statuses stand in schema order from column 1. */
    private int statusColumn(String code) {
        List<String> codes = schema.statuses().stream().map(Schema.Choice::code).toList();
        if (!codes.contains(code)) {
            throw new IllegalStateException("schema has no status " + code);
        }
        return codes.indexOf(code) + 1;
    }

    /** A figure with "" (undefined) read as 0, as the index formula of figures.md counts a null component. */
    private static String zero(String ref) {
        return "IF(" + ref + "=\"\",0," + ref + ")";
    }

    /**
     * The band of an index by the schema's thresholds, with compute/FiguresCalculator's tolerance
     * (an index that is exactly a threshold in decimals may come out a hair below it in double).
     */
    private String band(String index) {
        return "1" + schema.figures().levelThresholds().stream()
                .map(t -> "+IF(" + index + "+1E-9>=" + TemplateWriter.plain(t) + ",1,0)").collect(Collectors.joining());
    }

    private String levelName(String level) {
        return "CHOOSE(" + level + "+1," + schema.figures().levels().stream()
                .map(l -> "\"" + l.name().get(layout.lang()) + "\"").collect(Collectors.joining(",")) + ")";
    }

    private static String col(int c, int first, int last) {
        return a1(first, c) + ":" + a1(last, c);
    }

    /** A1 reference of a 1-based row and 0-based column. */
    private static String a1(int row1, int col) {
        return CellReference.convertNumToColString(col) + row1;
    }
}
