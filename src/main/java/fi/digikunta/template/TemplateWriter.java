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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds the blank assessment workbook from a schema: the instruction tab, the six area tabs with
 * the catalogue, drop-down lists and number checks, and the summary tab with the identification
 * block and formulas counting each area's services by status. Everything a municipality sees
 * (tab names, labels, values, catalogue) comes from the schema; only the instruction prose lives in
 * {@code TemplateText*.properties}. Plain XSSF features only, so that Excel and LibreOffice open it
 * without a repair prompt. This class writes the instruction tab; {@link AreaTab} and
 * {@link SummaryTab} write the others.
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
            // The only formulas are the summary's, whose blank values SummaryTab caches itself.
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
        // Thousands of generated formulas: POI's parse of each one on setting it costs a minute.
        wb.setCellFormulaValidation(false);
        TemplateStyles st = new TemplateStyles(wb);
        writeInstructions(wb, layout, text, st);
        AreaTab areaTab = new AreaTab(schema, layout, text, st);
        for (Map.Entry<String, String> tab : layout.areaTabs().entrySet()) {
            areaTab.write(wb, tab.getKey(), tab.getValue());
        }
        new SummaryTab(schema, layout, text, st).write(wb);
        // Excel and LibreOffice recalculate on opening: POI caches right figures only for the blank
        // template, and a return filled by a program may carry none.
        wb.setForceFormulaRecalculation(true);
        wb.setActiveSheet(0);
        return wb;
    }

    static ResourceBundle text(Lang lang) {
        Locale locale = lang == Lang.SV ? Locale.forLanguageTag("sv") : Locale.ROOT;
        return ResourceBundle.getBundle("fi.digikunta.template.TemplateText", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String sheetName(String name) {
        if (name.length() > MAX_SHEET_NAME) {
            throw new IllegalArgumentException("sheet name longer than " + MAX_SHEET_NAME + ": " + name);
        }
        WorkbookUtil.validateSheetName(name);
        return name;
    }

    /** The schema's labels that the instruction prose refers to, in the order of TemplateText's arguments. */
    private Object[] textArgs(TemplateLayout layout, ResourceBundle text) {
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
        List<Object> quoted = new ArrayList<>(args.stream().map(a -> a.startsWith("\u201d") ? a : quote(a)).toList());
        // {16}: the round, a required field of form v2 that v1 does not have.
        boolean round = schema.identification().keys().stream().anyMatch(k -> k.key().equals("round"));
        quoted.add(round ? " " + new MessageFormat(text.getString("instructions.round"), lang.locale())
                .format(new Object[] {quote(idLabel("round", lang))}) : "");
        return quoted.toArray();
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

    private void writeInstructions(XSSFWorkbook wb, TemplateLayout layout, ResourceBundle text, TemplateStyles st) {
        XSSFSheet sh = wb.createSheet(sheetName(schema.tabs().get("instructions").name().get(layout.lang())));
        sh.setColumnWidth(0, 110 * 256);
        Object[] args = textArgs(layout, text);
        line(sh, 0, text.getString("instructions.title"), st.title);
        printSetup(sh, -1);
        int r = 2;
        for (int i = 1; text.containsKey("instructions." + i); i++) {
            String para = new MessageFormat(text.getString("instructions." + i), layout.lang().locale()).format(args);
            Row row = sh.createRow(r++);
            cell(row, 0, para, st.wrap);
            // Explicit heights, since not every program grows a wrapped row on opening.
            row.setHeightInPoints(15f * (1 + para.length() / 105));
            r++;
        }
    }

    /**
     * Evaluates the formula cells of every tab but the summary (e.g. a return's own =SUM() cells):
     * POI cannot evaluate the summary's array expressions inside SUMPRODUCT, and the workbook asks
     * Excel and LibreOffice to recalculate it on loading.
     */
    public static void evaluateOutsideSummary(XSSFWorkbook wb, Schema schema) {
        XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        java.util.Set<String> summary = java.util.Set.of(schema.tabs().get("summary").name().fi(),
                schema.tabs().get("summary").name().sv());
        for (org.apache.poi.ss.usermodel.Sheet sh : wb) {
            if (summary.contains(sh.getSheetName())) {
                continue;
            }
            for (Row row : sh) {
                for (Cell c : row) {
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                        ev.evaluateFormulaCell(c);
                    }
                }
            }
        }
    }

    /**
     * The width in characters a wrapped header needs so that no word of it breaks mid-word when
     * printed: its longest word, plus room for the bold font and the cell's padding.
     */
    static int headerWidth(String... labels) {
        int longest = 0;
        for (String label : labels) {
            for (String word : label.split("\\s+")) {
                longest = Math.max(longest, word.length());
            }
        }
        return longest + 3;
    }

    /** A number as a formula constant: 25 rather than 25.0. */
    static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /**
     * Printing: landscape, one page wide (as many pages tall as needed), the top rows up to
     * {@code headerRow} (0-based) repeated on every page.
     */
    static void printSetup(XSSFSheet sh, int headerRow) {
        sh.getPrintSetup().setLandscape(true);
        sh.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sh.setFitToPage(true);
        sh.getPrintSetup().setFitWidth((short) 1);
        sh.getPrintSetup().setFitHeight((short) 0);
        if (headerRow >= 0) {
            sh.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(0, headerRow, -1, -1));
        }
    }

    /** A text cell with a style in a new or existing row. */
    static Cell cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
        return c;
    }

    /** A new row holding one text cell in its first column (a title, hint or note). */
    static void line(XSSFSheet sh, int row, String value, CellStyle style) {
        cell(sh.createRow(row), 0, value, style);
    }
}
