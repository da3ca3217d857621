package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.Figures;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.Savings;
import fi.digikunta.model.ServiceFigures;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.StageLevel;
import fi.digikunta.model.Status;
import fi.digikunta.model.RunResult;
import fi.digikunta.schema.Lang;
import fi.digikunta.testing.CsvTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CsvReportTest {
    static final List<String> AREA_COLUMNS = List.of("municipality_code", "area", "in_use", "planned", "not_adopted",
            "unanswered", "coverage", "depth", "usage", "index", "level", "realised_net", "potential_net", "target");

    static Map<String, byte[]> render(RunResult run, CsvDialect d) {
        return ReportSet.render(run, ReportOptions.defaults().withCsvDialect(d));
    }

    static Stream<Arguments> scenariosAndDialects() {
        List<Arguments> a = new ArrayList<>();
        for (CsvDialect d : CsvDialect.values()) {
            a.add(Arguments.of("empty", TestRuns.empty(), d));
            a.add(Arguments.of("oneAccepted", TestRuns.oneAccepted(), d));
            a.add(Arguments.of("oneRejected", TestRuns.oneRejected(), d));
            a.add(Arguments.of("superseded", TestRuns.superseded(), d));
            a.add(Arguments.of("manyFindings", TestRuns.manyFindings(), d));
            a.add(Arguments.of("rounds", TestRuns.rounds(), d));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("scenariosAndDialects")
    void everyTableHasItsRowsInEveryScenario(String name, RunResult run, CsvDialect d) {
        Map<String, byte[]> out = render(run, d);
        int munis = run.figures().municipalities().size();
        int services = run.figures().municipalities().stream().mapToInt(m -> m.services().size()).sum();
        int findings = run.files().stream().mapToInt(f -> f.findings().size()).sum();

        assertEquals(munis, CsvTable.of(out, "municipalities", d).rows.size());
        CsvTable areas = CsvTable.of(out, "areas", d);
        assertEquals(AREA_COLUMNS, areas.header.subList(0, AREA_COLUMNS.size()));
        assertEquals(munis * 6, areas.rows.size());
        assertEquals(services, CsvTable.of(out, "services", d).rows.size());
        CsvTable files = CsvTable.of(out, "files", d);
        assertEquals(List.of("file", "outcome", "outcome_text", "municipality_code", "reason"),
                files.header.subList(0, 5));
        assertEquals(run.files().size(), files.rows.size());
        CsvTable fs = CsvTable.of(out, "findings", d);
        assertEquals(List.of("file", "municipality_code", "sheet", "cell", "code", "severity", "message_fi",
                "message_en"), fs.header.subList(0, 8));
        assertEquals(findings, fs.rows.size());
        assertEquals(67, CsvTable.of(out, "service_stats", d).rows.size());
        CsvTable national = CsvTable.of(out, "national", d);
        assertEquals(List.of("area", "statistic", "value"), national.header.subList(0, 3));
        assertEquals(String.valueOf(munis), national.one(r -> r.get("area").equals("ALL")
                && r.get("statistic").equals("respondents")).get("value"));
    }

    @Test
    void nationalHasEveryStatisticOfTheIssueForAllAndEachArea() {
        CsvTable national = CsvTable.of(render(TestRuns.superseded(), CsvDialect.RFC4180), "national", CsvDialect.RFC4180);
        List<String> stats = List.of("n", "mean", "weighted_mean", "median", "p25", "p75", "min", "max");
        for (String area : List.of("ALL", "ASU", "VKO", "KUL", "TER", "TYO", "VIO")) {
            for (String s : stats) {
                national.one(r -> r.get("area").equals(area) && r.get("statistic").equals(s));
                if (!area.equals("ALL")) {
                    for (String p : List.of("coverage_", "depth_", "usage_")) {
                        national.one(r -> r.get("area").equals(area) && r.get("statistic").equals(p + s));
                    }
                }
            }
            for (int l = 0; l <= 4; l++) {
                int level = l;
                national.one(r -> r.get("area").equals(area) && r.get("statistic").equals("level_" + level));
            }
            for (String s : List.of("realised_net", "potential_net", "target", "computable_in_use")) {
                national.one(r -> r.get("area").equals(area) && r.get("statistic").equals(s));
            }
        }
        for (String s : List.of("respondents", "reference_count", "response_rate", "population_covered",
                "population_share")) {
            national.one(r -> r.get("area").equals("ALL") && r.get("statistic").equals(s));
        }
        assertEquals("0.0065", national.one(r -> r.get("statistic").equals("response_rate")).get("value"));
        assertEquals("share", national.one(r -> r.get("statistic").equals("response_rate")).get("unit"));
    }

    /** A municipality whose every figure is chosen to test one rounding or null rule. */
    static RunResult roundingRun() {
        Savings s = new Savings(-12.5, 1.005, 0.125, 3);
        List<AreaFigures> areas = new ArrayList<>();
        for (String a : TestRuns.SCHEMA.areaCodes()) {
            areas.add(new AreaFigures(a, 2, 1, 0, 0, 2.0 / 3, null, 0.00005, 12.34565, 1, s));
        }
        ServiceFigures svc = new ServiceFigures("ASU", "ASU-01", "Rakennuslupa-asiointi", 4, Status.IN_USE,
                Map.of("NEU", StageLevel.DIGITAL, "KAS", StageLevel.NOT_APPLICABLE), 0.55, 0.5, -1234567.891, null,
                1e7);
        MunicipalityFigures m = new MunicipalityFigures("091", "Helsinki", "Helsingfors", "Uusimaa", 674963,
                "h.xlsx", areas, 99.99995, 4, s, List.of(svc));
        Distribution none = new Distribution(0, null, null, null, null, null, null, null);
        NationalFigures n = new NationalFigures(1, 308, 1.0 / 308, 674963, 5603851, 674963.0 / 5603851,
                Map.of("ALL", none), Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of(), Map.of("ALL", s));
        FileResult f = new FileResult("h.xlsx", Outcome.ACCEPTED, "091", null, List.of(), false, null, null, null);
        return new RunResult("t", "1", TestRuns.GENERATED, List.of(f), new Figures("1", List.of(m), n));
    }

    @Test
    void roundsHalfUpOnOutputAndWritesNullAsAnEmptyField() {
        Map<String, byte[]> out = render(roundingRun(), CsvDialect.RFC4180);
        CSVRecord asu = CsvTable.of(out, "areas", CsvDialect.RFC4180).one(r -> r.get("area").equals("ASU"));
        assertEquals("0.6667", asu.get("coverage"));
        assertEquals("", asu.get("depth"));
        assertEquals("0.0001", asu.get("usage"));
        assertEquals("12.3457", asu.get("index"));
        assertEquals("-12.50", asu.get("realised_net"));
        assertEquals("1.01", asu.get("potential_net"));
        assertEquals("0.13", asu.get("target"));
        assertEquals("3", asu.get("computable_in_use"));
        assertEquals("Aloitettu", asu.get("level_name"));
        CSVRecord m = CsvTable.of(out, "municipalities", CsvDialect.RFC4180).rows.get(0);
        assertEquals("100.0000", m.get("index"));
        assertEquals("12.3457", m.get("index_vio"));
        CSVRecord svc = CsvTable.of(out, "services", CsvDialect.RFC4180).rows.get(0);
        assertEquals("digital", svc.get("stage_neu"));
        assertEquals("", svc.get("stage_hak"));
        assertEquals("not_applicable", svc.get("stage_kas"));
        assertEquals("in_use", svc.get("status"));
        assertEquals("-1234567.89", svc.get("potential_net"));
        assertEquals("", svc.get("realised_net"));
        assertEquals("10000000.00", svc.get("target"), "never exponent notation");
        CsvTable national = CsvTable.of(out, "national", CsvDialect.RFC4180);
        assertEquals("", national.one(r -> r.get("statistic").equals("median")).get("value"));
        assertEquals("0", national.one(r -> r.get("statistic").equals("n")).get("value"));
    }

    @Test
    void excelFiHasBomSemicolonsDecimalCommasAndAsciiMinus() {
        Map<String, byte[]> out = render(roundingRun(), CsvDialect.EXCEL_FI);
        byte[] areasBytes = out.get("areas.csv");
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
                List.of(areasBytes[0], areasBytes[1], areasBytes[2]));
        String text = new String(areasBytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFmunicipality_code;area;in_use;"), text);
        assertTrue(text.contains("\r\n091;ASU;2;1;0;0;0,6667;;0,0001;12,3457;1;-12,50;1,01;0,13;3;Aloitettu;\r\n"),
                text);
        for (byte[] b : out.values()) {
            assertFalse(new String(b, StandardCharsets.UTF_8).contains("\u2212"), "no U+2212 minus anywhere");
        }
        CSVRecord svc = CsvTable.of(out, "services", CsvDialect.EXCEL_FI).rows.get(0);
        assertEquals("-1234567,89", svc.get("potential_net"));
    }

    @ParameterizedTest
    @EnumSource(CsvDialect.class)
    void recordsEndInCrLfAndOnlyExcelFiHasABom(CsvDialect d) {
        for (Map.Entry<String, byte[]> e : render(TestRuns.superseded(), d).entrySet()) {
            if (!e.getKey().endsWith(".csv")) {
                continue;
            }
            String s = new String(e.getValue(), StandardCharsets.UTF_8);
            assertEquals(d.bom(), s.startsWith("\uFEFF"), e.getKey());
            assertTrue(s.endsWith("\r\n"), e.getKey());
            assertFalse(s.replace("\r\n", "").contains("\n"), e.getKey() + ": a bare LF");
        }
    }

    @Test
    void filesAndFindingsCarryOutcomeReasonAndCode() {
        Map<String, byte[]> out = render(TestRuns.superseded(), CsvDialect.RFC4180);
        CsvTable files = CsvTable.of(out, "files", CsvDialect.RFC4180);
        assertEquals(List.of("helsinki-2026.xlsx", "helsinki-vanha.xlsx", "inari.xlsx", "salattu.xlsx"),
                files.rows.stream().map(r -> r.get("file")).toList(), "sorted by file name");
        CSVRecord enc = files.one(r -> r.get("file").equals("salattu.xlsx"));
        assertEquals("rejected", enc.get("outcome"));
        assertEquals("245", enc.get("municipality_code"));
        assertEquals("encrypted", enc.get("reason_code"));
        assertEquals("Tiedosto on suojattu salasanalla", enc.get("reason"));
        assertEquals("superseded", files.one(r -> r.get("file").equals("helsinki-vanha.xlsx")).get("outcome"));
        assertEquals("accepted_with_warnings", files.one(r -> r.get("file").equals("inari.xlsx")).get("outcome"));
        assertEquals("1", files.one(r -> r.get("file").equals("inari.xlsx")).get("warnings"));
        CSVRecord f = CsvTable.of(out, "findings", CsvDialect.RFC4180).one(r -> true);
        assertEquals(List.of("inari.xlsx", "148", "Yhteenveto", "B2", "name-mismatch", "warning",
                "Kunnan nimi ei vastaa kuntanumeroa", "The name does not match the code"),
                List.of(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7)));
        // --lang sv gives the Swedish reason text
        Map<String, byte[]> sv = ReportSet.render(TestRuns.superseded(),
                ReportOptions.defaults().withLang(fi.digikunta.schema.Lang.SV));
        assertEquals("Tiedosto on suojattu salasanalla (sv)", CsvTable.of(sv, "files", CsvDialect.RFC4180)
                .one(r -> r.get("file").equals("salattu.xlsx")).get("reason"));
    }

    @ParameterizedTest
    @CsvSource({"FI, Hylätty, Hyväksytty varoituksin, Korvattu uudemmalla",
            "SV, Avvisad, Godkänd med varningar, Ersatt av nyare",
            "EN, Rejected, Accepted with warnings, Superseded by a newer return"})
    void theOutcomeInWordsIsTheOneWordingTheHtmlUses(Lang lang, String rejected,
            String withWarnings, String superseded) {
        Map<String, byte[]> out = ReportSet.render(TestRuns.superseded(), ReportOptions.defaults().withLang(lang));
        CsvTable files = CsvTable.of(out, "files", CsvDialect.RFC4180);
        assertEquals(rejected, files.one(r -> r.get("file").equals("salattu.xlsx")).get("outcome_text"));
        assertEquals(withWarnings, files.one(r -> r.get("file").equals("inari.xlsx")).get("outcome_text"));
        assertEquals(superseded, files.one(r -> r.get("file").equals("helsinki-vanha.xlsx")).get("outcome_text"));
        assertEquals(withWarnings, CsvTable.of(out, "municipalities", CsvDialect.RFC4180)
                .one(r -> r.get("municipality_code").equals("148")).get("outcome_text"));
        String html = new String(out.get("report.html"), StandardCharsets.UTF_8);
        for (String word : List.of(rejected, superseded)) {
            assertTrue(html.contains(word), word + " in the national report");
        }
        assertEquals(rejected, Outcome.REJECTED.text().get(lang), "the console's word");
    }

    @Test
    void servicesCarryTheRowsFreeText() {
        Map<String, byte[]> out = render(TestRuns.oneAccepted(), CsvDialect.RFC4180);
        CSVRecord own = CsvTable.of(out, "services", CsvDialect.RFC4180).one(r -> r.get("own_service").equals("true"));
        assertEquals("", own.get("service"));
        assertEquals("Pysäköinnin mobiilimaksu", own.get("name"));
        assertEquals("Lupapiste", own.get("system"));
        assertEquals("Käytössä koko kaupungissa", own.get("notes"));
    }
}
