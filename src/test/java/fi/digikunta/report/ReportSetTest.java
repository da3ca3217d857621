package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.history.ReportSnapshot;
import fi.digikunta.model.RunFailure;
import fi.digikunta.model.RunResult;
import fi.digikunta.schema.Lang;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The entry point: which files are written, determinism, --table, output folder problems. */
class ReportSetTest {

    static Stream<Arguments> scenarios() {
        return Stream.of(Arguments.of("empty", TestRuns.empty()), Arguments.of("oneAccepted", TestRuns.oneAccepted()),
                Arguments.of("oneRejected", TestRuns.oneRejected()), Arguments.of("superseded", TestRuns.superseded()),
                Arguments.of("manyFindings", TestRuns.manyFindings()), Arguments.of("twelve", TestRuns.twelve()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void writesEveryFileAndTheSameBytesTwice(String name, RunResult run, @TempDir Path tmp) throws Exception {
        for (CsvDialect d : CsvDialect.values()) {
            for (Lang lang : Lang.values()) {
                ReportOptions o = new ReportOptions(d, lang, null);
                Path a = tmp.resolve(d.id() + "-" + lang.code() + "-a");
                Path b = tmp.resolve(d.id() + "-" + lang.code() + "-b");
                List<String> written = ReportSet.write(run, a, o);
                assertEquals(written, ReportSet.write(run, b, o));
                for (String f : written) {
                    assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
                }
                for (String t : ReportSet.tableNames()) {
                    assertTrue(written.contains(t + ".csv"), t);
                }
                assertTrue(written.contains("report.json"));
                assertTrue(written.contains("report.html"));
            }
        }
    }

    @Test
    void theOrderOfTheInputDoesNotChangeAByte() {
        RunResult run = TestRuns.twelve();
        java.util.List<fi.digikunta.model.FileResult> files = new java.util.ArrayList<>(run.files());
        java.util.Collections.reverse(files);
        java.util.List<fi.digikunta.model.MunicipalityFigures> ms = new java.util.ArrayList<>(
                run.figures().municipalities());
        java.util.Collections.reverse(ms);
        fi.digikunta.model.NationalFigures n = run.figures().national();
        java.util.List<fi.digikunta.model.ServiceStats> ss = new java.util.ArrayList<>(n.services());
        java.util.Collections.reverse(ss);
        java.util.List<fi.digikunta.model.RegionStats> rs = new java.util.ArrayList<>(n.regions());
        java.util.Collections.reverse(rs);
        fi.digikunta.model.NationalFigures n2 = new fi.digikunta.model.NationalFigures(n.respondents(),
                n.referenceCount(), n.responseRate(), n.populationCovered(), n.populationTotal(), n.populationShare(),
                new java.util.HashMap<>(n.index()), new java.util.HashMap<>(n.coverage()),
                new java.util.HashMap<>(n.depth()), new java.util.HashMap<>(n.usage()),
                new java.util.HashMap<>(n.levels()), ss, rs, new java.util.HashMap<>(n.savings()));
        RunResult shuffled = new RunResult(run.toolVersion(), run.schemaVersion(), run.generatedAt(), files,
                new fi.digikunta.model.Figures(run.figures().schemaVersion(), ms, n2, run.figures().round()));
        for (CsvDialect d : CsvDialect.values()) {
            ReportOptions o = ReportOptions.defaults().withCsvDialect(d);
            SortedMap<String, byte[]> a = ReportSet.render(run, o);
            SortedMap<String, byte[]> b = ReportSet.render(shuffled, o);
            assertEquals(a.keySet(), b.keySet());
            a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
        }
    }

    /** The scenarios above, and text a file name must not carry as it is, and several rounds. */
    static Stream<Arguments> snapshotScenarios() {
        return Stream.concat(scenarios(), Stream.of(Arguments.of("hostile", TestRuns.hostile("=x<b>\u0000\r\n\ud800")),
                Arguments.of("rounds", TestRuns.rounds()), Arguments.of("since", TestRuns.sinceChanges())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snapshotScenarios")
    void theSnapshotIsWhatReadingTheWrittenReportJsonGives(String name, RunResult run) throws Exception {
        ReportSnapshot made = ReportSet.snapshot(run);
        for (Lang lang : Lang.values()) {
            byte[] whole = ReportSet.render(run, ReportOptions.defaults().withLang(lang)).get(ReportSet.JSON);
            ReportSnapshot read = ReportSnapshot.parse(whole);
            assertEquals(read, made);
            // Byte for byte as history/ keeps it: the same digits, trailing zeros and node kinds.
            assertArrayEquals(json(read), json(made));
        }
    }

    private static byte[] json(ReportSnapshot s) throws java.io.IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        s.writeJson(b);
        return b.toByteArray();
    }

    @Test
    void pagesAreNamedByMunicipalityCodeOnly() {
        SortedMap<String, byte[]> out = ReportSet.render(TestRuns.superseded(), ReportOptions.defaults());
        List<String> pages = out.keySet().stream().filter(k -> k.startsWith("municipalities/")).toList();
        // 091 and 148 accepted; 245 only has a rejected file and still gets a page with what to fix.
        assertEquals(List.of("municipalities/091.html", "municipalities/148.html", "municipalities/245.html"), pages);
    }

    @Test
    void aHostileFileNameNeverBecomesAPath() {
        SortedMap<String, byte[]> out = ReportSet.render(TestRuns.hostile("../../etc/x<script>"),
                ReportOptions.defaults());
        for (String k : out.keySet()) {
            assertTrue(k.matches("[a-z_]+\\.(csv|json|html)|municipalities/[0-9]{3}\\.html"), k);
        }
    }

    @Test
    void writeTableWritesOneTableAndLeavesTheStreamOpen() throws Exception {
        RunResult run = TestRuns.superseded();
        for (String t : ReportSet.tableNames()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportSet.writeTable(run, t, ReportOptions.defaults(), out);
            out.write('x');
            byte[] expected = ReportSet.render(run, ReportOptions.defaults()).get(t + ".csv");
            byte[] got = out.toByteArray();
            assertEquals(new String(expected, StandardCharsets.UTF_8) + "x", new String(got, StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportSet.writeTable(run, "areas.csv", ReportOptions.defaults(), out);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("municipality_code,area,"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportSet.writeTable(run, "nope", ReportOptions.defaults(), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("municipalities, areas, services"), e.getMessage());
    }

    @Test
    void anUnwritableOutputFolderIsARunFailureNamingIt(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("not-a-folder");
        Files.writeString(file, "x");
        RunFailure f = assertThrows(RunFailure.class,
                () -> ReportSet.write(TestRuns.oneAccepted(), file, ReportOptions.defaults()));
        assertTrue(f.getMessage().contains(file.toString()), f.getMessage());
    }

    @Test
    void aMissingTemplatesFolderIsARunFailureNamingIt(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing");
        RunFailure f = assertThrows(RunFailure.class, () -> ReportSet.render(TestRuns.oneAccepted(),
                ReportOptions.defaults().withTemplatesDir(missing)));
        assertTrue(f.getMessage().contains(missing.toString()), f.getMessage());
    }

    /**
     * The HTML writer is built on a worker beside the CSV files (issue 16); failing to build it is still
     * the run's failure naming the folder (a {@link RunFailure}, not one municipality's {@code PageFailure}).
     */
    @Test
    void aMissingTemplatesFolderIsARunFailureOnManyThreadsToo(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            RunFailure f = assertThrows(RunFailure.class, () -> ReportSet.write(TestRuns.twelve(), tmp.resolve("out"),
                    ReportOptions.defaults().withTemplatesDir(missing), pool));
            assertTrue(f.getMessage().contains(missing.toString()), f.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTemplatesFolderOverridesOneTemplateAndKeepsTheOthers(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("national.ftlh"),
                "<#import \"layout.ftlh\" as l><@l.page lang=lang title=\"Oma\"><h1>Oma ${headline.respondents}"
                        + " ${t.respondents}</h1></@l.page>");
        Map<String, byte[]> out = ReportSet.render(TestRuns.oneAccepted(),
                ReportOptions.defaults().withTemplatesDir(tmp));
        String national = new String(out.get("report.html"), StandardCharsets.UTF_8);
        assertTrue(national.contains("<h1>Oma 1 Vastanneet kunnat</h1>"), national);
        assertTrue(national.contains("Content-Security-Policy"), "layout.ftlh still the built-in one");
        String page = new String(out.get("municipalities/091.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("Helsinki (091)"), "municipality.ftlh still the built-in one");
    }

    @Test
    void aBrokenTemplateIsARunFailureNamingTheTemplate(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("municipality.ftlh"), "${nosuchthing.x}");
        RunFailure f = assertThrows(RunFailure.class, () -> ReportSet.render(TestRuns.oneAccepted(),
                ReportOptions.defaults().withTemplatesDir(tmp)));
        assertTrue(f.getMessage().contains("municipality.ftlh"), f.getMessage());
    }

    @Test
    void templatesCannotReachJavaClasses(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("national.ftlh"),
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        assertThrows(RunFailure.class, () -> ReportSet.render(TestRuns.oneAccepted(),
                ReportOptions.defaults().withTemplatesDir(tmp)));
    }

    @Test
    void writesSampleOutputForPeopleToLookAt() throws Exception {
        // Not an assertion of content: leaves a full set under target/ for a person to open.
        Path dir = Path.of("target", "report-sample");
        List<String> written = ReportSet.write(TestRuns.twelve(), dir, ReportOptions.defaults());
        assertFalse(written.isEmpty());
        assertTrue(Files.exists(dir.resolve("municipalities/091.html")));
    }

    @Test
    void onManyThreadsTheFilesAreTheBytesOfRender(@TempDir Path dir) throws Exception {
        RunResult run = TestRuns.twelve();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<String> written = ReportSet.write(run, dir, ReportOptions.defaults(), pool);
            SortedMap<String, byte[]> expected = ReportSet.render(run, ReportOptions.defaults());
            assertEquals(List.copyOf(expected.keySet()), written);
            for (String f : written) {
                assertArrayEquals(expected.get(f), Files.readAllBytes(dir.resolve(f)), f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTableNameIsCheckedInOnePlace() {
        assertEquals(java.util.Optional.of("areas"), ReportSet.tableName("areas.csv"));
        assertEquals(java.util.Optional.of("files"), ReportSet.tableName("files"));
        assertTrue(ReportSet.tableName("nope").isEmpty());
    }
}
