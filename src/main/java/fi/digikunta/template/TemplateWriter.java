package fi.digikunta.template;

import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds the blank assessment workbook from a schema: the instruction tab, the six area tabs with
 * the catalogue, drop-down lists and number checks, and the summary tab with the identification
 * block and formulas counting each area's services by status. Everything a municipality sees
 * (tab names, labels, values, catalogue) comes from the schema; only the instruction prose lives in
 * {@code TemplateText*.properties}. Plain XSSF features only, so that Excel and LibreOffice open it
 * without a repair prompt.
 */
public final class TemplateWriter {
    /** The sheet-name limit of Excel; longer names make Excel repair the file. */
    static final int MAX_SHEET_NAME = 31;

    private final Schema schema;

    public TemplateWriter(Schema schema) {
        this.schema = schema;
    }

    public Schema schema() {
        return schema;
    }

    /** The blank workbook in the standard layout of a language, as the bytes of an .xlsx file. */
    public byte[] write(Lang lang, Instant created) {
        return write(TemplateLayout.standard(schema, lang), created);
    }

    /** The blank workbook in a layout, as the bytes of an .xlsx file. */
    public byte[] write(TemplateLayout layout, Instant created) {
        try (XSSFWorkbook wb = build(layout)) {
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            return toBytes(wb, created);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serialises a workbook so that the bytes depend only on its content and {@code time}: the
     * document properties and every zip entry carry that time instead of the clock's.
     */
    public static byte[] toBytes(XSSFWorkbook wb, Instant time) {
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        Date date = Date.from(time);
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setCreator("digikunta");
        core.setLastModifiedByUser("digikunta");
        ByteArrayOutputStream b = new ByteArrayOutputStream(64 * 1024);
        try {
            wb.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return StableZip.normalize(b.toByteArray(), time);
    }

    /** The workbook, not yet evaluated or serialised; the caller closes it. */
    public XSSFWorkbook build(TemplateLayout layout) {
        for (String key : layout.columnOrder()) {
            if (schema.column(key).isEmpty()) {
                throw new IllegalArgumentException("layout column " + key + " is not in schema " + schema.schemaVersion());
            }
        }
        ResourceBundle text = text(layout.lang());
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles st = new Styles(wb);
        writeInstructions(wb, layout, text, st);
        for (Map.Entry<String, String> tab : layout.areaTabs().entrySet()) {
            writeArea(wb, layout, tab.getKey(), tab.getValue(), text, st);
        }
        writeSummary(wb, layout, text, st);
        wb.setActiveSheet(0);
        return wb;
    }

    static ResourceBundle text(Lang lang) {
        Locale locale = lang == Lang.SV ? Locale.forLanguageTag("sv") : Locale.ROOT;
        return ResourceBundle.getBundle("fi.digikunta.template.TemplateText", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String sheetName(String name) {
        if (name.length() > MAX_SHEET_NAME) {
            throw new IllegalArgumentException("sheet name longer than " + MAX_SHEET_NAME + ": " + name);
        }
        WorkbookUtil.validateSheetName(name);
        return name;
    }

    /** The schema's labels that the instruction prose refers to, in the order of TemplateText's arguments. */
    private Object[] textArgs(TemplateLayout layout) {
        Lang lang = layout.lang();
        List<String> args = new ArrayList<>();
        args.add(schema.tabs().get("summary").name().get(lang));
        args.add(layout.areaTabs().values().stream().map(TemplateWriter::quote).collect(Collectors.joining(", ")));
        args.add(label("status", lang));
        args.add(label("usage", lang));
        args.add(idLabel("date", lang));
        args.add(idLabel("version", lang));
        args.add(idLabel("hourly", lang));
        schema.statuses().forEach(c -> args.add(c.label().get(lang)));
        schema.stageLevels().forEach(c -> args.add(c.label().get(lang)));
        args.add(label("stage." + schema.stages().get(0), lang));
        args.add(label("stage." + schema.stages().get(schema.stages().size() - 1), lang));
        // Labels are quoted, since several contain commas ("Asuminen, ympäristö, liikenne").
        return args.stream().map(a -> a.startsWith("\u201d") ? a : quote(a)).toArray();
    }

    private static String quote(String s) {
        return "\u201d" + s + "\u201d";
    }

    private String label(String columnKey, Lang lang) {
        return schema.column(columnKey).orElseThrow().label().get(lang);
    }

    private String idLabel(String key, Lang lang) {
        return schema.identification().keys().stream().filter(k -> k.key().equals(key)).findFirst()
                .orElseThrow().label().get(lang);
    }

    private void writeInstructions(XSSFWorkbook wb, TemplateLayout layout, ResourceBundle text, Styles st) {
        XSSFSheet sh = wb.createSheet(sheetName(schema.tabs().get("instructions").name().get(layout.lang())));
        sh.setColumnWidth(0, 110 * 256);
        Object[] args = textArgs(layout);
        Cell title = sh.createRow(0).createCell(0);
        title.setCellValue(text.getString("instructions.title"));
        title.setCellStyle(st.title);
        int r = 2;
        for (int i = 1; text.containsKey("instructions." + i); i++) {
            String para = new MessageFormat(text.getString("instructions." + i), layout.lang().locale()).format(args);
            Row row = sh.createRow(r++);
            Cell c = row.createCell(0);
            c.setCellValue(para);
            c.setCellStyle(st.wrap);
            // Explicit heights, since not every program grows a wrapped row on opening.
            row.setHeightInPoints(15f * (1 + para.length() / 105));
            r++;
        }
    }

    private void writeArea(XSSFWorkbook wb, TemplateLayout layout, String areaCode, String tabName,
            ResourceBundle text, Styles st) {
        Lang lang = layout.lang();
        Schema.Area area = schema.area(areaCode).orElseThrow(() -> new IllegalArgumentException("no area " + areaCode));
        XSSFSheet sh = wb.createSheet(sheetName(tabName));
        Cell title = sh.createRow(TemplateLayout.TITLE_ROW).createCell(0);
        title.setCellValue(area.tab().get(lang));
        title.setCellStyle(st.title);
        Cell hint = sh.createRow(TemplateLayout.HINT_ROW).createCell(0);
        hint.setCellValue(text.getString("area.hint"));
        hint.setCellStyle(st.hint);

        List<Schema.Column> cols = layout.columnOrder().stream().map(k -> schema.column(k).orElseThrow()).toList();
        Row header = sh.createRow(TemplateLayout.HEADER_ROW);
        header.setHeightInPoints(48);
        for (int c = 0; c < cols.size(); c++) {
            Cell h = header.createCell(c);
            h.setCellValue(cols.get(c).label().get(lang));
            h.setCellStyle(st.header);
            sh.setColumnWidth(c, width(cols.get(c)) * 256);
        }

        List<Schema.CatalogueService> services = schema.servicesOf(areaCode);
        int last = layout.lastServiceRow(schema, areaCode);
        for (int r = TemplateLayout.FIRST_SERVICE_ROW; r <= last; r++) {
            int i = r - TemplateLayout.FIRST_SERVICE_ROW;
            Schema.CatalogueService svc = i < services.size() ? services.get(i) : null;
            Row row = sh.createRow(r);
            for (int c = 0; c < cols.size(); c++) {
                Schema.Column col = cols.get(c);
                Cell cell = row.createCell(c);
                cell.setCellStyle(st.forColumn(col, svc != null));
                if (svc != null && col.key().equals("id")) {
                    cell.setCellValue(svc.id());
                } else if (svc != null && col.key().equals("service")) {
                    cell.setCellValue(svc.name().get(lang));
                }
            }
        }

        XSSFDataValidationHelper dvh = new XSSFDataValidationHelper(sh);
        int first = TemplateLayout.FIRST_SERVICE_ROW;
        CellRangeAddressList statusCells = columnsOfType(cols, "status", first, last);
        CellRangeAddressList stageCells = columnsOfType(cols, "stage", first, last);
        CellRangeAddressList numberCells = columnsOfType(cols, "number", first, last);
        CellRangeAddressList percentCells = columnsOfType(cols, "percent", first, last);
        if (statusCells.countRanges() > 0) {
            addList(sh, dvh, statusCells, schema.statuses().stream().map(s -> s.label().get(lang)).toList(), text);
        }
        if (stageCells.countRanges() > 0) {
            addList(sh, dvh, stageCells, schema.stageLevels().stream().map(s -> s.label().get(lang)).toList(), text);
        }
        if (numberCells.countRanges() > 0) {
            addNumber(sh, dvh, numberCells, dvh.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null),
                    text.getString("validation.number.title"), text.getString("validation.number.error"), text);
        }
        if (percentCells.countRanges() > 0) {
            // The cell is formatted as percent, so 55 % is stored as 0.55: the check is on the fraction.
            addNumber(sh, dvh, percentCells, dvh.createDecimalConstraint(OperatorType.BETWEEN, "0", "1"),
                    text.getString("validation.usage.title"), text.getString("validation.usage.error"), text);
        }
        int idCol = layout.columnIndex("id");
        int serviceCol = layout.columnIndex("service");
        int frozenCols = idCol == 0 && serviceCol == 1 ? 2 : 0;
        sh.createFreezePane(frozenCols, TemplateLayout.FIRST_SERVICE_ROW);
        sh.setAutoFilter(new CellRangeAddress(TemplateLayout.HEADER_ROW, last, 0, cols.size() - 1));
    }

    private static CellRangeAddressList columnsOfType(List<Schema.Column> cols, String type, int first, int last) {
        CellRangeAddressList l = new CellRangeAddressList();
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).type().equals(type)) {
                l.addCellRangeAddress(first, c, last, c);
            }
        }
        return l;
    }

    private static void addList(XSSFSheet sh, XSSFDataValidationHelper dvh, CellRangeAddressList cells,
            List<String> values, ResourceBundle text) {
        DataValidationConstraint c = dvh.createExplicitListConstraint(values.toArray(String[]::new));
        DataValidation dv = dvh.createValidation(c, cells);
        // In XSSF "suppress" true means the in-cell arrow is shown (the attribute is inverted).
        dv.setSuppressDropDownArrow(true);
        dv.setEmptyCellAllowed(true);
        dv.setShowErrorBox(true);
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        dv.createErrorBox(text.getString("validation.error.title"), text.getString("validation.list.error"));
        dv.setShowPromptBox(false);
        sh.addValidationData(dv);
    }

    private static void addNumber(XSSFSheet sh, XSSFDataValidationHelper dvh, CellRangeAddressList cells,
            DataValidationConstraint c, String title, String error, ResourceBundle text) {
        DataValidation dv = dvh.createValidation(c, cells);
        dv.setEmptyCellAllowed(true);
        dv.setShowErrorBox(true);
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        dv.createErrorBox(text.getString("validation.error.title"), error);
        dv.createPromptBox(title, error);
        dv.setShowPromptBox(false);
        sh.addValidationData(dv);
    }

    private static int width(Schema.Column c) {
        return switch (c.type()) {
            case "id" -> 10;
            case "status" -> 19;
            case "stage" -> 15;
            case "percent" -> 12;
            case "number" -> 14;
            default -> c.key().equals("service") ? 46 : c.key().equals("notes") ? 36 : 26;
        };
    }

    private void writeSummary(XSSFWorkbook wb, TemplateLayout layout, ResourceBundle text, Styles st) {
        Lang lang = layout.lang();
        XSSFSheet sh = wb.createSheet(sheetName(schema.tabs().get("summary").name().get(lang)));
        sh.setColumnWidth(0, 44 * 256);
        sh.setColumnWidth(1, 30 * 256);
        for (int c = 2; c <= 2 + schema.statuses().size() + 1; c++) {
            sh.setColumnWidth(c, 17 * 256);
        }
        Cell title = sh.createRow(0).createCell(0);
        title.setCellValue(text.getString("summary.title"));
        title.setCellStyle(st.title);
        for (Schema.IdKey k : schema.identification().keys()) {
            Row row = sh.createRow(TemplateLayout.identificationRow(schema, k.key()));
            Cell label = row.createCell(TemplateLayout.LABEL_COL);
            label.setCellValue(k.label().get(lang));
            label.setCellStyle(st.label);
            Cell value = row.createCell(TemplateLayout.VALUE_COL);
            value.setCellStyle(switch (k.type()) {
                case "date" -> st.date;
                case "number" -> st.euro;
                default -> st.input;
            });
            if (k.key().equals("version")) {
                value.setCellValue(schema.templateVersions().get(schema.templateVersions().size() - 1));
                value.setCellStyle(st.fixed);
            }
        }

        int r = TemplateLayout.SUMMARY_COUNTS_ROW;
        Cell countsTitle = sh.createRow(r++).createCell(0);
        countsTitle.setCellValue(text.getString("summary.counts.title"));
        countsTitle.setCellStyle(st.subtitle);
        Row head = sh.createRow(r++);
        List<String> heads = new ArrayList<>();
        heads.add(text.getString("summary.counts.area"));
        schema.statuses().forEach(s -> heads.add(s.label().get(lang)));
        heads.add(text.getString("summary.counts.unanswered"));
        heads.add(text.getString("summary.counts.total"));
        for (int c = 0; c < heads.size(); c++) {
            Cell h = head.createCell(c);
            h.setCellValue(heads.get(c));
            h.setCellStyle(st.header);
        }
        int firstAreaRow = r;
        int statusCol = layout.columnIndex("status");
        int serviceCol = layout.columnIndex("service");
        int nStatus = schema.statuses().size();
        for (Map.Entry<String, String> tab : layout.areaTabs().entrySet()) {
            Row row = sh.createRow(r);
            Cell name = row.createCell(0);
            name.setCellValue(tab.getValue());
            name.setCellStyle(st.label);
            String sheetRef = "'" + tab.getValue().replace("'", "''") + "'!";
            int first = TemplateLayout.FIRST_SERVICE_ROW + 1;
            int last = layout.lastServiceRow(schema, tab.getKey()) + 1;
            String statusRange = sheetRef + "$" + CellReference.convertNumToColString(statusCol) + "$" + first + ":$"
                    + CellReference.convertNumToColString(statusCol) + "$" + last;
            String serviceRange = sheetRef + "$" + CellReference.convertNumToColString(serviceCol) + "$" + first + ":$"
                    + CellReference.convertNumToColString(serviceCol) + "$" + last;
            for (int i = 0; i < nStatus; i++) {
                Cell c = row.createCell(1 + i);
                c.setCellFormula("COUNTIF(" + statusRange + ",\"" + schema.statuses().get(i).label().get(lang) + "\")");
                c.setCellStyle(st.count);
            }
            String totalRef = a1(r, 2 + nStatus);
            Cell unanswered = row.createCell(1 + nStatus);
            unanswered.setCellFormula(totalRef + "-SUM(" + a1(r, 1) + ":" + a1(r, nStatus) + ")");
            unanswered.setCellStyle(st.count);
            Cell total = row.createCell(2 + nStatus);
            total.setCellFormula("COUNTA(" + serviceRange + ")");
            total.setCellStyle(st.count);
            r++;
        }
        Row all = sh.createRow(r);
        Cell allName = all.createCell(0);
        allName.setCellValue(text.getString("summary.counts.all"));
        allName.setCellStyle(st.label);
        for (int c = 1; c <= 2 + nStatus; c++) {
            Cell cell = all.createCell(c);
            cell.setCellFormula("SUM(" + a1(firstAreaRow, c) + ":" + a1(r - 1, c) + ")");
            cell.setCellStyle(st.countTotal);
        }
        Cell note = sh.createRow(r + 2).createCell(0);
        note.setCellValue(text.getString("summary.counts.note"));
        note.setCellStyle(st.hint);
    }

    private static String a1(int row, int col) {
        return new CellReference(row, col).formatAsString(false);
    }

    /** The workbook's cell styles, made once (Excel limits a workbook to 64,000 styles). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle hint;
        final CellStyle wrap;
        final CellStyle header;
        final CellStyle label;
        final CellStyle fixed;
        final CellStyle catalogue;
        final CellStyle input;
        final CellStyle percent;
        final CellStyle euro;
        final CellStyle whole;
        final CellStyle minutes;
        final CellStyle date;
        final CellStyle count;
        final CellStyle countTotal;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            short fmtPercent = wb.createDataFormat().getFormat("0%");
            short fmtEuro = wb.createDataFormat().getFormat("#,##0.00");
            short fmtWhole = wb.createDataFormat().getFormat("#,##0");
            short fmtMinutes = wb.createDataFormat().getFormat("0.0");
            short fmtDate = wb.createDataFormat().getFormat("d.m.yyyy");
            short fmtText = wb.createDataFormat().getFormat("@");

            title = wb.createCellStyle();
            title.setFont(big);
            subtitle = wb.createCellStyle();
            subtitle.setFont(bold);
            hint = wb.createCellStyle();
            hint.setFont(grey);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            label = wb.createCellStyle();
            label.setFont(bold);
            fixed = wb.createCellStyle();
            fixed.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            fixed.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            fixed.setDataFormat(fmtText);
            catalogue = wb.createCellStyle();
            catalogue.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            catalogue.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            input = wb.createCellStyle();
            percent = wb.createCellStyle();
            percent.setDataFormat(fmtPercent);
            euro = wb.createCellStyle();
            euro.setDataFormat(fmtEuro);
            whole = wb.createCellStyle();
            whole.setDataFormat(fmtWhole);
            minutes = wb.createCellStyle();
            minutes.setDataFormat(fmtMinutes);
            date = wb.createCellStyle();
            date.setDataFormat(fmtDate);
            count = wb.createCellStyle();
            count.setDataFormat(fmtWhole);
            countTotal = wb.createCellStyle();
            countTotal.setDataFormat(fmtWhole);
            countTotal.setFont(bold);
            countTotal.setBorderTop(BorderStyle.THIN);
        }

        /** Catalogue ids and names are shaded as given; input cells carry their number format. */
        CellStyle forColumn(Schema.Column col, boolean catalogueRow) {
            return switch (col.type()) {
                case "id" -> catalogueRow ? catalogue : input;
                case "percent" -> percent;
                case "number" -> col.key().equals("volume") ? whole
                        : col.key().startsWith("save.") ? minutes : euro;
                default -> col.key().equals("service") && catalogueRow ? catalogue : input;
            };
        }
    }
}
