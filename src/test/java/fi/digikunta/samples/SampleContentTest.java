package fi.digikunta.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.template.StableZip;
import fi.digikunta.template.TemplateLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each sample holds what samples/README.md says it holds, read back with POI. */
class SampleContentTest {
    static final Schema SCHEMA = SchemaRegistry.load().version("1").orElseThrow();
    static final Map<String, byte[]> FILES = new HashMap<>();

    @BeforeAll
    static void generate() {
        SampleSet set = new SampleSet(new SampleGenerator(SCHEMA), MunicipalityList.builtIn(), SampleSet.DEFAULT_SEED);
        set.samples().forEach(s -> FILES.put(s.file(), s.bytes().get()));
    }

    static XSSFWorkbook open(String file) throws IOException {
        byte[] b = FILES.get(file);
        assertNotNull(b, file);
        return new XSSFWorkbook(new ByteArrayInputStream(b));
    }

    /** Identification values by label (column B as text; dates as ISO). */
    static Map<String, String> identification(XSSFWorkbook wb, Lang lang) {
        Sheet sh = wb.getSheet(SCHEMA.tabs().get("summary").name().get(lang));
        Map<String, String> m = new HashMap<>();
        for (int r = 0; r < 15; r++) {
            Row row = sh.getRow(r);
            if (row == null || row.getCell(0) == null || row.getCell(1) == null) {
                continue;
            }
            Cell v = row.getCell(1);
            String text = v.getCellType() == CellType.NUMERIC && v.getCellStyle().getDataFormatString().contains("yyyy")
                    ? v.getLocalDateTimeCellValue().toLocalDate().toString() : v.toString();
            m.put(row.getCell(0).getStringCellValue(), text);
        }
        return m;
    }

