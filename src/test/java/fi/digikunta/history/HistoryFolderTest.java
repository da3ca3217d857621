package fi.digikunta.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFolderTest {
    private static final Instant FALLBACK = Instant.parse("2026-03-09T09:09:09Z");

    @TempDir
    Path base;

    private Path set(int n, String generatedAt) throws IOException {
        Path s = Files.createDirectories(base.resolve(Integer.toString(n)));
        if (generatedAt != null) {
            Files.writeString(s.resolve("report.json"), "{\"format_version\":1,\"files\":[{\"file\":\"x\"}],"
                    + "\"generated_at\":\"" + generatedAt + "\",\"n\":" + n + "}");
        }
        return s;
    }

    private static List<String> names(Path historyDir) throws IOException {
        return HistoryFolder.list(historyDir).stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void keepsTheNewestKInSetOrderEvenPast9() throws IOException {
        Optional<Path> prev = Optional.empty();
        for (int n = 1; n <= 12; n++) {
            Path s = set(n, "2026-03-" + String.format("%02d", n) + "T02:00:00.123Z");
            Optional<Path> mine = HistoryFolder.carryOver(prev, s, 4, n, FALLBACK);
            assertEquals(s.resolve("history").resolve(HistoryFolder.fileName(
                    Instant.parse("2026-03-" + String.format("%02d", n) + "T02:00:00Z"), n)), mine.orElseThrow());
            prev = Optional.of(s);
        }
        assertEquals(List.of("report-20260309T020000Z-9.json", "report-20260310T020000Z-10.json",
                "report-20260311T020000Z-11.json", "report-20260312T020000Z-12.json"),
                names(prev.get().resolve("history")));
        assertTrue(Files.readString(prev.get().resolve("history/report-20260309T020000Z-9.json")).contains("\"n\":9"));
    }

    @Test
    void withoutAReportJsonTheOldHistoryIsKeptAndNoneAdded() throws IOException {
        Path s1 = set(1, "2026-03-01T02:00:00Z");
        HistoryFolder.carryOver(Optional.empty(), s1, 2, 1, FALLBACK);
        Path s2 = set(2, null);
        assertEquals(Optional.empty(), HistoryFolder.carryOver(Optional.of(s1), s2, 2, 2, FALLBACK));
        assertEquals(List.of("report-20260301T020000Z-1.json"), names(s2.resolve("history")));
    }

    @Test
    void unreadableGeneratedAtFallsBackToTheGivenTime() throws IOException {
        Path s = Files.createDirectories(base.resolve("1"));
        Files.writeString(s.resolve("report.json"), "{\"generated_at\": 12}");
        assertEquals("report-20260309T090909Z-1.json",
                HistoryFolder.carryOver(Optional.empty(), s, 3, 1, FALLBACK).orElseThrow().getFileName().toString());
    }

    @Test
    void filesThatAreNotHistoryAreIgnored() throws IOException {
        Path h = Files.createDirectories(base.resolve("history"));
        Files.writeString(h.resolve("notes.txt"), "mine");
        Files.writeString(h.resolve("report-20260301T020000Z-3.json"), "{}");
        assertEquals(List.of("report-20260301T020000Z-3.json"), names(h));
    }
}
