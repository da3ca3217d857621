package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.read.RawCell.Kind;
import fi.digikunta.read.XmlIn.Budget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.record.FormatRecord;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * OLE2 (compound document) files: an encrypted Office file (an .xlsx with a password is stored as
 * OLE2 with an EncryptionInfo stream), or an old binary .xls, which is read with POI's HSSF into the
 * same raw cells as an .xlsx. This is the reader's only use of POI.
 */
final class Ole2Reader {
    /** How a message names the part of an .xls that holds its formats. */
    private static final String STYLES_PART = "Workbook";

    private Ole2Reader() {
    }

    static RawWorkbook read(byte[] bytes, Budget budget) throws ReadException {
        ReadLimits limits = budget.limits;
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new ReadException(FindingCode.ENCRYPTED, null);
            }
            boolean biff8 = root.hasEntry("Workbook") || root.hasEntry("WORKBOOK");
            if (!biff8) {
                if (root.hasEntry("Book") || root.hasEntry("BOOK")) {
                    throw new ReadException(FindingCode.XLS_UNREADABLE, "old");
                }
                throw new ReadException(FindingCode.NOT_A_WORKBOOK, "kind", "OLE2");
            }
            try (HSSFWorkbook wb = new HSSFWorkbook(root, false)) {
                return convert(wb, budget, limits);
            }
        } catch (ReadException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new ReadException(FindingCode.ENCRYPTED, null);
        } catch (OldExcelFormatException e) {
            throw new ReadException(FindingCode.XLS_UNREADABLE, "old");
        } catch (IOException | RuntimeException e) {
            throw new ReadException(FindingCode.XLS_UNREADABLE, null);
        }
    }

    /**
     * The cell formats and number formats within the limits of an .xlsx's styles part (count and
     * format code length), checked before any cell is looked at.
     */
    private static void checkStyles(HSSFWorkbook wb, Budget budget) throws ReadException {
        List<FormatRecord> formats = wb.getInternalWorkbook().getFormats();
        if (wb.getNumCellStyles() > ReadLimits.MAX_STYLES || formats.size() > ReadLimits.MAX_STYLES) {
            throw new ReadException(FindingCode.READ_LIMIT, "styles", STYLES_PART);
        }
        for (FormatRecord f : formats) {
            budget.tick();
            String code = f.getFormatString();
            if (code != null && code.length() > ReadLimits.MAX_FORMAT_CODE_CHARS) {
                throw new ReadException(FindingCode.READ_LIMIT, "formatCode", STYLES_PART,
                        ReadLimits.MAX_FORMAT_CODE_CHARS);
            }
        }
    }

    private static RawWorkbook convert(HSSFWorkbook wb, Budget budget, ReadLimits limits) throws ReadException {
        checkStyles(wb, budget);
        boolean date1904 = wb.getInternalWorkbook().isUsing1904DateWindowing();
        // Each number format is classified once, however many cells use it.
        Map<Short, boolean[]> kinds = new HashMap<>();
        List<RawSheet> sheets = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            HSSFSheet sheet = wb.getSheetAt(i);
            String name = wb.getSheetName(i);
            List<RawCell> cells = new ArrayList<>();
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
                HSSFRow row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                budget.checkTime();
                for (int c = Math.max(0, row.getFirstCellNum()); c < row.getLastCellNum(); c++) {
                    HSSFCell cell = row.getCell(c);
                    RawCell raw = cell == null ? null : cell(cell, date1904, limits, kinds);
                    if (raw == null) {
                        continue;
                    }
                    if (r >= limits.maxRows()) {
                        throw new ReadException(FindingCode.READ_LIMIT, "rows", name, limits.maxRows());
                    }
                    if (++budget.cells > limits.maxCells()) {
                        throw new ReadException(FindingCode.READ_LIMIT, "cells", limits.maxCells());
                    }
                    cells.add(raw);
                }
            }
            List<RawSheet.MergedRange> merged = new ArrayList<>();
            for (CellRangeAddress a : sheet.getMergedRegions()) {
                merged.add(new RawSheet.MergedRange(a.getFirstRow(), a.getLastRow(), a.getFirstColumn(),
                        a.getLastColumn()));
            }
            sheets.add(new RawSheet(name, wb.isSheetHidden(i) || wb.isSheetVeryHidden(i), cells, merged));
        }
        return new RawWorkbook(sheets, List.of());
    }

    private static RawCell cell(HSSFCell cell, boolean date1904, ReadLimits limits, Map<Short, boolean[]> kinds)
            throws ReadException {
        CellType type = cell.getCellType();
        boolean formula = type == CellType.FORMULA;
        if (formula) {
            type = cell.getCachedFormulaResultType();
        }
        HSSFCellStyle style = cell.getCellStyle();
        boolean[] kind = kinds.computeIfAbsent(style.getDataFormat(), fmt -> {
            String code = style.getDataFormatString();
            return new boolean[] {NumberFormats.isPercent(fmt, code), NumberFormats.isDate(fmt, code)};
        });
        boolean percent = kind[0];
        boolean date = kind[1];
        int row = cell.getRowIndex();
        int col = cell.getColumnIndex();
        switch (type) {
            case NUMERIC -> {
                double d = cell.getNumericCellValue();
                String text = NumberToTextConverter.toText(d);
                if (date && date1904) {
                    d += CellDecoder.DAYS_1904;
                }
                return new RawCell(row, col, Kind.NUMBER, text, d, percent, date, formula);
            }
            case STRING -> {
                String s = cell.getRichStringCellValue().getString();
                if (s == null || s.isEmpty()) {
                    return null;
                }
                if (s.length() > limits.maxCellChars()) {
                    throw new ReadException(FindingCode.READ_LIMIT, "text", cell.getSheet().getSheetName(),
                            limits.maxCellChars());
                }
                return new RawCell(row, col, Kind.STRING, s, Double.NaN, percent, date, formula);
            }
            case BOOLEAN -> {
                return new RawCell(row, col, Kind.BOOLEAN, cell.getBooleanCellValue() ? "TRUE" : "FALSE", Double.NaN,
                        percent, date, formula);
            }
            case ERROR -> {
                String e;
                try {
                    e = FormulaError.forInt(cell.getErrorCellValue()).getString();
                } catch (IllegalArgumentException ex) {
                    e = "#N/A";
                }
                return new RawCell(row, col, Kind.ERROR, e, Double.NaN, percent, date, formula);
            }
            default -> {
                return null;
            }
        }
    }
}
