package fi.digikunta.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.AssessmentReturn;
import fi.digikunta.findings.Finding;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.model.StageLevel;
import fi.digikunta.model.Status;
import fi.digikunta.read.ReadOutcome;
import fi.digikunta.findings.Message;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.testing.HandWrittenXlsx;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.testing.ZipParts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

/** The typed values a return gives, and the rules that are about values rather than one fixture. */
class ValidatorTest {
    static final Validator VALIDATOR = new Validator(SchemaRegistry.load(), MunicipalityList.builtIn());
    static final StaxWorkbookReader READER = new StaxWorkbookReader();

    static Validated validate(byte[] b) {
        return VALIDATOR.validate(READER.read(b, "t.xlsx"));
    }

    static Validated accepted(byte[] b) {
        Validated v = validate(b);
        assertEquals(Outcome.ACCEPTED, v.outcome(), () -> v.findings().toString());
        return v;
    }

    static ServiceRow row(AssessmentReturn r, String area, String id) {
        return r.area(area).orElseThrow().rows().stream().filter(x -> id.equals(x.id())).findFirst().orElseThrow();
    }

    static List<String> codes(Validated v) {
        return v.findings().stream().map(Finding::id).toList();
    }

    @Test
    void aValidReturnGivesItsTypedValues() {
        AssessmentReturn r = accepted(TestReturn.valid().toXlsx()).ret();
        assertEquals("1", r.schemaVersion());
        var id = r.identification();
        assertEquals("Helsinki", id.name());
        assertEquals("091", id.code());
        assertEquals(LocalDate.of(2025, 3, 14), id.fillDate());
        assertEquals("1", id.templateVersion());
        assertEquals(45.0, id.defaultHourly());
        assertEquals("maija@example.fi", id.email());
        assertEquals(List.of("ASU", "VKO", "KUL", "TER", "TYO", "VIO"),
                r.areas().stream().map(a -> a.area()).toList());
        ServiceRow a1 = row(r, "ASU", "ASU-01");
        assertEquals(4, a1.row());
        assertEquals(Status.IN_USE, a1.status());
        assertEquals(Map.of("NEU", StageLevel.DIGITAL, "HAK", StageLevel.ELECTRONIC, "KAS", StageLevel.MANUAL,
                "PAA", StageLevel.NOT_APPLICABLE, "LAS", StageLevel.DIGITAL, "ARK", StageLevel.ELECTRONIC),
                a1.stages());
        assertEquals(0.55, a1.usage());
        assertNull(a1.hourly());
        assertEquals(1200.0, a1.volume());
        assertEquals(500.0, a1.cost());
        assertEquals(Map.of("KAS", 10.0, "PAA", 5.0, "LAS", 2.5, "ARK", 1.0), a1.savings());
        assertEquals(1000.0, a1.target());
        assertEquals("Lupapiste", a1.system());
        ServiceRow a2 = row(r, "ASU", "ASU-02");
        assertEquals(Status.PLANNED, a2.status());
        assertEquals(15.0, a2.savingTotal());
        assertEquals(52.5, a2.hourly());
        assertNull(row(r, "ASU", "ASU-03").usage());
        ServiceRow own = r.area("ASU").orElseThrow().rows().get(15);
        assertTrue(own.isOwnService());
        assertEquals("Oma palvelu: sähköinen ilmoitus", own.name());
        assertEquals(0.1, own.usage());
        assertEquals(67, r.areas().stream().mapToLong(a -> a.rows().stream().filter(x -> x.id() != null).count())
                .sum());
    }

    @Test
    void usageIsAFractionWhateverWayItIsWritten() {
        TestReturn t = TestReturn.valid();
        t.set("ASU", "ASU-01", "usage", new TestReturn.Pct(0.55));
        t.set("ASU", "ASU-04", "usage", 55.0);
        t.set("ASU", "ASU-05", "usage", "55 %");
        t.set("ASU", "ASU-08", "usage", "55");
        t.set("ASU", "ASU-09", "usage", 0.55);
        t.set("ASU", "ASU-12", "usage", "12,5\u202F%");
        Validated v = validate(t.toXlsx());
        AssessmentReturn r = v.ret();
        assertEquals(0.55, row(r, "ASU", "ASU-01").usage());
        assertEquals(0.55, row(r, "ASU", "ASU-04").usage(), "a plain 55 is 55 %");
        assertEquals(0.55, row(r, "ASU", "ASU-05").usage());
        assertEquals(0.55, row(r, "ASU", "ASU-08").usage());
        assertEquals(0.0055, row(r, "ASU", "ASU-09").usage(), 1e-15, "a plain 0.55 is 0.55 %");
        assertEquals(0.125, row(r, "ASU", "ASU-12").usage());
        assertEquals(List.of("number-as-text", "number-as-text", "number-as-text"), codes(v));
        assertEquals(List.of("J8", "J11", "J15"), v.findings().stream().map(Finding::cell).toList());
    }

