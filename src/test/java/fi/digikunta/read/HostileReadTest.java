package fi.digikunta.read;

import static fi.digikunta.read.StaxWorkbookReaderTest.oneSheet;
import static fi.digikunta.read.StaxWorkbookReaderTest.readable;
import static fi.digikunta.read.StaxWorkbookReaderTest.unreadable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.testing.HandWrittenXlsx;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.testing.ZipParts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The limits that keep one crafted file from taking the run's memory or time, each hit by a small
 * file against lowered limits (the defaults are in docs/reading.md), and part encodings.
 */
class HostileReadTest {
    static final ReadLimits D = ReadLimits.DEFAULT;

    static ReadLimits limits(int sheets, int merged, int strings, long totalBytes) {
        return new ReadLimits(D.maxFileBytes(), D.maxEntryBytes(), D.minInflateRatio(), D.inflateGraceBytes(),
                D.maxEntries(), D.maxRows(), D.maxColumns(), D.maxCellChars(), D.maxCells(), D.maxSharedStringChars(),
                D.timeLimit(), sheets, merged, strings, totalBytes);
    }

    @Test
    void tooManySheets() {
        List<String> names = new ArrayList<>();
        List<String> sheets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            names.add("S" + i);
            sheets.add(HandWrittenXlsx.sheet(Map.of()));
        }
        byte[] b = ZipParts.write(HandWrittenXlsx.parts(names, sheets));
        assertEquals(6, readable(b).sheets().size());
        var u = unreadable(new StaxWorkbookReader(limits(5, 100, 100, D.maxTotalBytes())), b, FindingCode.READ_LIMIT);
        assertTrue(u.reason().en().contains("more than 5 tabs"), u.reason().en());
    }

    @Test
    void tooManyMergedRanges() {
        StringBuilder merges = new StringBuilder("<mergeCells>");
        for (int i = 1; i <= 11; i++) {
            merges.append("<mergeCell ref=\"A").append(i).append(":B").append(i).append("\"/>");
        }
        byte[] b = ZipParts.edit(oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", null, null),
                "xl/worksheets/sheet1.xml", s -> s.replace("</sheetData>", "</sheetData>" + merges + "</mergeCells>"));
        assertEquals(11, readable(b).sheets().get(0).merged().size());
        var u = unreadable(new StaxWorkbookReader(limits(10, 10, 100, D.maxTotalBytes())), b, FindingCode.READ_LIMIT);
        assertTrue(u.reason().en().contains("more than 10 merged"), u.reason().en());
    }

    @Test
    void tooManySharedStringsEvenWhenEmpty() {
        // Empty items add no characters, so only their count stops a table of millions of them.
        byte[] b = oneSheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "<si><t>a</t></si>"
                + "<si/>".repeat(20), null);
        assertEquals("a", readable(b).sheets().get(0).cells().get(0).text());
        var u = unreadable(new StaxWorkbookReader(limits(10, 10, 20, D.maxTotalBytes())), b, FindingCode.READ_LIMIT);
        assertTrue(u.reason().en().contains("more than 20 texts"), u.reason().en());
    }

    @Test
    void oneSmallPartNamedByManySheetsCountsEachTimeItIsInflated() {
        // 40 sheets, all pointing at the same 60 KB part: 2.4 MB inflated from a file of a few KB.
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 2000; r++) {
            rows.append("<row r=\"").append(r).append("\"/>");
        }
        Map<String, byte[]> p = HandWrittenXlsx.parts(List.of("S"), List.of("<?xml version=\"1.0\"?><worksheet>"
                + "<sheetData>" + rows + "</sheetData></worksheet>"));
        String wb = new String(p.get("xl/workbook.xml"), StandardCharsets.UTF_8);
        StringBuilder more = new StringBuilder();
        for (int i = 2; i <= 40; i++) {
            more.append("<sheet name=\"S").append(i).append("\" sheetId=\"").append(i).append("\" r:id=\"rId1\"/>");
        }
        p.put("xl/workbook.xml", wb.replace("</sheets>", more + "</sheets>").getBytes(StandardCharsets.UTF_8));
        byte[] b = ZipParts.write(p);
        assertEquals(40, readable(b).sheets().size());
        var u = unreadable(new StaxWorkbookReader(limits(100, 10, 10, 1024 * 1024)), b, FindingCode.ZIP_BOMB);
        assertTrue(u.reason().en().contains("more than 1 MB in all"), u.reason().en());
    }

    @Test
    void tooManyRelationshipsOrNumberFormats() {
        StringBuilder rels = new StringBuilder();
        for (int i = 0; i <= ReadLimits.MAX_ENTRIES; i++) {
            rels.append("<Relationship Id=\"x").append(i).append("\" Type=\"t\" Target=\"x").append(i)
                    .append(".xml\"/>");
        }
        byte[] b = ZipParts.edit(TestReturn.valid().toXlsx(), "xl/_rels/workbook.xml.rels",
                s -> s.replace("</Relationships>", rels + "</Relationships>"));
        assertTrue(unreadable(b, FindingCode.READ_LIMIT).reason().en().contains("relationships"));
        StringBuilder fmts = new StringBuilder("<numFmts>");
        for (int i = 0; i <= ReadLimits.MAX_STYLES; i++) {
            fmts.append("<numFmt numFmtId=\"").append(200 + i).append("\" formatCode=\"0\"/>");
        }
        byte[] s = oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", null, fmts + "</numFmts>");
        assertTrue(unreadable(s, FindingCode.READ_LIMIT).reason().en().contains("too many cell formats"));
    }

    @Test
    void theTimeLimitStopsAPartWhileItIsBeingParsed() {
        // One sheet of 60 MB of elements the reader skips (about 6 MB compressed): no cell, no row,
        // so no other limit applies, and it is the last part read.
        Random rnd = new Random(3);
        ByteArrayOutputStream sheet = new ByteArrayOutputStream(64 * 1024 * 1024);
        sheet.writeBytes("<?xml version=\"1.0\"?><worksheet><sheetData/><extLst>".getBytes(StandardCharsets.US_ASCII));
        byte[] el = "<x a=\"00\"/>".getBytes(StandardCharsets.US_ASCII);
        while (sheet.size() < 60 * 1024 * 1024) {
            el[6] = (byte) ("0123456789abcdef".charAt(rnd.nextInt(16)));
            el[7] = (byte) ("0123456789abcdef".charAt(rnd.nextInt(16)));
            sheet.writeBytes(el);
        }
        sheet.writeBytes("</extLst></worksheet>".getBytes(StandardCharsets.US_ASCII));
        Map<String, byte[]> p = HandWrittenXlsx.parts(List.of("S"), List.of(""));
        p.put("xl/worksheets/sheet1.xml", sheet.toByteArray());
        byte[] b = ZipParts.write(p);
        assertTrue(b.length < ReadLimits.MAX_FILE_BYTES, "" + b.length);
        // Read whole without a deadline: nothing else would stop it.
        assertEquals(List.of(), readable(b).sheets().get(0).cells());
        // With 100 ms, the parse of that one part is cut short (parsing 60 MB takes far longer).
        var u = unreadable(new StaxWorkbookReader(D.withTimeLimit(Duration.ofMillis(100))), b, FindingCode.READ_LIMIT);
        assertTrue(u.reason().en().contains("took more than"), u.reason().en());
    }

    @Test
    void partsInUtf16OrADeclaredEncodingReadAlikeAndBadBytesAreADamagedPart() {
        byte[] utf8 = HandWrittenXlsx.write(TestReturn.valid());
        RawWorkbook expected = readable(utf8);
        String sheet = "xl/worksheets/sheet3.xml";
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Map<String, byte[]> m = new LinkedHashMap<>(ZipParts.read(utf8));
            String text = new String(m.get(sheet), StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"",
                    "encoding=\"UTF-16\"");
            byte[] bom = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.writeBytes(bom);
            o.writeBytes(text.getBytes(cs));
            m.put(sheet, o.toByteArray());
            assertEquals(expected, readable(ZipParts.write(m)), cs.name());
        }
        Map<String, byte[]> m = new LinkedHashMap<>(ZipParts.read(utf8));
        String text = new String(m.get(sheet), StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"",
                "encoding=\"windows-1252\"");
        m.put(sheet, text.getBytes(Charset.forName("windows-1252")));
        assertEquals(expected, readable(ZipParts.write(m)), "windows-1252");
        byte[] bad = ZipParts.edit(utf8, sheet, s -> s.replace("Käytössä", "K\uFFFDyt\uFFFDss\uFFFD"));
        Map<String, byte[]> raw = new LinkedHashMap<>(ZipParts.read(bad));
        byte[] sb = raw.get(sheet);
        for (int i = 0; i + 2 < sb.length; i++) {
            if ((sb[i] & 0xFF) == 0xEF && (sb[i + 1] & 0xFF) == 0xBF && (sb[i + 2] & 0xFF) == 0xBD) {
                sb[i] = (byte) 0xC3;
                sb[i + 1] = (byte) 0x28;
                sb[i + 2] = (byte) 0xFF;
            }
        }
        var u = unreadable(ZipParts.write(raw), FindingCode.CORRUPT_WORKBOOK);
        assertTrue(u.reason().en().contains(sheet), u.reason().en());
        assertInstanceOf(ReadOutcome.Unreadable.class, new StaxWorkbookReader().read(ZipParts.write(raw), "x"));
    }

    @Test
    void anXlsIsHeldToTheSameFormatCodeLengthAsAnXlsx() throws Exception {
        byte[] xls;
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("0.00\"" + "x".repeat(2_000) + "\""));
            var cell = wb.createSheet("S").createRow(0).createCell(0);
            cell.setCellValue(1.5);
            cell.setCellStyle(style);
            wb.write(out);
            xls = out.toByteArray();
        }
        var u = unreadable(xls, FindingCode.READ_LIMIT);
        assertTrue(u.reason().en().contains("number format of more than 1024"), u.reason().en());
    }
}
