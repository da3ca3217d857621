package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.digikunta.testing.SlowReturns;
import fi.digikunta.testing.TestReturn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 8, on the packaged jar: the per-file time limit covers reading (styles and number
 * formats included) and validating alike, and a file over it is stopped, rejected with the time
 * reason, while the other files of the run are counted. The limit is set to 2 s by the test-only
 * system property {@code digikunta.test.fileTimeLimitMillis} (docs/reading.md), so that the test
 * does not wait a minute per file.
 */
class FileTimeLimitIT {
    @TempDir
    Path dir;

    @Test
    void aReturnSlowInItsStylesAndOneSlowToValidateAreStoppedAtTheLimitAndTheOthersCount() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx");
        // 24 million elements in the styles part: seconds of parsing on any machine.
        NightlyFilesIT.write(inbox.resolve("837-tampere.xlsx"),
                SlowReturns.slowInStyles(TestReturn.valid("837", "Tampere", LocalDate.of(2026, 2, 10)).toXlsx()));
        // 40,000 header candidates of 32,767 characters each: read in a moment, minutes to validate.
        NightlyFilesIT.write(inbox.resolve("092-vantaa.xlsx"),
                SlowReturns.slowInValidation(TestReturn.valid("092", "Vantaa", LocalDate.of(2026, 2, 10)).toXlsx()));

        List<String> jvm = new ArrayList<>(Jar.LAUNCHER_HEAP);
        jvm.add("-Ddigikunta.test.fileTimeLimitMillis=2000");
        long start = System.nanoTime();
        Jar.Result r = Jar.start(dir, jvm, Map.of(), "run", "inbox", "--out", "out", "--archive", "archive",
                "--quiet").await().expect(1);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Path out = dir.resolve("out");
        assertEquals(Map.of("049-espoo.xlsx", "accepted", "091-helsinki.xlsx", "accepted", "092-vantaa.xlsx",
                "rejected", "837-tampere.xlsx", "rejected"), Sets.outcomes(out), r.toString());
        JsonNode report = Sets.reportJson(out);
        for (String name : List.of("092-vantaa.xlsx", "837-tampere.xlsx")) {
            JsonNode f = NightlyFilesIT.file(report, name);
            assertEquals("read-limit", f.at("/reason/code").asText(), f.toString());
            assertEquals("Reading and checking the file took more than 2 seconds and was stopped.",
                    f.at("/reason/en").asText(), f.toString());
        }
        assertEquals(2, report.at("/national/respondents").asInt(), "Espoo and Helsinki are counted");
        // Stopped for this run's time, not for what they are: left in the inbox to be read again, not
        // moved to rejected/ (from where a valid return would never count again).
        assertTrue(java.nio.file.Files.isRegularFile(inbox.resolve("092-vantaa.xlsx")));
        assertTrue(java.nio.file.Files.isRegularFile(inbox.resolve("837-tampere.xlsx")));
        assertTrue(java.nio.file.Files.notExists(dir.resolve("archive/rejected")));
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("archive/049/049-espoo.xlsx")));
        // The whole run, two stopped files included, within seconds: without the deadline in the
        // validator, the Vantaa return alone kept a core busy for many minutes.
        assertTrue(took.compareTo(Duration.ofSeconds(40)) < 0, "the run took " + took + "\n" + r);
    }
}