    @Test
    void finnishTextNumbersAreReadWithAWarning() {
        TestReturn t = TestReturn.valid();
        t.set("ASU", "ASU-01", "volume", "1 200,50");
        t.set("ASU", "ASU-01", "cost", "2\u202F000");
        t.set("ASU", "ASU-01", "target", " 1000.5 ");
        t.id.put("hourly", "45,50");
        Validated v = validate(t.toXlsx());
        ServiceRow a1 = row(v.ret(), "ASU", "ASU-01");
        assertEquals(1200.5, a1.volume());
        assertEquals(2000.0, a1.cost());
        assertEquals(1000.5, a1.target());
        assertEquals(45.5, v.ret().identification().defaultHourly());
        assertEquals(List.of("number-as-text", "number-as-text", "number-as-text", "number-as-text"), codes(v));
    }

    @Test
    void identificationAsNumbersDatesAndLabelsInEitherLanguage() {
        TestReturn t = TestReturn.valid();
        t.id.put("code", 91.0);
        t.id.put("version", 1.0);
        t.id.put("date", "14.3.2025");
        AssessmentReturn r = accepted(t.toXlsx()).ret();
        assertEquals("091", r.identification().code());
        assertEquals("1", r.identification().templateVersion());
        assertEquals(LocalDate.of(2025, 3, 14), r.identification().fillDate());

        t.id.put("code", "91");
        t.id.put("date", "2025-03-14");
        t.swedish();
        t.id.put("name", "Helsingfors");
        assertEquals(LocalDate.of(2025, 3, 14), accepted(t.toXlsx()).ret().identification().fillDate());
        assertEquals("091", accepted(t.toXlsx()).municipalityCode());
    }

    @Test
    void aPlainNumberIsNoDate() {
        TestReturn t = TestReturn.valid();
        t.id.put("date", 45730.0);
        // Given its inbox's round, the return counts without a date; without one its round is not known.
        Validated v = VALIDATOR.validate(READER.read(t.toXlsx(), "t.xlsx"), 2025);
        assertEquals(List.of("invalid-date"), codes(v));
        assertNull(v.ret().identification().fillDate());
        assertEquals(List.of("round-unknown"), codes(validate(t.toXlsx())));
    }

    @Test
    void aFillDateAfterTheRunsDateIsNamedAsADateWithTheRunsDate() {
        TestReturn t = TestReturn.valid();
        // A date-formatted number, as Excel stores a date: serial 46369.
        t.id.put("date", LocalDate.of(2026, 12, 13));
        Validator v = new Validator(SchemaRegistry.load(), MunicipalityList.builtIn(), Validator.DEFAULT_FINDINGS_CAP,
                LocalDate.of(2026, 11, 30));
        // Given its inbox's round the return counts without the date.
        Validated withRound = v.validate(READER.read(t.toXlsx(), "t.xlsx"), 2026);
        assertEquals(List.of("invalid-date"), codes(withRound));
        assertNull(withRound.ret().identification().fillDate());
        assertEquals("Täyttöpäivä 2026-12-13 on ajon päivämäärän 2026-11-30 jälkeen; päivämäärää ei käytetä, eikä se "
                + "ratkaise, mikä kunnan palautuksista on uusin.", withRound.findings().get(0).message().fi());
        // Without one the round is not known: said as such, not as "is not a date" with the cell's serial number.
        Validated without = v.validate(READER.read(t.toXlsx(), "t.xlsx"));
        assertEquals(Outcome.REJECTED, without.outcome());
        assertEquals(List.of("round-unknown"), codes(without));
        Message m = without.findings().get(0).message();
        assertEquals("Lomakeversiossa 1 ei ole arviointikierrosta, saapuneiden kansiolle ei annettu kierrosta (--round) "
                + "ja täyttöpäivä 2026-12-13 on ajon päivämäärän 2026-11-30 jälkeen, joten kierrosta ei voi päätellä. "
                + "Korjaa täyttöpäivä tai anna kansion kierros.", m.fi());
        assertTrue(m.sv().contains("ifyllnadsdatumet 2026-12-13 ligger efter körningens datum 2026-11-30"), m.sv());
        assertTrue(m.en().contains("the date filled in 2026-12-13 is after the run's date 2026-11-30"), m.en());
        assertTrue(!(m.fi() + m.sv() + m.en()).contains("46369"), m.en());
    }

