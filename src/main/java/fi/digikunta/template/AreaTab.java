package fi.digikunta.template;

import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import java.util.List;
import java.util.ResourceBundle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the area tabs of a template: title, hint, header, the catalogue rows and the blank rows
 * for own services, with drop-down lists for statuses and stages and checks on the numbers.
 */
final class AreaTab {
    private final Schema schema;
    private final TemplateLayout layout;
    private final ResourceBundle text;
    private final TemplateStyles st;
    private final List<Schema.Column> cols;

    AreaTab(Schema schema, TemplateLayout layout, ResourceBundle text, TemplateStyles st) {
        this.schema = schema;
        this.layout = layout;
        this.text = text;
        this.st = st;
        this.cols = layout.columnOrder().stream().map(k -> schema.column(k).orElseThrow()).toList();
    }

    void write(XSSFWorkbook wb, String areaCode, String tabName) {
        Schema.Area area = schema.area(areaCode).orElseThrow(() -> new IllegalArgumentException("no area " + areaCode));
        XSSFSheet sh = wb.createSheet(TemplateWriter.sheetName(tabName));
        TemplateWriter.line(sh, TemplateLayout.TITLE_ROW, area.tab().get(layout.lang()), st.title);
        TemplateWriter.line(sh, TemplateLayout.HINT_ROW, text.getString("area.hint"), st.hint);
        writeHeader(sh);
        int last = layout.lastServiceRow(schema, areaCode);
        writeServiceRows(sh, schema.servicesOf(areaCode), last);
        // Drop-downs and checks on every row the reader and the summary read, so that own services
        // typed below the free rows get them too.
        addChecks(sh, Math.max(last, TemplateLayout.FIRST_SERVICE_ROW + LiveFigures.ROWS - 1));
        int idCol = layout.columnIndex("id");
        int serviceCol = layout.columnIndex("service");
        int frozenCols = idCol == 0 && serviceCol == 1 ? 2 : 0;
        sh.createFreezePane(frozenCols, TemplateLayout.FIRST_SERVICE_ROW);
        sh.setAutoFilter(new CellRangeAddress(TemplateLayout.HEADER_ROW, last, 0, cols.size() - 1));
        TemplateWriter.printSetup(sh, TemplateLayout.HEADER_ROW);
    }

    private void writeHeader(XSSFSheet sh) {
        Row header = sh.createRow(TemplateLayout.HEADER_ROW);
        header.setHeightInPoints(48);
        for (int c = 0; c < cols.size(); c++) {
            TemplateWriter.cell(header, c, cols.get(c).label().get(layout.lang()), st.header);
            sh.setColumnWidth(c, width(cols.get(c)) * 256);
        }
    }

    /** The catalogue's services, shaded, then blank rows up to {@code last}. */
    private void writeServiceRows(XSSFSheet sh, List<Schema.CatalogueService> services, int last) {
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
                    cell.setCellValue(svc.name().get(layout.lang()));
                }
            }
        }
    }

    private void addChecks(XSSFSheet sh, int last) {
        Lang lang = layout.lang();
        XSSFDataValidationHelper dvh = new XSSFDataValidationHelper(sh);
        CellRangeAddressList statusCells = columnsOfType("status", last);
        CellRangeAddressList stageCells = columnsOfType("stage", last);
        CellRangeAddressList numberCells = columnsOfType("number", last);
        CellRangeAddressList percentCells = columnsOfType("percent", last);
        if (statusCells.countRanges() > 0) {
            addList(sh, dvh, statusCells, schema.statuses().stream().map(s -> s.label().get(lang)).toList());
        }
        if (stageCells.countRanges() > 0) {
            addList(sh, dvh, stageCells, schema.stageLevels().stream().map(s -> s.label().get(lang)).toList());
        }
        if (numberCells.countRanges() > 0) {
            addNumber(sh, dvh, numberCells, dvh.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null),
                    "validation.number");
        }
        if (percentCells.countRanges() > 0) {
            // A whole number 0-100 shown with a "%" suffix, not a percent format: a typed 55 is 55 %
            // in every locale, and a fraction such as 0.55 (what "55 %" may be stored as) is refused.
            addNumber(sh, dvh, percentCells, dvh.createIntegerConstraint(OperatorType.BETWEEN, "0", "100"),
                    "validation.usage");
        }
    }

    private CellRangeAddressList columnsOfType(String type, int last) {
        CellRangeAddressList l = new CellRangeAddressList();
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).type().equals(type)) {
                l.addCellRangeAddress(TemplateLayout.FIRST_SERVICE_ROW, c, last, c);
            }
        }
        return l;
    }

    private void addList(XSSFSheet sh, XSSFDataValidationHelper dvh, CellRangeAddressList cells, List<String> values) {
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

    /** A number check whose prompt and error texts are {@code <textKey>.title} and {@code <textKey>.error}. */
    private void addNumber(XSSFSheet sh, XSSFDataValidationHelper dvh, CellRangeAddressList cells,
            DataValidationConstraint c, String textKey) {
        String error = text.getString(textKey + ".error");
        DataValidation dv = dvh.createValidation(c, cells);
        dv.setEmptyCellAllowed(true);
        dv.setShowErrorBox(true);
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        dv.createErrorBox(text.getString("validation.error.title"), error);
        dv.createPromptBox(text.getString(textKey + ".title"), error);
        dv.setShowPromptBox(false);
        sh.addValidationData(dv);
    }

    /**
     * A column's width: the type's width, widened to the longest word of its header in Finnish or
     * Swedish so that a wrapped header never breaks mid-word ("personarbetstimme", "Användningsgrad").
     */
    private static int width(Schema.Column c) {
        return Math.max(typeWidth(c), TemplateWriter.headerWidth(c.label().fi(), c.label().sv()));
    }

    private static int typeWidth(Schema.Column c) {
        return switch (c.type()) {
            case "id" -> 10;
            case "status" -> 19;
            case "stage" -> 15;
            case "percent" -> 12;
            case "number" -> 14;
            default -> c.key().equals("service") ? 46 : c.key().equals("notes") ? 36 : 26;
        };
    }
}
