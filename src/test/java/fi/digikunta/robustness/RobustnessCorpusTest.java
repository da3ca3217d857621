package fi.digikunta.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.compute.FiguresCalculator;
import fi.digikunta.inbox.InboxOptions;
import fi.digikunta.inbox.InboxScanner;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.RunResult;
import fi.digikunta.pipeline.Validation;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.report.CsvDialect;
import fi.digikunta.report.ReportOptions;
import fi.digikunta.report.ReportSet;
import fi.digikunta.robustness.RobustnessCorpus.Case;
import fi.digikunta.schema.SchemaRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole robustness corpus as one batch through the real inbox scan, reader, validator, figures
 * and report writers (in this JVM; RobustnessIT does the same through the jar with a 256 MB heap).
 * Every file gets its one outcome and reason, the valid files get exactly the results they get
 * alone, and no output holds the entity's target, a script element or a runnable CSV cell.
 */
class RobustnessCorpusTest {
    static final SchemaRegistry REGISTRY = SchemaRegistry.load();
    static final MunicipalityList LIST = MunicipalityList.builtIn();

    @TempDir
    static Path tmp;
    static List<Case> cases;
    static List<FileResult> batch;
    static Map<String, FileResult> byFile;

    @BeforeAll
    static void runTheBatch() throws IOException {
        cases = RobustnessCorpus.write(tmp.resolve("inbox"), tmp.resolve("outside"));
        batch = run(tmp.resolve("inbox"));
        byFile = batch.stream().collect(Collectors.toMap(FileResult::file, Function.identity()));
    }

    static List<FileResult> run(Path inbox) {
        return Validation.validateAll(InboxScanner.scan(List.of(inbox), new InboxOptions(false, Duration.ZERO)),
                REGISTRY, LIST, new StaxWorkbookReader(), 2);
    }

    @Test
    void everyFileHasExactlyOneResultAndNothingElseIsReported() {
        assertEquals(cases.stream().map(Case::file).sorted().toList(), batch.stream().map(FileResult::file).toList());
    }