    @Test
    void isoDateCellsFromOtherWriters() {
        AssessmentReturn r = accepted(HandWrittenXlsx.write(TestReturn.valid())).ret();
        assertEquals(LocalDate.of(2025, 3, 14), r.identification().fillDate());
    }

    @Test
    void labelsWithColonsAndOddCaseStillMatch() {
        byte[] b = ZipParts.edit(TestReturn.valid().toXlsx(), "xl/sharedStrings.xml", s -> s
                .replace("<t>Kuntanumero</t>", "<t>KUNTANUMERO:</t>")
                .replace("<t>Käytössä</t>", "<t> käytössä </t>")
                .replace("<t>Tunnus</t>", "<t>Tunnus *</t>"));
        assertEquals("091", accepted(b).municipalityCode());
    }

    @Test
    void columnsAreFoundByLabelWhereverTheyAre() {
        AssessmentReturn expected = accepted(TestReturn.valid().toXlsx()).ret();
        TestReturn t = TestReturn.valid();
        for (TestReturn.Area a : t.areas.values()) {
            List<String> cols = new ArrayList<>(a.columns);
            Collections.shuffle(cols, new Random(a.code.hashCode()));
            cols.add(3, "x-own-column");
            a.columns = cols;
            a.labelOverride.put("x-own-column", "Kunnan oma sarake");
            a.rows.forEach(r -> r.put("x-own-column", "mitä tahansa"));
        }
        assertEquals(expected, accepted(t.toXlsx()).ret());
    }

    @Test
    void aHeaderMergedDownMakesTheRowsBelowItPartOfTheHeader() {
        TestReturn t = TestReturn.valid();
        t.poiHook = wb -> {
            Sheet s = wb.getSheet(fi.digikunta.testing.Fixtures.ASU);
            s.shiftRows(3, s.getLastRowNum(), 1);
            s.createRow(3).createCell(2).setCellValue("(valitse luettelosta)");
            s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
        };
        Validated v = accepted(t.toXlsx());
        assertEquals(5, row(v.ret(), "ASU", "ASU-01").row());
    }

    @Test
    void hiddenExtraTabsAreNotWarnedAbout() {
        TestReturn t = TestReturn.valid();
        t.extraTabs.add("Valinnat");
        t.poiHook = wb -> wb.setSheetHidden(wb.getSheetIndex("Valinnat"), true);
        accepted(t.toXlsx());
    }

    @Test
    void idsInAnyCaseAndOwnServices() {
        TestReturn t = TestReturn.valid();
        t.set("ASU", "ASU-05", "id", "asu-05 ");
        t.append("ASU", Map.of("id", "ASU-99", "status", "Käytössä", "stage.NEU", "Sähköinen"));
        Validated v = validate(t.toXlsx());
        assertEquals(List.of("unknown-id"), codes(v));
        assertEquals("ASU-05", row(v.ret(), "ASU", "ASU-05").id());
        ServiceRow unknown = v.ret().area("ASU").orElseThrow().rows().get(16);
        assertNull(unknown.id(), "an unknown id is an own service");
        assertEquals("ASU-99", unknown.writtenId());
        assertEquals("ASU-99", unknown.name());
    }

    @Test
    void anInvalidValueIsLeftOutAndTheRestOfTheRowKept() {
        TestReturn t = TestReturn.valid();
        t.set("ASU", "ASU-01", "stage.KAS", "Paperi");
        t.set("ASU", "ASU-01", "usage", "paljon");
        Validated v = validate(t.toXlsx());
        ServiceRow a1 = row(v.ret(), "ASU", "ASU-01");
        assertEquals(5, a1.stages().size());
        assertNull(a1.usage());
        assertEquals(1200.0, a1.volume());
        assertEquals(List.of("invalid-stage", "not-a-number"), codes(v));
        // each names its column in each language, for the letter's "Käyttöaste %, J5:J40" lines
        assertEquals(new Message("Käsittely", "Handläggning", "Käsittely (Handläggning)"), v.findings().get(0).column());
        assertEquals("Användningsgrad %", v.findings().get(1).column().sv());
        assertEquals("Käyttöaste %", v.findings().get(1).column().fi());
    }

