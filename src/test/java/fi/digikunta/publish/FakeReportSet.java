package fi.digikunta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A fake report set for publisher tests: a report.json and {@code files} part files, every one
 * carrying the same run id, so that a mix of two runs or a missing file shows.
 */
final class FakeReportSet {
    private FakeReportSet() {
    }

    static ReportSetWriter writer(String runId, int files, long sleepMillis, Runnable afterWriting) {
        return folder -> {
            Files.writeString(folder.resolve("report.json"),
                    "{\"format_version\":1,\"generated_at\":\"2026-03-01T02:00:00Z\",\"run_id\":\"" + runId
                            + "\",\"files\":[],\"municipalities\":[]}");
            Path parts = Files.createDirectories(folder.resolve("municipalities"));
            for (int i = 0; i < files; i++) {
                Files.writeString(parts.resolve(String.format("%03d.csv", i)), runId + ";" + i + "\n");
                if (sleepMillis > 0) {
                    sleep(sleepMillis);
                }
            }
            Files.writeString(folder.resolve("files.csv"), runId + ";" + files + "\n");
            afterWriting.run();
        };
    }

    static ReportSetWriter writer(String runId, int files) {
        return writer(runId, files, 0, () -> { });
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Asserts that {@code out} holds one complete set: report.json, files.csv and all part files,
     * all from the same run; returns that run's id.
     */
    static String assertComplete(Path out, int files) throws IOException {
        String files0 = Files.readString(out.resolve("files.csv"));
        String runId = files0.substring(0, files0.indexOf(';'));
        assertEquals(runId + ";" + files + "\n", files0);
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"run_id\":\"" + runId + "\""));
        Set<String> seen = new HashSet<>();
        try (Stream<Path> s = Files.list(out.resolve("municipalities"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String c = Files.readString(p);
                assertTrue(c.startsWith(runId + ";"), () -> p + " is from another run: " + c);
                seen.add(p.getFileName().toString());
            }
        }
        assertEquals(files, seen.size(), "part files in " + out);
        assertTrue(Files.exists(out.resolve(OutputPublisher.MARKER)));
        return runId;
    }
}
