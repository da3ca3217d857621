package fi.digikunta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.report.ReportOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: a fresh run over samples/inbox writes exactly the bytes of samples/expected/. This is
 * what CI regression checks rely on. To refresh the golden copies on purpose (after a deliberate
 * change of output), run {@code mvn -B test -Dtest=GoldenSamplesTest -Ddigikunta.updateGolden=true}
 * and review the diff before committing it.
 */
class GoldenSamplesTest {
    /** SOURCE_DATE_EPOCH of the golden run: 2026-01-01T00:00:00Z. */
    static final Instant GOLDEN_TIME = Instant.ofEpochSecond(1_767_225_600L);
    static final Path EXPECTED = Path.of("samples/expected");
    /** Written by the publisher around the report set; they name times, hosts and process ids. */
    static final List<String> VOLATILE = List.of("run-log.jsonl", ".digikunta-set", "history/");

    @Test
    void freshRunOverTheSampleInboxMatchesTheGoldenFilesByteForByte(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        BatchRun.Options o = new BatchRun.Options(List.of(Path.of("samples/inbox")), out, null,
                ReportOptions.defaults(), MunicipalityList.builtIn(), false, Duration.ZERO, null, 1, true, 2,
                Clock.fixed(GOLDEN_TIME, ZoneOffset.UTC), "golden");
        StringWriter err = new StringWriter();
        BatchRun.execute(o, new PrintWriter(err), java.io.OutputStream.nullOutputStream(),
                new BatchRun.ExitCodes(r -> new BatchRun.Verdict(0, ""), 3));
        SortedMap<String, byte[]> actual = files(out);

        if (Boolean.getBoolean("digikunta.updateGolden")) {
            deleteTree(EXPECTED);
            for (var e : actual.entrySet()) {
                Path p = EXPECTED.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
        }
        assertTrue(Files.isDirectory(EXPECTED), "samples/expected missing: refresh with -Ddigikunta.updateGolden=true");
        SortedMap<String, byte[]> expected = files(EXPECTED);
        assertEquals(expected.keySet(), actual.keySet(), "the same files");
        for (String name : expected.keySet()) {
            String want = new String(expected.get(name), java.nio.charset.StandardCharsets.UTF_8);
            String got = new String(actual.get(name), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(want, got, () -> name + " differs from samples/expected (refresh on purpose with "
                    + "-Ddigikunta.updateGolden=true)");
        }
    }

    @Test
    void theGoldenReportJsonValidatesAgainstThePublishedSchema() throws Exception {
        var schema = fi.digikunta.report.JsonReportTestAccess.schema();
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(EXPECTED.resolve("report.json").toFile());
        var errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), errors::toString);
        assertTrue(doc.get("since_previous_run").get("first_run").asBoolean(), "a first run says so");
    }

    static SortedMap<String, byte[]> files(Path root) throws IOException {
        SortedMap<String, byte[]> m = new TreeMap<>();
        Path real = root.toRealPath();
        try (Stream<Path> s = Files.walk(real)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = real.relativize(p).toString().replace('\\', '/');
                if (VOLATILE.stream().noneMatch(v -> rel.equals(v) || (v.endsWith("/") && rel.startsWith(v)))) {
                    m.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