    @TestFactory
    Stream<DynamicTest> eachFileGetsItsOneOutcomeAndReason() {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.what(), () -> {
            FileResult r = byFile.get(c.file());
            assertNotNull(r, c.file());
            String got = r.outcome().id() + " " + r.reasonCode() + " "
                    + (r.reason() == null ? "" : r.reason().en()) + " " + r.findings().stream()
                            .map(Finding::id).toList();
            assertEquals(c.outcome(), r.outcome(), got);
            assertEquals(c.code(), r.reasonCode(), got);
            if (c.outcome() == Outcome.REJECTED) {
                // One clear reason in every language, and the reason is the file's one finding.
                for (String s : List.of(r.reason().fi(), r.reason().sv(), r.reason().en())) {
                    assertFalse(s.isBlank(), got);
                    assertFalse(s.contains("Exception") || s.contains("\tat "), "a stack trace as reason: " + s);
                }
                // The reason is the file's one finding, for a link the inbox refused too.
                assertTrue(r.findings().size() == 1 && c.code().equals(r.findings().get(0).id()), got);
                assertNull(r.ret());
            } else {
                assertNull(r.reason(), got);
                assertNotNull(r.ret(), got);
            }
            if (c.finding() != null) {
                assertTrue(r.findings().stream().anyMatch(f -> f.id().equals(c.finding())), got);
            }
            if (c.outcome() == Outcome.ACCEPTED) {
                assertEquals(List.of(), r.findings(), got);
            }
        }));
    }

    @Test
    void theValidFilesGetExactlyTheResultsTheyGetAlone(@TempDir Path alone) throws IOException {
        List<Case> valid = RobustnessCorpus.valid(cases);
        assertEquals(3, valid.size());
        for (Case c : valid) {
            Path inbox = Files.createDirectories(alone.resolve(c.file() + ".inbox"));
            Files.copy(tmp.resolve("inbox").resolve(c.file()), inbox.resolve(c.file()),
                    StandardCopyOption.COPY_ATTRIBUTES);
            List<FileResult> own = run(inbox);
            assertEquals(1, own.size());
            // The copy's modification time may be rounded by the file system; everything else must match.
            assertTrue(sameExceptTime(own.get(0), byFile.get(c.file())), c.file() + " differs alone");
        }
    }

    static boolean sameExceptTime(FileResult a, FileResult b) {
        return a.file().equals(b.file()) && a.outcome() == b.outcome()
                && java.util.Objects.equals(a.municipalityCode(), b.municipalityCode())
                && java.util.Objects.equals(a.reason(), b.reason()) && a.findings().equals(b.findings())
                && a.findingsTruncated() == b.findingsTruncated() && java.util.Objects.equals(a.ret(), b.ret())
                && java.util.Objects.equals(a.reasonCode(), b.reasonCode());
    }

    @Test
    void noOutputHoldsTheSecretAScriptOrARunnableCell() throws IOException {
        RunResult run = new RunResult("test", REGISTRY.version("1").orElseThrow().schemaVersion(), Instant.parse("2026-03-01T02:00:00Z"),
                batch, FiguresCalculator.compute(REGISTRY.version("1").orElseThrow(), LIST, batch));
        for (CsvDialect d : CsvDialect.values()) {
            SortedMap<String, byte[]> out = ReportSet.render(run, ReportOptions.defaults().withCsvDialect(d));
            assertTrue(out.containsKey("files.csv") && out.containsKey("municipalities/020.html"), "" + out.keySet());
            assertEquals(List.of(), OutputChecks.problems(out));
            // The hostile texts did reach the outputs, inert: escaped in HTML, quoted in CSV.
            String html = new String(out.get("municipalities/020.html"), StandardCharsets.UTF_8);
            assertTrue(html.contains("&lt;script&gt;alert(&#39;digikunta&#39;)&lt;/script&gt;"), "escaped in HTML");
            String services = new String(out.get("services.csv"), StandardCharsets.UTF_8);
            assertTrue(services.contains("'=HYPERLINK("), "neutralised in services.csv (" + d.id() + ")");
            String files = new String(out.get("files.csv"), StandardCharsets.UTF_8);
            assertTrue(files.contains("'=2+3<script>alert(1).xlsx"), "the file name, neutralised in files.csv");
            // A tab name from the workbook: neutralised in findings.csv, the very text in JSON.
            String findings = new String(out.get("findings.csv"), StandardCharsets.UTF_8);
            char sep = d == CsvDialect.RFC4180 ? ',' : ';';
            assertTrue(findings.contains(sep + "'=cmd|' -C calc'!A0" + sep), "the tab name, neutralised");
            assertTrue(new ObjectMapper().readTree(out.get("report.json")).findValues("sheet").stream()
                    .anyMatch(n -> n.asText().equals("=cmd|' -C calc'!A0")), "the tab name in report.json");
            // The municipality name written in the workbook, in the name-mismatch message: escaped.
            String page = new String(out.get("municipalities/046.html"), StandardCharsets.UTF_8);
            assertTrue(page.contains("&quot;&lt;script&gt;alert(&#39;nimi&#39;)&lt;/script&gt;=1+1&quot;"), "name");
        }
    }

    @Test
    void aLinkedReturnOutsideTheInboxIsNotCounted() {
        RunResult run = new RunResult("test", REGISTRY.version("1").orElseThrow().schemaVersion(), Instant.parse("2026-03-01T02:00:00Z"),
                batch, FiguresCalculator.compute(REGISTRY.version("1").orElseThrow(), LIST, batch));
        assertTrue(run.figures().municipalities().stream().noneMatch(m -> m.code().equals("186")),
                "Järvenpää's return, reachable only through a link, was counted");
        assertTrue(batch.stream().noneMatch(r -> "186".equals(r.municipalityCode())));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreReplacedInReports() {
        RunResult run = new RunResult("test", REGISTRY.version("1").orElseThrow().schemaVersion(), Instant.parse("2026-03-01T02:00:00Z"),
                batch, FiguresCalculator.compute(REGISTRY.version("1").orElseThrow(), LIST, batch));
        SortedMap<String, byte[]> out = ReportSet.render(run, ReportOptions.defaults());
        String services = new String(out.get("services.csv"), StandardCharsets.UTF_8);
        // "Kello_x0007_ ja _xD800_ yksinäinen ..." was read as BEL and a lone surrogate: both become U+FFFD.
        assertTrue(services.contains("Kello\uFFFD ja \uFFFD yksinäinen \uFFFD sijainen \uFFFD[31m"), services);
    }
}