    static int column(Sheet sh, String label) {
        for (Cell c : sh.getRow(TemplateLayout.HEADER_ROW)) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
                return c.getColumnIndex();
            }
        }
        return -1;
    }

    /** Cells of one column over an area's service rows, in every area tab. */
    static List<Cell> cells(XSSFWorkbook wb, Lang lang, String key) {
        List<Cell> out = new ArrayList<>();
        String label = SCHEMA.column(key).orElseThrow().label().get(lang);
        for (int i = 1; i <= 6; i++) {
            Sheet sh = wb.getSheetAt(i);
            int col = column(sh, label);
            for (int r = TemplateLayout.FIRST_SERVICE_ROW; r <= sh.getLastRowNum(); r++) {
                Row row = sh.getRow(r);
                if (row != null && row.getCell(col) != null && row.getCell(col).getCellType() != CellType.BLANK) {
                    out.add(row.getCell(col));
                }
            }
        }
        return out;
    }

    @Test
    void theTwoTampereReturnsDifferByFillDateAndTheNamedOneIsNewer() throws IOException {
        try (XSSFWorkbook older = open("837-tampere-2026-01-15.xlsx"); XSSFWorkbook newer = open("837-tampere-2026-02-01.xlsx")) {
            Map<String, String> a = identification(older, Lang.FI);
            Map<String, String> b = identification(newer, Lang.FI);
            assertEquals("837", a.get("Kuntanumero"));
            assertEquals("837", b.get("Kuntanumero"));
            assertEquals("2026-01-15", a.get("Täyttöpäivä"));
            assertEquals("2026-02-01", b.get("Täyttöpäivä"));
        }
    }

    @Test
    void swedishReturnsHaveSwedishTabsLabelsAndNames() throws IOException {
        Map<String, String> expected = Map.of("499-mustasaari-sv.xlsx", "Korsholm", "445-parainen-sv.xlsx", "Pargas",
                "478-maarianhamina-sv.xlsx", "Mariehamn", "035-brando-sv.xlsx", "Brändö");
        for (var e : expected.entrySet()) {
            try (XSSFWorkbook wb = open(e.getKey())) {
                assertEquals("Anvisningar", wb.getSheetName(0));
                assertEquals("Småbarnspedagogik, undervisning", wb.getSheetName(2));
                assertEquals(e.getValue(), identification(wb, Lang.SV).get("Kommun"));
                assertTrue(cells(wb, Lang.SV, "status").stream().map(Cell::getStringCellValue)
                        .allMatch(s -> List.of("I bruk", "Planeras", "Införs inte").contains(s)), e.getKey());
            }
        }
    }

    @Test
    void bigCitiesAnswerMoreUseMoreAndHaveBiggerVolumesThanSmallRuralOnes() throws IOException {
        try (XSSFWorkbook big = open("091-helsinki.xlsx"); XSSFWorkbook small = open("046-enonkoski.xlsx")) {
            long bigAnswered = cells(big, Lang.FI, "status").size();
            long smallAnswered = cells(small, Lang.FI, "status").size();
            assertTrue(bigAnswered >= 64 && smallAnswered < 55, bigAnswered + " vs " + smallAnswered);
            long bigInUse = cells(big, Lang.FI, "status").stream().filter(c -> c.getStringCellValue().equals("Käytössä")).count();
            long smallInUse = cells(small, Lang.FI, "status").stream().filter(c -> c.getStringCellValue().equals("Käytössä")).count();
            assertTrue(bigInUse > 2 * smallInUse, bigInUse + " vs " + smallInUse);
            double bigVolume = cells(big, Lang.FI, "volume").stream().mapToDouble(Cell::getNumericCellValue).max().orElse(0);
            double smallVolume = cells(small, Lang.FI, "volume").stream().mapToDouble(Cell::getNumericCellValue).max().orElse(0);
            assertTrue(bigVolume > 50 * smallVolume, bigVolume + " vs " + smallVolume);
        }
    }

    @Test
    void numbersAreInRealisticRangesAndUsageIsWholePerCents() throws IOException {
        for (String f : List.of("091-helsinki.xlsx", "491-mikkeli.xlsx", "759-soini.xlsx", "499-mustasaari-sv.xlsx")) {
            Lang lang = f.endsWith("-sv.xlsx") ? Lang.SV : Lang.FI;
            try (XSSFWorkbook wb = open(f)) {
                for (Cell c : cells(wb, lang, "hourly")) {
                    assertTrue(c.getNumericCellValue() >= 30 && c.getNumericCellValue() <= 60, f + " " + c.getAddress());
                }
                List<Cell> usage = cells(wb, lang, "usage");
                assertTrue(usage.size() > 3, f);
                for (Cell c : usage) {
                    assertTrue(c.getNumericCellValue() > 0 && c.getNumericCellValue() < 100, f + " " + c.getAddress());
                    assertEquals("0\" %\"", c.getCellStyle().getDataFormatString());
                }
                for (String key : List.of("volume", "cost", "save.KAS", "target")) {
                    for (Cell c : cells(wb, lang, key)) {
                        assertTrue(c.getNumericCellValue() >= 0, f + " " + key + " " + c.getAddress());
                    }
                }
                double hourly = Double.parseDouble(identification(wb, lang).get(lang == Lang.FI
                        ? "Henkilötyötunnin oletushinta €/h" : "Standardpris för en personarbetstimme €/h"));
                assertTrue(hourly >= 30 && hourly <= 60, f);
            }
        }
    }

    @Test
    void textNumbersAreWrittenTheFinnishWay() throws IOException {
        try (XSSFWorkbook wb = open("853-turku.xlsx")) {
            List<String> costs = cells(wb, Lang.FI, "cost").stream().map(Cell::getStringCellValue).toList();
            assertTrue(costs.stream().anyMatch(s -> s.matches("\\d{1,3}\u00a0\\d{3}")), costs.toString());
            List<String> usage = cells(wb, Lang.FI, "usage").stream().map(Cell::getStringCellValue).toList();
            assertTrue(usage.stream().anyMatch(s -> s.matches("\\d+ %")), usage.toString());
            assertTrue(usage.stream().anyMatch(s -> s.matches("\\d+\u00a0%")), usage.toString());
            List<String> hourly = cells(wb, Lang.FI, "hourly").stream().map(Cell::getStringCellValue).toList();
            assertTrue(hourly.stream().anyMatch(s -> s.matches("\\d+,\\d\\d")), "decimal comma: " + hourly);
        }
    }

    @Test
    void quirksOfValidReturnsAreThere() throws IOException {
        try (XSSFWorkbook wb = open("564-oulu.xlsx")) {
            Sheet sh = wb.getSheetAt(1);
            assertEquals(List.of("Tunnus", "Palvelu", "Huomiot", "Järjestelmä / toimittaja", "Käyttöönotto", "Käyttöaste %"),
                    List.of(0, 1, 2, 3, 4, 5).stream().map(i -> sh.getRow(2).getCell(i).getStringCellValue()).toList());
        }
        try (XSSFWorkbook wb = open("179-jyvaskyla.xlsx")) {
            assertEquals("Varhaiskasvatus- ja liikenne", wb.getSheetName(2));
            assertEquals("Kulttuuri- ja liikunta", wb.getSheetName(3));
            assertEquals("Työ- ja yrittäminen", wb.getSheetName(5));
        }
        try (XSSFWorkbook wb = open("049-espoo.xlsx")) {
            Cell code = wb.getSheet("Yhteenveto").getRow(TemplateLayout.identificationRow(SCHEMA, "code")).getCell(1);
            assertEquals(49.0, code.getNumericCellValue());
        }
        try (XSSFWorkbook wb = open("609-pori.xlsx")) {
            assertEquals("16.2.2026", identification(wb, Lang.FI).get("Täyttöpäivä"));
        }
        try (XSSFWorkbook wb = open("297-kuopio.xlsx")) {
            List<Cell> usage = cells(wb, Lang.FI, "usage");
            assertTrue(usage.stream().allMatch(c -> c.getNumericCellValue() >= 1 && c.getNumericCellValue() <= 100
                    && !c.getCellStyle().getDataFormatString().contains("%")));
        }
        try (XSSFWorkbook wb = open("398-lahti.xlsx")) {
            List<Cell> costs = cells(wb, Lang.FI, "cost");
            assertTrue(!costs.isEmpty() && costs.stream().allMatch(c -> c.getCellType() == CellType.FORMULA
                    && c.getCellFormula().startsWith("12*") && c.getNumericCellValue() > 0));
        }
        try (XSSFWorkbook wb = open("091-helsinki.xlsx")) {
            long own = 0;
            for (int i = 1; i <= 6; i++) {
                for (Row r : wb.getSheetAt(i)) {
                    if (r.getRowNum() >= TemplateLayout.FIRST_SERVICE_ROW && r.getCell(0).getCellType() == CellType.BLANK
                            && r.getCell(1).getCellType() == CellType.STRING) {
                        own++;
                    }
                }
            }
            assertTrue(own >= 1, "own services with a blank id");
        }
    }

    @Test
    void warningSamplesCarryTheirDefect() throws IOException {
        try (XSSFWorkbook wb = open("405-lappeenranta.xlsx")) {
            assertEquals(9, wb.getNumberOfSheets());
            assertEquals("Muistiinpanot", wb.getSheetName(8));
        }
        String sheet2 = new String(StableZip.entries(FILES.get("272-kokkola.xlsx")).get("xl/worksheets/sheet2.xml"),
                StandardCharsets.UTF_8);
        // (the style number is the template's, not the point)
        assertTrue(sheet2.matches("(?s).*<c r=\"M4\" s=\"\\d+\"><f>12\\*350</f></c>.*"), "a formula with no <v>");
        try (XSSFWorkbook wb = open("153-imatra.xlsx")) {
            assertTrue(cells(wb, Lang.FI, "id").stream().noneMatch(c -> c.getStringCellValue().equals("TER-06")));
        }
        try (XSSFWorkbook wb = open("109-hameenlinna.xlsx")) {
            assertTrue(cells(wb, Lang.FI, "id").stream().anyMatch(c -> c.getStringCellValue().equals("ASU-99")));
        }
        try (XSSFWorkbook wb = open("020-akaa.xlsx")) {
            assertEquals("Toijala", identification(wb, Lang.FI).get("Kunta"));
            assertEquals("020", identification(wb, Lang.FI).get("Kuntanumero"));
        }
    }

    @Test
    void brokenSamplesCarryTheirDefect() throws Exception {
        assertEquals(0, FILES.get("broken-empty.xlsx").length);
        assertTrue(new String(FILES.get("broken-not-a-workbook.xlsx"), StandardCharsets.UTF_8).startsWith("Kunta;Eurajoki"));
        assertEquals("PK", new String(FILES.get("broken-truncated.xlsx"), 0, 2, StandardCharsets.US_ASCII));
        assertThrowsZip(FILES.get("broken-truncated.xlsx"));
        byte[] ods = FILES.get("broken-ods.ods");
        assertEquals("mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
                new String(ods, 30, 54, StandardCharsets.US_ASCII), "mimetype entry first and stored");
        assertEquals(0xE011CFD0, java.nio.ByteBuffer.wrap(FILES.get("broken-xls.xls"), 0, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(), "an OLE2 (.xls) file");
        assertTrue(SampleInboxTest.decrypt(FILES.get("broken-password.xlsx")).length > 10_000);
        Map<String, byte[]> bomb = StableZip.entries(FILES.get("broken-zip-bomb.xlsx"));
        assertTrue(bomb.get("xl/worksheets/sheet2.xml").length > 40_000_000);
        assertTrue(FILES.get("broken-zip-bomb.xlsx").length < 100_000);
        assertTrue(new String(StableZip.entries(FILES.get("broken-xml-doctype.xlsx")).get("xl/workbook.xml"),
                StandardCharsets.UTF_8).contains("<!DOCTYPE workbook [<!ENTITY xxe SYSTEM"));
        try (XSSFWorkbook wb = open("broken-unknown-code.xlsx")) {
            assertEquals("999", identification(wb, Lang.FI).get("Kuntanumero"));
        }
        try (XSSFWorkbook wb = open("broken-unknown-version.xlsx")) {
            assertEquals("99", identification(wb, Lang.FI).get("Lomakeversio"));
        }
        try (XSSFWorkbook wb = open("broken-missing-tab.xlsx")) {
            assertEquals(7, wb.getNumberOfSheets());
            assertNull(wb.getSheet("Terveyden edistäminen"));
        }
        try (XSSFWorkbook wb = open("broken-no-header.xlsx")) {
            Sheet kul = wb.getSheet("Kulttuuri ja liikunta");
            for (int r = 0; r < 10; r++) {
                Row row = kul.getRow(r);
                if (row != null) {
                    row.forEach(c -> assertNotEquals("Tunnus", c.toString()));
                }
            }
        }
        try (XSSFWorkbook wb = open("broken-missing-column.xlsx")) {
            assertEquals(-1, column(wb.getSheet("Työ ja yrittäminen"), "Käyttöönotto"));
            assertTrue(column(wb.getSheet("Viestintä ja osallisuus"), "Käyttöönotto") >= 0);
        }
        try (XSSFWorkbook wb = open("broken-identification-missing.xlsx")) {
            assertEquals(Map.of(), identification(wb, Lang.FI).entrySet().stream()
                    .filter(e -> !e.getKey().isEmpty()).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            Map.Entry::getValue)));
        }
        try (XSSFWorkbook wb = open("broken-duplicate-id.xlsx")) {
            assertEquals(2, cells(wb, Lang.FI, "id").stream().filter(c -> c.getStringCellValue().equals("KUL-03")).count());
        }
        try (XSSFWorkbook wb = open("broken-bad-values.xlsx")) {
            Sheet asu = wb.getSheetAt(1);
            assertEquals("Kyllä", asu.getRow(3).getCell(2).getStringCellValue());
            assertEquals("Osittain", asu.getRow(4).getCell(4).getStringCellValue());
            assertEquals(150.0, asu.getRow(5).getCell(9).getNumericCellValue());
            assertEquals("ei tiedossa", asu.getRow(6).getCell(12).getStringCellValue());
            assertEquals(-500.0, asu.getRow(6).getCell(18).getNumericCellValue());
        }
    }

    @Test
    void summaryIsRecalculatedOnOpening() throws IOException {
        // POI cannot evaluate the live summary; Excel and LibreOffice recalculate it (LiveSummaryTest).
        try (XSSFWorkbook wb = open("091-helsinki.xlsx")) {
            assertTrue(wb.getForceFormulaRecalculation());
            Row all = wb.getSheet("Yhteenveto").getRow(TemplateLayout.SUMMARY_COUNTS_ROW + 8);
            assertEquals("Kaikki alueet", all.getCell(0).getStringCellValue());
        }
    }

    @Test
    void fileTimestampsComeFromTheFillDate() throws IOException {
        try (XSSFWorkbook wb = open("837-tampere-2026-02-01.xlsx")) {
            assertEquals(java.util.Date.from(SampleGenerator.fileTime(LocalDate.of(2026, 2, 1))),
                    wb.getProperties().getCoreProperties().getModified());
        }
    }

    private static void assertThrowsZip(byte[] b) throws IOException {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("trunc", ".zip");
        try {
            java.nio.file.Files.write(f, b);
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f.toFile())) {
                throw new AssertionError("a truncated zip must not open: " + z.size());
            } catch (java.util.zip.ZipException expected) {
                // no central directory
            }
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }
}
