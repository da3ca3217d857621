package fi.digikunta.samples;

import fi.digikunta.samples.SampleGenerator.Filled;
import fi.digikunta.schema.Lang;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** How {@link Filled} writes values into cells: labels for codes, numbers as the spec's quirks say. */
final class SampleCells {
    private SampleCells() {
    }

    /** Writes an identification value as given: String, Double or LocalDate. */
    static void writeId(Filled f, Cell c, Object value) {
        if (value instanceof LocalDate d) {
            c.setCellValue(d);
        } else if (value instanceof Double d && f.spec.has(ReturnSpec.Quirk.TEXT_NUMBERS)) {
            c.setCellValue(finnish(d));
        } else if (value instanceof Double d) {
            c.setCellValue(d);
        } else {
            c.setCellValue(value.toString());
        }
    }

    /** Writes a service-row value; status and stage codes become labels of the workbook's language. */
    static void write(Filled f, Cell c, String key, Object v) {
        Lang lang = f.layout.lang();
        if (v instanceof fi.digikunta.schema.Localized l) {
            c.setCellValue(l.get(lang));
        } else if (v instanceof Double d) {
            writeNumber(f, c, key, d);
        } else if (key.equals("status")) {
            c.setCellValue(f.schema.statuses().stream().filter(s -> s.code().equals(v)).findFirst()
                    .map(s -> s.label().get(lang)).orElse(v.toString()));
        } else if (key.startsWith("stage.")) {
            c.setCellValue(f.schema.stageLevels().stream().filter(s -> s.code().equals(v)).findFirst()
                    .map(s -> s.label().get(lang)).orElse(v.toString()));
        } else if (v.toString().isEmpty()) {
            c.setBlank();
        } else {
            c.setCellValue(v.toString());
        }
    }

    private static void writeNumber(Filled f, Cell c, String key, double d) {
        boolean usage = f.schema.column(key).map(col -> col.type().equals("percent")).orElse(false);
        if (f.spec.has(ReturnSpec.Quirk.TEXT_NUMBERS)) {
            // Both spaces occur before "%": a typed one, and the no-break space Excel's Finnish locale writes.
            String space = c.getRowIndex() % 2 == 0 ? " " : "\u00a0";
            c.setCellValue(usage ? finnish(Math.round(d * 1000) / 10.0) + space + "%" : finnish(d));
        } else if (usage && f.spec.has(ReturnSpec.Quirk.USAGE_WHOLE_NUMBERS)) {
            c.setCellStyle(f.wb.getCellStyleAt(0));
            c.setCellValue(Math.round(d * 1000) / 10.0);
        } else if (key.equals("cost") && f.spec.has(ReturnSpec.Quirk.FORMULA_COSTS)) {
            c.setCellFormula("12*" + Math.round(d / 12));
        } else if (usage) {
            // The template's usage column takes whole per cents (55 means 55 %), as a person types them.
            c.setCellValue(Math.round(d * 1000) / 10.0);
        } else {
            c.setCellValue(d);
        }
    }

    /** A number as a Finnish user types it: decimal comma, no-break space between thousands. */
    static String finnish(double d) {
        boolean whole = d == Math.rint(d);
        String s = whole ? String.format(Locale.ROOT, "%,d", (long) d)
                : String.format(Locale.ROOT, "%,.2f", d);
        return s.replace(',', '\u00a0').replace('.', ',');
    }

    static Cell cell(Sheet sh, int row, int col) {
        Row r = sh.getRow(row);
        if (r == null) {
            r = sh.createRow(row);
        }
        Cell c = r.getCell(col);
        return c != null ? c : r.createCell(col, CellType.BLANK);
    }
}
