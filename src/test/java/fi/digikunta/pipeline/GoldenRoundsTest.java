package fi.digikunta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.report.ReportOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a fresh run over the whole sample history (samples/rounds/2025 and 2026, each inbox
 * given its round) writes exactly the bytes of samples/expected-rounds/. Refresh on purpose with
 * {@code mvn -B test -Dtest=GoldenRoundsTest -Ddigikunta.updateGolden=true} and review the diff.
 */
class GoldenRoundsTest {
    /** SOURCE_DATE_EPOCH of the golden run: 2026-06-01T00:00:00Z, after every sample's fill date. */
    static final Instant GOLDEN_TIME = Instant.ofEpochSecond(1_780_272_000L);
    static final Path EXPECTED = Path.of("samples/expected-rounds");
    /** The inbox arguments of the README's command for the whole sample history. */
    static final List<Path> ARGUMENTS = List.of(Path.of("2025=samples/rounds/2025"),
            Path.of("2026=samples/rounds/2026"));

    @Test
    void freshRunOverAllSampleRoundsMatchesTheGoldenFilesByteForByte(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        InboxRounds rounds = InboxRounds.parse(ARGUMENTS, null);
        BatchRun.Options o = new BatchRun.Options(rounds.inputs(), out, null, ReportOptions.defaults(),
                MunicipalityList.builtIn(), false, Duration.ZERO, null, 1, true, 2,
                Clock.fixed(GOLDEN_TIME, ZoneOffset.UTC), "golden", rounds);
        BatchRun.execute(o, new PrintWriter(new StringWriter()), java.io.OutputStream.nullOutputStream(),
                new BatchRun.ExitCodes(r -> new BatchRun.Verdict(0, ""), 3));
        SortedMap<String, byte[]> actual = GoldenSamplesTest.files(out);

        if (Boolean.getBoolean("digikunta.updateGolden")) {
            GoldenSamplesTest.deleteTree(EXPECTED);
            for (var e : actual.entrySet()) {
                Path p = EXPECTED.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
        }
        assertTrue(Files.isDirectory(EXPECTED),
                "samples/expected-rounds missing: refresh with -Ddigikunta.updateGolden=true");
        SortedMap<String, byte[]> expected = GoldenSamplesTest.files(EXPECTED);
        assertEquals(expected.keySet(), actual.keySet(), "the same files");
        for (String name : expected.keySet()) {
            assertEquals(new String(expected.get(name), StandardCharsets.UTF_8),
                    new String(actual.get(name), StandardCharsets.UTF_8),
                    () -> name + " differs from samples/expected-rounds (refresh on purpose with "
                            + "-Ddigikunta.updateGolden=true)");
        }
    }

    @Test
    void theGoldenFilesListBothRoundsSameNamedReturnsApart() throws IOException {
        List<String> files = Files.readAllLines(EXPECTED.resolve("files.csv"), StandardCharsets.UTF_8);
        // Helsinki sent 091-helsinki.xlsx in both rounds: two lines, each its own outcome.
        assertTrue(files.stream().anyMatch(l -> l.startsWith("2025/091-helsinki.xlsx,accepted,") && l.contains(",091,") && l.endsWith(",2025")), files::toString);
        assertTrue(files.stream().anyMatch(l -> l.startsWith("2026/091-helsinki.xlsx,accepted,") && l.contains(",091,") && l.endsWith(",2026")), files::toString);
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(EXPECTED.resolve("report.json").toFile());
        assertTrue(fi.digikunta.report.JsonReportTestAccess.schema().validate(doc).isEmpty());
    }
}