    @Test
    void aRejectedFormStillTellsItsLanguageWhereItsTabsWereRead() {
        Validated sv = validate(TestReturn.valid().swedish().removeColumn("TYO", "status").toXlsx());
        assertEquals(Outcome.REJECTED, sv.outcome());
        assertEquals(Lang.SV, sv.language());
        Validated fi = validate(TestReturn.valid().removeColumn("TYO", "status").toXlsx());
        assertEquals(Outcome.REJECTED, fi.outcome());
        assertEquals(Lang.FI, fi.language());
        assertNull(VALIDATOR.validate(READER.read(new byte[0], "empty.xlsx")).language(), "nothing was read");
    }

    @Test
    void findingsAreCappedAndTheCapSaysSo() {
        TestReturn t = TestReturn.valid();
        for (TestReturn.Area a : t.areas.values()) {
            for (Map<String, Object> r : a.rows) {
                r.put("status", "?");
                for (String st : TestReturn.SCHEMA.stages()) {
                    r.put("stage." + st, "?");
                }
            }
        }
        Validated v = validate(t.toXlsx());
        assertEquals(Outcome.ACCEPTED_WITH_WARNINGS, v.outcome());
        assertTrue(v.findingsTruncated());
        Map<String, Long> byCode = v.findings().stream()
                .collect(java.util.stream.Collectors.groupingBy(Finding::id, java.util.stream.Collectors.counting()));
        assertEquals(Validator.DEFAULT_FINDINGS_CAP, byCode.values().stream().mapToLong(Long::longValue).max()
                .orElseThrow(), "the cap is per kind: " + byCode);
        assertTrue(byCode.size() >= 3, "every kind is kept: " + byCode);
        Finding last = v.findings().get(v.findings().size() - 1);
        assertEquals("findings-capped", last.id());
        assertTrue(last.message().fi().contains("200"), last.message().fi());
    }

    @Test
    void manyWarningsOfOneKindDoNotHideAnErrorFoundAfterThem() {
        TestReturn t = TestReturn.valid();
        for (TestReturn.Area a : t.areas.values()) {
            for (Map<String, Object> r : a.rows) {
                for (String col : List.of("usage", "volume", "cost", "target")) {
                    r.put(col, "12");
                }
            }
        }
        TestReturn.Area last = t.areas.values().stream().reduce((x, y) -> y).orElseThrow();
        last.rows.get(last.rows.size() - 1).put("usage", "paljon");
        Validated v = validate(t.toXlsx());
        assertTrue(v.findingsTruncated());
        assertEquals(Validator.DEFAULT_FINDINGS_CAP,
                v.findings().stream().filter(f -> f.id().equals("number-as-text")).count());
        assertTrue(v.findings().stream().anyMatch(f -> f.severity() == fi.digikunta.findings.Severity.ERROR),
                "the error after 200 warnings is kept: " + codes(v).stream().distinct().toList());
    }

    @Test
    void anUnreadableFileIsRejectedWithTheReadersReason() {
        Validated v = VALIDATOR.validate(READER.read(new byte[0], "empty.xlsx"));
        assertEquals(Outcome.REJECTED, v.outcome());
        assertEquals("file-empty", v.reasonCode());
        assertEquals(List.of("file-empty"), codes(v));
        assertInstanceOf(ReadOutcome.Unreadable.class, READER.read(new byte[0], "empty.xlsx"));
    }

    @Test
    void theSameReturnFromXlsIsTheSameTypedReturn() {
        assertEquals(accepted(TestReturn.valid().toXlsx()).ret(), accepted(TestReturn.valid().toXls()).ret());
    }

    @Test
    void aThirdWriterGivesTheSameTypedReturnWhereValuesExist() {
        TestReturn poi = TestReturn.valid();
        poi.set("ASU", "ASU-01", "target", null);
        TestReturn hand = TestReturn.valid();
        hand.set("ASU", "ASU-01", "target", new TestReturn.Formula("L4*2", null));
        hand.area("ASU").columns.add("x-sum");
        hand.area("ASU").labelOverride.put("x-sum", "Yhteensä");
        hand.area("ASU").rows.forEach(r -> r.put("x-sum", new TestReturn.Formula("L4+M4", null)));
        Validated v = validate(HandWrittenXlsx.write(hand));
        assertEquals(List.of("formula-no-cached-value"), codes(v));
        assertEquals("S4", v.findings().get(0).cell());
        assertEquals(accepted(poi.toXlsx()).ret(), v.ret());
    }
}
