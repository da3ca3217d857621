package fi.digikunta.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.read.RawCell.Kind;
import fi.digikunta.testing.Fixtures;
import fi.digikunta.testing.HandWrittenXlsx;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.testing.ZipParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaxWorkbookReaderTest {
    static final StaxWorkbookReader READER = new StaxWorkbookReader();
    static final String ASU = Fixtures.ASU;

    static RawWorkbook readable(byte[] b) {
        ReadOutcome o = READER.read(b, "t.xlsx");
        return assertInstanceOf(ReadOutcome.Readable.class, o, () -> brief(o)).workbook();
    }

    static ReadOutcome.Unreadable unreadable(byte[] b, FindingCode code) {
        return unreadable(READER, b, code);
    }

    static ReadOutcome.Unreadable unreadable(StaxWorkbookReader reader, byte[] b, FindingCode code) {
        ReadOutcome o = reader.read(b, "t.xlsx");
        ReadOutcome.Unreadable u = assertInstanceOf(ReadOutcome.Unreadable.class, o, () -> brief(o));
        assertEquals(code, u.code(), u.reason().en());
        assertFalse(u.reason().fi().isBlank() || u.reason().sv().isBlank() || u.reason().en().isBlank());
        return u;
    }

    static String brief(ReadOutcome o) {
        return o instanceof ReadOutcome.Unreadable u ? u.code().code() + ": " + u.reason().en() : "readable";
    }

    static RawSheet sheet(RawWorkbook wb, String name) {
        return wb.sheets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static RawCell cell(RawWorkbook wb, String sheet, String a1) {
        return sheet(wb, sheet).cells().stream().filter(c -> c.ref().equals(a1)).findFirst().orElse(null);
    }

    /** A workbook of one sheet "S" whose sheetData is given, plus optional shared strings and styles. */
    static byte[] oneSheet(String sheetData, String sst, String styles) {
        Map<String, byte[]> p = HandWrittenXlsx.parts(List.of("S"), List.of(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                        + "spreadsheetml/2006/main\"><sheetData>" + sheetData + "</sheetData></worksheet>"));
        String rels = new String(p.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8);
        String ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        if (sst != null) {
            p.put("xl/sharedStrings.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas."
                    + "openxmlformats.org/spreadsheetml/2006/main\">" + sst + "</sst>").getBytes(StandardCharsets.UTF_8));
            rels = rels.replace("</Relationships>", "<Relationship Id=\"rS\" Type=\"" + ns
                    + "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        }
        if (styles != null) {
            p.put("xl/styles.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas."
                    + "openxmlformats.org/spreadsheetml/2006/main\">" + styles + "</styleSheet>")
                    .getBytes(StandardCharsets.UTF_8));
            rels = rels.replace("</Relationships>", "<Relationship Id=\"rT\" Type=\"" + ns
                    + "styles\" Target=\"/xl/styles.xml\"/></Relationships>");
        }
        p.put("xl/_rels/workbook.xml.rels", rels.getBytes(StandardCharsets.UTF_8));
        return ZipParts.write(p);
    }

    @Test
    void readsWhatPoiWroteWithSheetsInFileOrder() {
        RawWorkbook wb = readable(TestReturn.valid().toXlsx());
        assertEquals(List.of("Ohje", "Yhteenveto", ASU, "Varhaiskasvatus ja opetus", "Kulttuuri ja liikunta",
                "Terveyden edistäminen", "Työ ja yrittäminen", "Viestintä ja osallisuus"),
                wb.sheets().stream().map(RawSheet::name).toList());
        RawCell code = cell(wb, "Yhteenveto", "B4");
        assertEquals(Kind.STRING, code.kind());
        assertEquals("091", code.text());
        RawCell date = cell(wb, "Yhteenveto", "B7");
        assertEquals(Kind.NUMBER, date.kind());
        assertTrue(date.dateFormat());
        assertEquals(45730.0, date.number(), "14.3.2025 as a 1900-system serial");
        assertEquals("Käytössä", cell(wb, ASU, "C4").text());
    }

    @Test
    void percentCellsHoldTheFractionAndAreMarked() {
        RawWorkbook wb = readable(TestReturn.valid().toXlsx());
        RawCell usage = cell(wb, ASU, "J4");
        assertEquals(Kind.NUMBER, usage.kind());
        assertEquals(0.55, usage.number());
        assertTrue(usage.percentFormat());
        assertFalse(usage.dateFormat());
        RawCell volume = cell(wb, ASU, "L4");
        assertEquals(1200.0, volume.number());
        assertFalse(volume.percentFormat());
    }

    @Test
    void numberFormatsFromStylesBuiltInAndCustom() {
        String styles = "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
                + "<numFmt numFmtId=\"165\" formatCode=\"[$-40B]d\\.\\ mmmm\\ yyyy\"/>"
                + "<numFmt numFmtId=\"166\" formatCode=\"0.00&quot; %&quot;\"/>"
                + "<numFmt numFmtId=\"167\" formatCode=\"#,##0\\ &quot;€&quot;\"/></numFmts>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"9\"/></cellStyleXfs>"
                + "<cellXfs count=\"7\"><xf numFmtId=\"0\"/><xf numFmtId=\"9\"/><xf numFmtId=\"14\"/>"
                + "<xf numFmtId=\"164\"><alignment/></xf><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/>"
                + "<xf numFmtId=\"167\"/></cellXfs><dxfs><dxf><numFmt numFmtId=\"0\" formatCode=\"0%\"/></dxf></dxfs>";
        StringBuilder row = new StringBuilder("<row r=\"1\">");
        for (int i = 0; i < 7; i++) {
            row.append("<c r=\"").append(CellRef.a1(0, i)).append("\" s=\"").append(i).append("\"><v>0.5</v></c>");
        }
        RawWorkbook wb = readable(oneSheet(row.append("</row>").toString(), null, styles));
        boolean[] percent = {false, true, false, true, false, false, false};
        boolean[] date = {false, false, true, false, true, false, false};
        for (int i = 0; i < 7; i++) {
            RawCell c = cell(wb, "S", CellRef.a1(0, i));
            assertEquals(percent[i], c.percentFormat(), "percent, style " + i);
            assertEquals(date[i], c.dateFormat(), "date, style " + i);
        }
    }

    @Test
    void everyCellTypeAsStored() {
        String sst = "<si><t>plain</t></si>"
                + "<si><r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space=\"preserve\"> text</t></r>"
                + "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>"
                + "<si><t>Rivi_x000D_vaihtuu</t></si>";
        String data = "<row r=\"1\">"
                + "<c r=\"A1\" t=\"s\"><v>0</v></c>"
                + "<c r=\"B1\" t=\"s\"><v>1</v></c>"
                + "<c r=\"C1\" t=\"s\"><v>2</v></c>"
                + "<c r=\"D1\" t=\"s\"><v>99</v></c>"
                + "<c r=\"E1\" t=\"inlineStr\"><is><t>inline</t></is></c>"
                + "<c r=\"F1\" t=\"b\"><v>1</v></c>"
                + "<c r=\"G1\" t=\"b\"><f>FALSE()</f><v>0</v></c>"
                + "<c r=\"H1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                + "<c r=\"I1\" t=\"d\"><v>2025-03-14T00:00:00</v></c>"
                + "<c r=\"J1\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>"
                + "<c r=\"K1\"><f>SUM(A2:A3)</f></c>"
                + "<c r=\"L1\" t=\"str\"><f>B2</f></c>"
                + "<c r=\"M1\"><f>2*3</f><v>6</v></c>"
                + "<c r=\"N1\" s=\"0\"/>"
                + "<c r=\"O1\"><v>1.5E3</v></c>"
                + "</row><row><c><v>7</v></c><c t=\"inlineStr\"><is><t>no refs</t></is></c></row>";
        RawWorkbook wb = readable(oneSheet(data, sst, null));
        assertEquals("plain", cell(wb, "S", "A1").text());
        assertEquals("Rich text", cell(wb, "S", "B1").text(), "runs joined, phonetic run left out");
        assertEquals("Rivi\rvaihtuu", cell(wb, "S", "C1").text(), "_x000D_ decoded");
        RawCell bad = cell(wb, "S", "D1");
        assertEquals(Kind.ERROR, bad.kind(), "a shared-string index out of range is an error value");
        assertEquals(Kind.STRING, cell(wb, "S", "E1").kind());
        assertEquals("inline", cell(wb, "S", "E1").text());
        assertEquals(Kind.BOOLEAN, cell(wb, "S", "F1").kind());
        assertEquals("TRUE", cell(wb, "S", "F1").text());
        RawCell libreFalse = cell(wb, "S", "G1");
        assertEquals("FALSE", libreFalse.text());
        assertTrue(libreFalse.formula());
        assertEquals(Kind.ERROR, cell(wb, "S", "H1").kind());
        assertEquals("#DIV/0!", cell(wb, "S", "H1").text());
        assertEquals(Kind.DATE, cell(wb, "S", "I1").kind());
        assertEquals("2025-03-14T00:00:00", cell(wb, "S", "I1").text());
        assertEquals("ab", cell(wb, "S", "J1").text());
        assertEquals(Kind.FORMULA_NO_VALUE, cell(wb, "S", "K1").kind(), "never 0 for a missing cached value");
        assertTrue(Double.isNaN(cell(wb, "S", "K1").number()));
        assertEquals(Kind.FORMULA_NO_VALUE, cell(wb, "S", "L1").kind());
        assertEquals(6.0, cell(wb, "S", "M1").number());
        assertTrue(cell(wb, "S", "M1").formula());
        assertNull(cell(wb, "S", "N1"), "a styled blank is no cell");
        assertEquals(1500.0, cell(wb, "S", "O1").number());
        assertEquals(7.0, cell(wb, "S", "A2").number(), "cells without r follow their row");
        assertEquals("no refs", cell(wb, "S", "B2").text());
    }

    @Test
    void cachedFormulaValuesWrittenByPoi() {
        TestReturn t = TestReturn.valid();
        t.set("ASU", "ASU-01", "volume", new TestReturn.Formula("1000+200", 1200.0));
        t.set("ASU", "ASU-01", "system", new TestReturn.Formula("\"Lupa\"&\"piste\"", "Lupapiste"));
        t.set("ASU", "ASU-02", "volume", new TestReturn.Formula("100*3", null));
        RawWorkbook wb = readable(t.toXlsx());
        RawCell v = cell(wb, ASU, "L4");
        assertEquals(1200.0, v.number());
        assertTrue(v.formula());
        assertEquals("Lupapiste", cell(wb, ASU, "T4").text());
        assertEquals(Kind.FORMULA_NO_VALUE, cell(wb, ASU, "L5").kind());
    }

    @Test
    void mergedRangesAndHiddenSheets() {
        TestReturn t = TestReturn.valid();
        t.extraTabs.add("Valinnat");
        t.poiHook = wb -> {
            wb.getSheet("Yhteenveto").addMergedRegion(new CellRangeAddress(2, 2, 1, 3));
            wb.setSheetHidden(wb.getSheetIndex("Valinnat"), true);
        };
        RawWorkbook wb = readable(t.toXlsx());
        assertTrue(sheet(wb, "Valinnat").hidden());
        assertFalse(sheet(wb, "Yhteenveto").hidden());
        assertEquals(List.of(new RawSheet.MergedRange(2, 2, 1, 3)), sheet(wb, "Yhteenveto").merged());
        assertEquals("Helsinki", cell(wb, "Yhteenveto", "B3").text(), "the value of a merged range is top-left");
    }

    @Test
    void strictOoxmlReadsLikeTransitional() {
        byte[] transitional = TestReturn.valid().toXlsx();
        byte[] strict = ZipParts.editAll(transitional, s -> s
                .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                        "http://purl.oclc.org/ooxml/spreadsheetml/main")
                .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                        "http://purl.oclc.org/ooxml/officeDocument/relationships"));
        assertTrue(ZipParts.text(strict, "xl/workbook.xml").contains("purl.oclc.org"));
        assertEquals(readable(transitional), readable(strict));
    }

    @Test
    void date1904WorkbooksGive1900SystemSerials() {
        TestReturn t = TestReturn.valid();
        t.date1904 = true;
        byte[] b = t.toXlsx();
        assertTrue(ZipParts.text(b, "xl/workbook.xml").contains("date1904=\"true\""));
        assertEquals(45730.0, cell(readable(b), "Yhteenveto", "B7").number());
    }

    @Test
    void doctypeWithExternalEntityIsRejectedAndNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-7f3a");
        byte[] b = ZipParts.edit(TestReturn.valid().toXlsx(), "xl/sharedStrings.xml", s -> s
                .replaceFirst("\\?>", "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .replace("<t>Helsinki</t>", "<t>&xxe;</t>"));
        ReadOutcome.Unreadable u = unreadable(b, FindingCode.XML_DOCTYPE);
        assertFalse(u.toString().contains("TOP-SECRET"), u.toString());
        assertTrue(u.reason().en().contains("xl/sharedStrings.xml"), u.reason().en());
    }

    @Test
    void billionLaughsAndDoctypesInAnyPartAreRejected() {
        String lol = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
        byte[] valid = TestReturn.valid().toXlsx();
        for (String part : List.of("_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")) {
            byte[] b = ZipParts.edit(valid, part, s -> s.replaceFirst("\\?>", "?>" + lol));
            assertTrue(unreadable(b, FindingCode.XML_DOCTYPE).reason().en().contains(part), part);
        }
    }

    @Test
    void zipBombsByRatioAndByEntrySize() {
        unreadable(Fixtures.all().stream().filter(f -> f.name().equals("zip-bomb")).findFirst().orElseThrow()
                .bytes().get(), FindingCode.ZIP_BOMB);
        Map<String, byte[]> parts = new LinkedHashMap<>(ZipParts.read(TestReturn.valid().toXlsx()));
        parts.put("xl/worksheets/sheet1.xml", ("<?xml version=\"1.0\"?><worksheet><sheetData/>"
                + "<!-- " + "x".repeat(2 * 1024 * 1024) + " --></worksheet>").getBytes(StandardCharsets.UTF_8));
        // Ratio check off, entry cap 1 MB: the 2 MB sheet is refused by its size alone.
        ReadLimits small = ReadLimits.DEFAULT.withZipLimits(1024 * 1024, 0, ReadLimits.MAX_TOTAL_BYTES);
        assertTrue(unreadable(new StaxWorkbookReader(small), ZipParts.write(parts), FindingCode.ZIP_BOMB).reason()
                .en().contains("more than 1 MB"));
    }

    @Test
    void truncatedAnywhereIsACorruptZip() {
        byte[] b = TestReturn.valid().toXlsx();
        for (int len : new int[] {10, 200, b.length / 3, b.length / 2, b.length - 30, b.length - 1}) {
            unreadable(Arrays.copyOf(b, len), FindingCode.CORRUPT_ZIP);
        }
    }

    @Test
    void otherFormatsGetTheirOwnReason() {
        unreadable(Fixtures.encrypt(TestReturn.valid().toXlsx(), "salasana"), FindingCode.ENCRYPTED);
        unreadable(Fixtures.ods(), FindingCode.ODS_FORMAT);
        unreadable(Fixtures.excel95(), FindingCode.XLS_UNREADABLE);
        assertTrue(unreadable("<html><body>Lomake</body></html>".getBytes(StandardCharsets.UTF_8),
                FindingCode.NOT_A_WORKBOOK).reason().en().contains("HTML"));
        assertTrue(unreadable("kunta;tunnus\nHelsinki;091\n".getBytes(StandardCharsets.UTF_8),
                FindingCode.NOT_A_WORKBOOK).reason().en().contains("CSV"));
        assertTrue(unreadable(ZipParts.write(Map.of("word/document.xml", "<w/>".getBytes(StandardCharsets.UTF_8))),
                FindingCode.NOT_A_WORKBOOK).reason().en().contains("docx"));
        unreadable(new byte[0], FindingCode.FILE_EMPTY);
        // Zeros (space a writer set aside and has not filled yet): the plain message, no "but ?".
        assertEquals("The file is not an Excel workbook (.xlsx). Save the form as .xlsx in Excel and send it again.",
                unreadable(new byte[64], FindingCode.NOT_A_WORKBOOK).reason().en());
    }

    @Test
    void rowColumnTextAndTimeLimits() {
        unreadable(oneSheet("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", null, null), FindingCode.READ_LIMIT);
        unreadable(oneSheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "a".repeat(40_000)
                + "</t></is></c></row>", null, null), FindingCode.READ_LIMIT);
        unreadable(new StaxWorkbookReader(ReadLimits.DEFAULT.withMaxRows(10)), TestReturn.valid().toXlsx(),
                FindingCode.READ_LIMIT);
        ReadOutcome.Unreadable u = unreadable(new StaxWorkbookReader(ReadLimits.DEFAULT.withTimeLimit(Duration.ZERO)),
                TestReturn.valid().toXlsx(), FindingCode.READ_LIMIT);
        assertTrue(u.reason().en().contains("seconds"), u.reason().en());
    }

    @Test
    void oldXlsIsReadIntoTheSameCells() {
        RawWorkbook xlsx = readable(TestReturn.valid().toXlsx());
        RawWorkbook xls = readable(TestReturn.valid().toXls());
        assertEquals(xlsx.sheets().size(), xls.sheets().size());
        for (int i = 0; i < xlsx.sheets().size(); i++) {
            List<RawCell> a = xlsx.sheets().get(i).cells();
            List<RawCell> b = xls.sheets().get(i).cells();
            assertEquals(a.size(), b.size(), xlsx.sheets().get(i).name());
            for (int j = 0; j < a.size(); j++) {
                RawCell x = a.get(j);
                RawCell y = b.get(j);
                assertEquals(x.ref(), y.ref());
                assertEquals(x.kind(), y.kind(), x.ref());
                assertEquals(x.percentFormat(), y.percentFormat(), x.ref());
                assertEquals(x.dateFormat(), y.dateFormat(), x.ref());
                if (x.kind() == Kind.NUMBER) {
                    assertEquals(x.number(), y.number(), x.ref());
                } else {
                    assertEquals(x.text(), y.text(), x.ref());
                }
            }
        }
    }

    @Test
    void theFileIsOnlyRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("helsinki.xlsx");
        byte[] b = TestReturn.valid().toXlsx();
        Files.write(f, b);
        FileTime before = Files.getLastModifiedTime(f);
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        } catch (UnsupportedOperationException e) {
            f.toFile().setReadOnly();
        }
        assertInstanceOf(ReadOutcome.Readable.class, READER.read(f));
        assertArrayEquals(b, Files.readAllBytes(f));
        assertEquals(before, Files.getLastModifiedTime(f));
        ReadOutcome.Unreadable gone = assertInstanceOf(ReadOutcome.Unreadable.class,
                READER.read(dir.resolve("missing.xlsx")));
        assertEquals(FindingCode.FILE_UNREADABLE, gone.code());
    }

    @Test
    void damagedBytesNeverThrowAndAlwaysGiveAKnownReason() {
        byte[] valid = TestReturn.valid().toXlsx();
        Random r = new Random(20251114);
        int unreadable = 0;
        for (int i = 0; i < 300; i++) {
            byte[] b = valid.clone();
            switch (i % 3) {
                case 0 -> {
                    for (int k = 0; k < 1 + r.nextInt(8); k++) {
                        b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                    }
                }
                case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length));
                default -> {
                    int at = r.nextInt(b.length);
                    byte[] c = new byte[b.length + 16];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at, c, at + 16, b.length - at);
                    b = c;
                }
            }
            ReadOutcome o = READER.read(b, "fuzz.xlsx");
            assertNotNull(o);
            if (o instanceof ReadOutcome.Unreadable u) {
                unreadable++;
                assertTrue(u.code().rejects() && u.code().family() == FindingCode.Family.FILE, u.code().code());
                assertFalse(u.reason().fi().isBlank());
            }
        }
        assertTrue(unreadable > 100, "most damage is noticed: " + unreadable);
    }

    @Test
    void aFileThatFailsHalfWayLeavesNothingBehindForTheNextOnTheSameThread() {
        // The reader keeps its parser and inflater from file to file on a thread: each file must
        // still read as if it were the first.
        StaxWorkbookReader reader = new StaxWorkbookReader();
        byte[] valid = TestReturn.valid().toXlsx();
        RawWorkbook fresh = ((ReadOutcome.Readable) new StaxWorkbookReader().read(valid, "a.xlsx")).workbook();
        String lol = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">]>";
        List<byte[]> bad = List.of(
                ZipParts.edit(valid, "xl/worksheets/sheet1.xml", s -> s.replaceFirst("\\?>", "?>" + lol)),
                ZipParts.edit(valid, "xl/worksheets/sheet2.xml", s -> s.substring(0, s.length() / 2)),
                ZipParts.edit(valid, "xl/sharedStrings.xml", s -> s.replace("</si>", "</x>")),
                Arrays.copyOf(valid, valid.length - 30));
        for (byte[] b : bad) {
            assertInstanceOf(ReadOutcome.Unreadable.class, reader.read(b, "bad.xlsx"));
            ReadOutcome again = reader.read(valid, "a.xlsx");
            assertEquals(fresh, ((ReadOutcome.Readable) again).workbook());
        }
    }

    @Test
    void richTextWrittenByPoiIsOneString() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("S");
            XSSFRichTextString rt = new XSSFRichTextString("Käytössä nyt");
            var bold = wb.createFont();
            bold.setBold(true);
            rt.applyFont(0, 8, bold);
            s.createRow(0).createCell(0).setCellValue(rt);
            var out = new java.io.ByteArrayOutputStream();
            wb.write(out);
            assertEquals("Käytössä nyt", cell(readable(out.toByteArray()), "S", "A1").text());
        }
    }
}
