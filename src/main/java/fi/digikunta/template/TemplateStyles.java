package fi.digikunta.template;

import fi.digikunta.schema.Schema;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The template's cell styles, made once per workbook (Excel limits a workbook to 64,000 styles).
 * They are created in a fixed order, which the bytes of the written file depend on.
 */
final class TemplateStyles {
    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle hint;
    final CellStyle wrap;
    final CellStyle header;
    final CellStyle label;
    final CellStyle fixed;
    final CellStyle catalogue;
    final CellStyle input;
    /** The municipality code: text, so that 091 typed stays 091 (a number would lose its zero). */
    final CellStyle code;
    final CellStyle percent;
    final CellStyle euro;
    final CellStyle whole;
    final CellStyle minutes;
    final CellStyle date;
    final CellStyle count;
    final CellStyle countTotal;
    final CellStyle share;
    final CellStyle index;

    TemplateStyles(XSSFWorkbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font grey = wb.createFont();
        grey.setItalic(true);
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        short fmtPercent = wb.createDataFormat().getFormat("0\" %\"");
        short fmtEuro = wb.createDataFormat().getFormat("#,##0.00");
        short fmtWhole = wb.createDataFormat().getFormat("#,##0");
        short fmtMinutes = wb.createDataFormat().getFormat("0.0");
        short fmtDate = wb.createDataFormat().getFormat("d.m.yyyy");
        short fmtText = wb.createDataFormat().getFormat("@");

        title = withFont(wb, big);
        subtitle = withFont(wb, bold);
        hint = withFont(wb, grey);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        header = withFont(wb, bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        shade(header);
        header.setBorderBottom(BorderStyle.THIN);
        label = withFont(wb, bold);
        fixed = wb.createCellStyle();
        shade(fixed);
        fixed.setDataFormat(fmtText);
        catalogue = wb.createCellStyle();
        shade(catalogue);
        input = wb.createCellStyle();
        code = formatted(wb, fmtText);
        percent = formatted(wb, fmtPercent);
        euro = formatted(wb, fmtEuro);
        whole = formatted(wb, fmtWhole);
        minutes = formatted(wb, fmtMinutes);
        date = formatted(wb, fmtDate);
        count = formatted(wb, fmtWhole);
        countTotal = formatted(wb, fmtWhole);
        countTotal.setFont(bold);
        countTotal.setBorderTop(BorderStyle.THIN);
        share = formatted(wb, wb.createDataFormat().getFormat("0.0%"));
        index = formatted(wb, fmtMinutes);
    }

    private static CellStyle withFont(XSSFWorkbook wb, Font font) {
        CellStyle s = wb.createCellStyle();
        s.setFont(font);
        return s;
    }

    private static CellStyle formatted(XSSFWorkbook wb, short format) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(format);
        return s;
    }

    private static void shade(CellStyle s) {
        s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
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
