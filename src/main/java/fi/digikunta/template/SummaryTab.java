package fi.digikunta.template;

import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the summary tab of a template: the identification block, then per area tab formulas that
 * count its services by status, the unanswered ones and all of them, and a row of totals.
 */
record SummaryTab(Schema schema, TemplateLayout layout, ResourceBundle text, TemplateStyles st) {
    void write(XSSFWorkbook wb) {
        Lang lang = layout.lang();
        int nStatus = schema.statuses().size();
        XSSFSheet sh = wb.createSheet(TemplateWriter.sheetName(schema.tabs().get("summary").name().get(lang)));
        sh.setColumnWidth(0, 44 * 256);
        sh.setColumnWidth(1, 30 * 256);
        for (int c = 2; c <= 2 + nStatus + 1; c++) {
            sh.setColumnWidth(c, 17 * 256);
        }
        TemplateWriter.line(sh, 0, text.getString("summary.title"), st.title);
        writeIdentification(sh);
        int r = TemplateLayout.SUMMARY_COUNTS_ROW;
        TemplateWriter.line(sh, r++, text.getString("summary.counts.title"), st.subtitle);
        writeCountsHeader(sh.createRow(r++));
        int firstAreaRow = r;
        for (Map.Entry<String, String> tab : layout.areaTabs().entrySet()) {
            writeAreaCounts(sh.createRow(r), tab.getKey(), tab.getValue());
            r++;
        }
        Row all = sh.createRow(r);
        TemplateWriter.cell(all, 0, text.getString("summary.counts.all"), st.label);
        for (int c = 1; c <= 2 + nStatus; c++) {
            Cell cell = all.createCell(c);
            cell.setCellFormula("SUM(" + a1(firstAreaRow, c) + ":" + a1(r - 1, c) + ")");
            cell.setCellStyle(st.countTotal);
        }
        TemplateWriter.line(sh, r + 2, text.getString("summary.counts.note"), st.hint);
    }

    /** Labels in one column, the cells to fill in beside them; the form version is filled in and fixed. */
    private void writeIdentification(XSSFSheet sh) {
        Lang lang = layout.lang();
        for (Schema.IdKey k : schema.identification().keys()) {
            Row row = sh.createRow(TemplateLayout.identificationRow(schema, k.key()));
            TemplateWriter.cell(row, TemplateLayout.LABEL_COL, k.label().get(lang), st.label);
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
    }

    private void writeCountsHeader(Row head) {
        Lang lang = layout.lang();
        List<String> heads = new ArrayList<>();
        heads.add(text.getString("summary.counts.area"));
        schema.statuses().forEach(s -> heads.add(s.label().get(lang)));
        heads.add(text.getString("summary.counts.unanswered"));
        heads.add(text.getString("summary.counts.total"));
        for (int c = 0; c < heads.size(); c++) {
            TemplateWriter.cell(head, c, heads.get(c), st.header);
        }
    }

    private void writeAreaCounts(Row row, String areaCode, String tabName) {
        Lang lang = layout.lang();
        int nStatus = schema.statuses().size();
        int r = row.getRowNum();
        TemplateWriter.cell(row, 0, tabName, st.label);
        String sheetRef = "'" + tabName.replace("'", "''") + "'!";
        int first = TemplateLayout.FIRST_SERVICE_ROW + 1;
        int last = layout.lastServiceRow(schema, areaCode) + 1;
        String statusRange = sheetRef + columnRange(layout.columnIndex("status"), first, last);
        String serviceRange = sheetRef + columnRange(layout.columnIndex("service"), first, last);
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
    }

    /** An absolute range in one column, 1-based rows: {@code $C$4:$C$20}. */
    private static String columnRange(int col, int first, int last) {
        String c = CellReference.convertNumToColString(col);
        return "$" + c + "$" + first + ":$" + c + "$" + last;
    }

    private static String a1(int row, int col) {
        return new CellReference(row, col).formatAsString(false);
    }
}
