package fi.digikunta.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reads the written template back with POI and checks what a municipality sees and the reader relies on. */
class TemplateWriterTest {
    static final Schema SCHEMA = SchemaRegistry.load().version("1").orElseThrow();
    static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static XSSFWorkbook template(Lang lang) throws IOException {
        return read(new TemplateWriter(SCHEMA).write(lang, T));
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> l = new ArrayList<>();
        wb.forEach(s -> l.add(s.getSheetName()));
        return l;
    }

    @Test
    void finnishTabsAreTheSpecsNamesInOrder() throws IOException {
        try (XSSFWorkbook wb = template(Lang.FI)) {
            assertEquals(List.of("Ohje", "Asuminen, ympäristö, liikenne", "Varhaiskasvatus ja opetus",
                    "Kulttuuri ja liikunta", "Terveyden edistäminen", "Työ ja yrittäminen", "Viestintä ja osallisuus",
                    "Yhteenveto"), sheetNames(wb));
        }
    }

    @Test
    void swedishTabsAreTheSpecsNamesAndTheLongestFitsExcelsLimit() throws IOException {
        try (XSSFWorkbook wb = template(Lang.SV)) {
            assertEquals(List.of("Anvisningar", "Boende, miljö, trafik", "Småbarnspedagogik, undervisning",
                    "Kultur och idrott", "Hälsofrämjande", "Arbete och företagande", "Kommunikation och delaktighet",
                    "Sammandrag"), sheetNames(wb));
            assertEquals(31, "Småbarnspedagogik, undervisning".length());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Lang.class, names = {"FI", "SV"})
    void everyAreaTabHasTitleHeaderLabelsAndItsCatalogueRows(Lang lang) throws IOException {
        int ids = 0;
        try (XSSFWorkbook wb = template(lang)) {
            for (Schema.Area area : SCHEMA.areas()) {
                XSSFSheet sh = wb.getSheet(area.tab().get(lang));
                assertNotNull(sh, area.code());
                assertEquals(area.tab().get(lang), sh.getRow(0).getCell(0).getStringCellValue());
                Row header = sh.getRow(2);
                List<String> labels = new ArrayList<>();
                header.forEach(c -> labels.add(c.getStringCellValue()));
                assertEquals(SCHEMA.columns().stream().map(c -> c.label().get(lang)).toList(), labels, area.code());
                List<Schema.CatalogueService> services = SCHEMA.servicesOf(area.code());
                for (int i = 0; i < services.size(); i++) {
                    Row r = sh.getRow(3 + i);
                    assertEquals(services.get(i).id(), r.getCell(0).getStringCellValue());
                    assertEquals(services.get(i).name().get(lang), r.getCell(1).getStringCellValue());
                    assertEquals(CellType.BLANK, r.getCell(2).getCellType(), "status left for the municipality");
                    ids++;
                }
                Row firstOwn = sh.getRow(3 + services.size());
                assertEquals(CellType.BLANK, firstOwn.getCell(0).getCellType(), "blank rows for own services");
            }
        }
        assertEquals(67, ids);
    }

    @Test
    void statusAndStageColumnsHaveDropDownsWithTheLabelsOfTheLanguage() throws IOException {
        for (Lang lang : List.of(Lang.FI, Lang.SV)) {
            try (XSSFWorkbook wb = template(lang)) {
                XSSFSheet sh = wb.getSheet(SCHEMA.areas().get(0).tab().get(lang)); // ASU: 15 services + 5 own rows
                Map<String, DataValidation> byRanges = validations(sh);
                DataValidation status = byRanges.get("C4:C503");
                assertNotNull(status, byRanges.keySet().toString());
                assertEquals(DataValidationConstraint.ValidationType.LIST, status.getValidationConstraint().getValidationType());
                assertEquals(SCHEMA.statuses().stream().map(s -> s.label().get(lang)).toList(),
                        List.of(status.getValidationConstraint().getExplicitListValues()));
                assertTrue(status.getShowErrorBox());
                DataValidation stages = byRanges.get("D4:D503 E4:E503 F4:F503 G4:G503 H4:H503 I4:I503");
                assertNotNull(stages, byRanges.keySet().toString());
                assertEquals(List.of(lang == Lang.FI ? "Manuaalinen" : "Manuell",
                        lang == Lang.FI ? "Sähköinen" : "Elektronisk", lang == Lang.FI ? "Digitaalinen" : "Digital",
                        lang == Lang.FI ? "Ei sovellu" : "Ej tillämplig"),
                        List.of(stages.getValidationConstraint().getExplicitListValues()));
            }
        }
    }

    @Test
    void numberColumnsAcceptOnlyNonNegativeDecimalsAndUsageWholePerCents() throws IOException {
        try (XSSFWorkbook wb = template(Lang.FI)) {
            XSSFSheet sh = wb.getSheet("Viestintä ja osallisuus"); // 12 services + 5 own rows: rows 4-20
            Map<String, DataValidation> byRanges = validations(sh);
            DataValidation numbers = byRanges.get(
                    "K4:K503 L4:L503 M4:M503 N4:N503 O4:O503 P4:P503 Q4:Q503 R4:R503 S4:S503");
            assertNotNull(numbers, byRanges.keySet().toString());
            DataValidationConstraint c = numbers.getValidationConstraint();
            assertEquals(DataValidationConstraint.ValidationType.DECIMAL, c.getValidationType());
            assertEquals(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, c.getOperator());
            assertEquals("0", c.getFormula1());
            DataValidation usage = byRanges.get("J4:J503");
            assertNotNull(usage, byRanges.keySet().toString());
            assertEquals(DataValidationConstraint.OperatorType.BETWEEN, usage.getValidationConstraint().getOperator());
            // Whole per cents: a typed 55 is 55 %, a fraction such as 0.55 is refused.
            assertEquals(DataValidationConstraint.ValidationType.INTEGER,
                    usage.getValidationConstraint().getValidationType());
            assertEquals("0", usage.getValidationConstraint().getFormula1());
            assertEquals("100", usage.getValidationConstraint().getFormula2());
            // The number columns are exactly the schema's number columns.
            List<String> numberLabels = SCHEMA.columns().stream().filter(col -> col.type().equals("number"))
                    .map(col -> col.label().fi()).toList();
            List<String> headersK2S = new ArrayList<>();
            for (int col = 10; col <= 18; col++) {
                headersK2S.add(sh.getRow(2).getCell(col).getStringCellValue());
            }
            assertEquals(numberLabels, headersK2S);
        }
    }

    @Test
    void usageCellsShowPercentAndHeadersAreFrozen() throws IOException {
        try (XSSFWorkbook wb = template(Lang.SV)) {
            for (Schema.Area a : SCHEMA.areas()) {
                XSSFSheet sh = wb.getSheet(a.tab().sv());
                int usage = SCHEMA.columns().indexOf(SCHEMA.column("usage").orElseThrow());
                for (int r = 3; r < 3 + SCHEMA.servicesOf(a.code()).size() + TemplateLayout.DEFAULT_OWN_ROWS; r++) {
                    assertEquals("0\" %\"", sh.getRow(r).getCell(usage).getCellStyle().getDataFormatString(), a.code() + r);
                }
                PaneInformation pane = sh.getPaneInformation();
                assertTrue(pane.isFreezePane());
                assertEquals(3, pane.getHorizontalSplitPosition(), "rows 1-3 (title, hint, header) frozen");
                assertEquals(2, pane.getVerticalSplitPosition(), "id and service columns frozen");
                assertTrue(sh.getColumnWidth(1) >= 40 * 256, "service names readable");
            }
        }
    }

    @Test
    void summaryHoldsTheIdentificationBlockAndCountingFormulasWithValues() throws IOException {
        try (XSSFWorkbook wb = template(Lang.FI)) {
            XSSFSheet sh = wb.getSheet("Yhteenveto");
            Map<String, String> labelToValue = new TreeMap<>();
            for (int r = 0; r < 15; r++) {
                Row row = sh.getRow(r);
                if (row != null && row.getCell(1) != null) {
                    labelToValue.put(row.getCell(0).getStringCellValue(), row.getCell(1).toString());
                }
            }
            assertEquals(SCHEMA.identification().keys().stream().map(k -> k.label().fi()).sorted().toList(),
                    List.copyOf(labelToValue.keySet()));
            assertEquals("1", labelToValue.get("Lomakeversio"));
            assertEquals("", labelToValue.get("Kuntanumero"));
            Row asu = findRow(sh, "Asuminen, ympäristö, liikenne");
            assertEquals("SUMPRODUCT(ISNUMBER(MATCH(TRIM(dkASU_id),dkw_ids_ASU,0))"
                    + "*(MATCH(TRIM(dkASU_id),TRIM(dkASU_id),0)=ROW(dkASU_id)-MIN(ROW(dkASU_id))+1)"
                    + "*ISNUMBER(MATCH(LOWER(TRIM(dkASU_status)),dkw_IN_USE,0)))", asu.getCell(1).getCellFormula());
            // The status column found by its header label: a hidden cell holds its position (C = 3).
            assertEquals("IF('Yhteenveto'!$DG$3>100,'Yhteenveto'!$AO$4:$AO$503,"
                    + "INDEX('Asuminen, ympäristö, liikenne'!$A$4:$CV$503,0,'Yhteenveto'!$DG$3))",
                    wb.getName("dkASU_status").getRefersToFormula());
            Cell position = sh.getRow(2).getCell(110);
            assertTrue(position.getCellFormula().contains("\"käyttöönotto\")+(") && position.getCellFormula()
                    .contains("\"införande\")"), position.getCellFormula());
            assertEquals(3.0, position.getNumericCellValue());
            assertEquals(0.0, asu.getCell(1).getNumericCellValue());
            int n = SCHEMA.servicesOf("ASU").size();
            assertEquals(n, asu.getCell(4).getNumericCellValue(), "unanswered: every catalogue service, cached");
            assertEquals("", asu.getCell(6).getStringCellValue(), "no depth without services in use");
            Row all = findRow(sh, "Kaikki alueet");
            assertEquals(SCHEMA.catalogue().size(), all.getCell(4).getNumericCellValue(), "unanswered, all areas");
            assertEquals("'Yhteenveto'!$E$" + (all.getRowNum() + 1), wb.getName("DK_ALL_UNANSWERED").getRefersToFormula());
            assertTrue(findRow(sh, "Palvelualue").getRowNum() >= 15, "counts below the identification rows");
        }
    }

    @Test
    void instructionsComeFirstInTheWorkbooksLanguageAndNameTheSchemasLabels() throws IOException {
        for (Lang lang : List.of(Lang.FI, Lang.SV)) {
            try (XSSFWorkbook wb = template(lang)) {
                XSSFSheet sh = wb.getSheetAt(0);
                assertEquals(SCHEMA.tabs().get("instructions").name().get(lang), sh.getSheetName());
                String text = textOf(sh);
                for (Schema.Choice s : SCHEMA.statuses()) {
                    assertTrue(text.contains("\u201d" + s.label().get(lang) + "\u201d"), s.label().get(lang));
                }
                assertTrue(text.contains(SCHEMA.tabs().get("summary").name().get(lang)));
                assertTrue(text.contains(lang == Lang.FI ? "Täyttöpäivä" : "Ifyllnadsdatum"));
                assertFalse(text.contains(lang == Lang.FI ? "fliken" : "välilehti"), "one language only");
                assertFalse(text.contains("{"), "every argument filled");
            }
        }
    }

    @Test
    void v2InstructionsAskForTheRequiredRoundAndV1sDoNot() throws IOException {
        Schema v2 = SchemaRegistry.load().version("2").orElseThrow();
        for (Lang lang : List.of(Lang.FI, Lang.SV)) {
            String round = v2.identification().keys().stream().filter(k -> k.key().equals("round")).findFirst()
                    .orElseThrow().label().get(lang);
            try (XSSFWorkbook wb = read(new TemplateWriter(v2).write(lang, T))) {
                String text = textOf(wb.getSheetAt(0));
                assertTrue(text.contains("\u201d" + round + "\u201d: " + (lang == Lang.FI ? "kirjoita" : "skriv")),
                        text);
                assertTrue(text.contains(lang == Lang.FI ? "pakollinen" : "obligatoriskt"), text);
                assertFalse(text.contains("{"), "every argument filled");
            }
            try (XSSFWorkbook wb = template(lang)) {
                assertFalse(textOf(wb.getSheetAt(0)).contains(round), "form 1 has no round");
            }
        }
    }

    @Test
    void theCodeCellKeepsTheLeadingZeroAndItsCheckTakes091AsTextOrANumber() throws IOException {
        for (Schema schema : List.of(SCHEMA, SchemaRegistry.load().version("2").orElseThrow())) {
            try (XSSFWorkbook wb = read(new TemplateWriter(schema).write(Lang.FI, T))) {
                XSSFSheet sh = wb.getSheet("Yhteenveto");
                Row row = findRow(sh, "Kuntanumero");
                assertEquals("@", row.getCell(1).getCellStyle().getDataFormatString(),
                        "text: 091 typed stays 091 in Excel and Calc");
                String cell = "B" + (row.getRowNum() + 1);
                DataValidation dv = validations(sh).get(cell);
                assertEquals("IF(ISNUMBER(" + cell + "),AND(" + cell + ">=1," + cell + "<=999," + cell + "=INT(" + cell
                        + ")),AND(LEN(" + cell + ")=3,ISNUMBER(VALUE(" + cell + "))))",
                        dv.getValidationConstraint().getFormula1());
            }
        }
    }

    @Test
    void sameInputsGiveIdenticalBytesWithTheGivenTimestamp() throws IOException {
        TemplateWriter w = new TemplateWriter(SCHEMA);
        byte[] a = w.write(Lang.FI, T);
        byte[] b = w.write(Lang.FI, T);
        assertArrayEquals(a, b);
        try (XSSFWorkbook wb = read(a)) {
            assertEquals(java.util.Date.from(T), wb.getProperties().getCoreProperties().getCreated());
            assertEquals("digikunta", wb.getProperties().getCoreProperties().getCreator());
        }
        assertFalse(java.util.Arrays.equals(a, w.write(Lang.FI, T.plusSeconds(60))), "the time is in the file");
    }

    /**
     * The index chart's level bands are drawn lines: value-axis gridlines every 25 up to 100 with a
     * solid line of a width (an empty line shape, as POI writes by default, LibreOffice leaves out).
     */
    @Test
    void indexChartDrawsTheLevelBandsAsGridlines() throws IOException {
        try (XSSFWorkbook wb = template(Lang.FI)) {
            var chart = wb.getSheet("Yhteenveto").getDrawingPatriarch().getCharts().get(0);
            var axis = chart.getCTChart().getPlotArea().getValAxArray(0);
            assertEquals(SCHEMA.figures().levelThresholds().get(0), axis.getMajorUnit().getVal());
            assertEquals(List.of(25.0, 50.0, 75.0), SCHEMA.figures().levelThresholds());
            assertEquals(100.0, axis.getScaling().getMax().getVal());
            var line = axis.getMajorGridlines().getSpPr().getLn();
            assertTrue(line.isSetSolidFill() && line.getW() > 0, line.toString());
        }
    }

    @Test
    void aLayoutWithMovedColumnsAndAliasTabsMovesHeadersValidationsAndFormulas() throws IOException {
        List<String> order = new ArrayList<>(TemplateLayout.standard(SCHEMA, Lang.FI).columnOrder());
        order.remove("notes");
        order.add(0, "notes");
        TemplateLayout lay = TemplateLayout.standard(SCHEMA, Lang.FI).withColumnOrder(order)
                .withTabName("VKO", "Varhaiskasvatus- ja liikenne");
        try (XSSFWorkbook wb = read(new TemplateWriter(SCHEMA).write(lay, T))) {
            XSSFSheet vko = wb.getSheet("Varhaiskasvatus- ja liikenne");
            assertNotNull(vko);
            assertEquals("Huomiot", vko.getRow(2).getCell(0).getStringCellValue());
            assertEquals("Tunnus", vko.getRow(2).getCell(1).getStringCellValue());
            assertEquals("VKO-01", vko.getRow(3).getCell(1).getStringCellValue());
            assertNotNull(validations(vko).get("D4:D503"), "status drop-down moved to column D");
            Row counts = findRow(wb.getSheet("Yhteenveto"), "Varhaiskasvatus- ja liikenne");
            assertNotNull(counts.getCell(1).getCellFormula());
            assertEquals("IF('Yhteenveto'!$DH$3>100,'Yhteenveto'!$AO$4:$AO$503,"
                    + "INDEX('Varhaiskasvatus- ja liikenne'!$A$4:$CV$503,0,'Yhteenveto'!$DH$3))",
                    wb.getName("dkVKO_status").getRefersToFormula());
            assertEquals(4.0, wb.getSheet("Yhteenveto").getRow(2).getCell(111).getNumericCellValue(),
                    "status in column D");
            assertEquals(0, vko.getPaneInformation().getVerticalSplitPosition(), "no column freeze when id is not first");
        }
    }

    static Map<String, DataValidation> validations(XSSFSheet sh) {
        Map<String, DataValidation> m = new TreeMap<>();
        for (DataValidation dv : sh.getDataValidations()) {
            String ranges = java.util.Arrays.stream(dv.getRegions().getCellRangeAddresses())
                    .map(CellRangeAddress::formatAsString).collect(Collectors.joining(" "));
            m.put(ranges, dv);
        }
        return m;
    }

    static Row findRow(XSSFSheet sh, String firstCell) {
        for (Row r : sh) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(firstCell)) {
                return r;
            }
        }
        throw new AssertionError("no row starting with " + firstCell);
    }

    static String textOf(XSSFSheet sh) {
        StringBuilder b = new StringBuilder();
        sh.forEach(r -> r.forEach(c -> b.append(c.toString()).append('\n')));
        return b.toString();
    }
}
