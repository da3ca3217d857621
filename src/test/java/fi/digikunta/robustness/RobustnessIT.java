package fi.digikunta.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.robustness.RobustnessCorpus.Case;
import fi.digikunta.testing.CsvTable;
import fi.digikunta.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when test of issue 8: the whole robustness corpus in one batch through the built jar,
 * {@code digikunta run} in its own JVM with a 256 MB heap that exits at the first
 * OutOfMemoryError. Every file gets exactly its one outcome in files.csv, the run exits normally,
 * the heap never needed more than the cap, and no output or console text holds the entity's
 * target, an unescaped script element or a CSV cell a spreadsheet would run.
 */
class RobustnessIT {
    static final Path JAR = Path.of("target", "digikunta.jar");
    static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    record Ran(int exit, String stdout, String stderr, String gcLog) {
    }

    static Ran digikunta(Path work, String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(JAR), "target/digikunta.jar is built by mvn package before this test");
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Path gc = work.resolve("gc.log");
        List<String> cmd = Processes.javaJar(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gc),
                JAR, List.of(args));
        Process p = Processes.startToFiles(new ProcessBuilder(cmd), out, err);
        if (!Processes.awaitOrKill(p, Duration.ofMinutes(10))) {
            throw new AssertionError("digikunta " + String.join(" ", args) + " did not end in 10 minutes");
        }
        return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), Files.readString(gc, StandardCharsets.UTF_8));
    }

    /** The most heap in use at any collection, in MB (G1 logs "used-before->used-after(committed)"). */
    static int peakHeapMb(String gcLog) {
        int peak = 0;
        Matcher m = GC.matcher(gcLog);
        while (m.find()) {
            peak = Math.max(peak, Integer.parseInt(m.group(1)));
        }
        return peak;
    }

    static void noOutOfMemory(Ran r) {
        assertFalse(r.stderr().contains("OutOfMemoryError"), r.stderr());
        assertTrue(peakHeapMb(r.gcLog()) <= 256, "peak heap " + peakHeapMb(r.gcLog()) + " MB");
    }

    @Test
    void theWholeCorpusRunsInOneBatchWithin256Mb(@TempDir Path tmp) throws Exception {
        List<Case> cases = RobustnessCorpus.write(tmp.resolve("inbox"), tmp.resolve("outside"));
        Path outDir = tmp.resolve("out");
        Ran r = digikunta(tmp, "run", tmp.resolve("inbox").toString(), "--out", outDir.toString(), "--settle", "0",
                "--fail-on", "never", "--threads", "2");
        assertEquals(0, r.exit(), r.stderr());
        noOutOfMemory(r);

        // files.csv: every file once, with its outcome and reason code.
        Path real = outDir.toRealPath();
        Map<String, CSVRecord> rows = new TreeMap<>();
        for (CSVRecord row : CsvTable.read(real.resolve("files.csv")).rows) {
            assertTrue(rows.put(row.get("file"), row) == null, "twice in files.csv: " + row.get("file"));
        }
        assertEquals(cases.size(), rows.size(), "" + rows.keySet());
        for (Case c : cases) {
            // A file name starting like a formula is written neutralised, with a leading apostrophe.
            CSVRecord row = rows.containsKey(c.file()) ? rows.get(c.file()) : rows.get("'" + c.file());
            assertTrue(row != null, c.file() + " missing from files.csv " + rows.keySet());
            assertEquals(c.outcome().id(), row.get("outcome"), c.file());
            assertEquals(c.code() == null ? "" : c.code(), row.get("reason_code"), c.file());
        }

        // Every file written, and what the console said, is inert.
        Map<String, byte[]> written = new TreeMap<>();
        try (Stream<Path> s = Files.walk(real)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                written.put(real.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        assertTrue(written.containsKey("report.html") && written.containsKey("municipalities/020.html"),
                "" + written.keySet());
        assertEquals(List.of(), OutputChecks.problems(written));
        assertEquals(List.of(), OutputChecks.textProblems("stdout", r.stdout()));
        assertEquals(List.of(), OutputChecks.textProblems("stderr", r.stderr()));
        assertFalse(r.stderr().contains("[Fatal Error]"), "the XML parser printed to the console");
        assertFalse(r.stderr().contains("\tat "), "a stack trace on the console");
    }

    @Test
    void validateJsonOnStandardOutputStaysOneValidDocument(@TempDir Path tmp) throws Exception {
        List<Case> cases = RobustnessCorpus.write(tmp.resolve("inbox"), tmp.resolve("outside"));
        Ran r = digikunta(tmp, "validate", "--format", "json", "--fail-on", "never", tmp.resolve("inbox").toString());
        assertEquals(0, r.exit(), r.stderr());
        noOutOfMemory(r);
        JsonNode doc = new ObjectMapper().readTree(r.stdout());
        assertEquals(cases.size(), doc.get("files").size());
        assertEquals(List.of(), OutputChecks.textProblems("stdout", r.stdout()));
        assertFalse(r.stderr().contains("[Fatal Error]"), r.stderr());
    }
}
