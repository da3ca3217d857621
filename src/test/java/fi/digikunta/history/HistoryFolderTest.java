package fi.digikunta.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        assertEquals(List.of("report-20260309T020000Z-9.json.gz", "report-20260310T020000Z-10.json.gz",
                "report-20260311T020000Z-11.json.gz", "report-20260312T020000Z-12.json.gz"),
                names(prev.get().resolve("history")));
        assertEquals("{\"generated_at\":\"2026-03-09T02:00:00.123Z\",\"files\":[{\"file\":\"x\",\"outcome\":null,"
                + "\"municipality_code\":null,\"round\":null,\"reason\":null}],\"municipalities\":[]}",
                gunzip(prev.get().resolve("history/report-20260309T020000Z-9.json.gz")), "set 9's snapshot");
    }

    static String gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void withoutAReportJsonTheOldHistoryIsKeptAndNoneAdded() throws IOException {
        Path s1 = set(1, "2026-03-01T02:00:00Z");
        HistoryFolder.carryOver(Optional.empty(), s1, 2, 1, FALLBACK);
        Path s2 = set(2, null);
        assertEquals(Optional.empty(), HistoryFolder.carryOver(Optional.of(s1), s2, 2, 2, FALLBACK));
        assertEquals(List.of("report-20260301T020000Z-1.json.gz"), names(s2.resolve("history")));
    }

    @Test
    void unreadableGeneratedAtFallsBackToTheGivenTime() throws IOException {
        Path s = Files.createDirectories(base.resolve("1"));
        Files.writeString(s.resolve("report.json"), "{\"generated_at\": 12}");
        Path h = HistoryFolder.carryOver(Optional.empty(), s, 3, 1, FALLBACK).orElseThrow();
        assertEquals("report-20260309T090909Z-1.json.gz", h.getFileName().toString());
        assertEquals("{\"generated_at\": 12}", gunzip(h), "not a report.json: kept whole");
    }

    @Test
    void filesThatAreNotHistoryAreIgnored() throws IOException {
        Path h = Files.createDirectories(base.resolve("history"));
        Files.writeString(h.resolve("notes.txt"), "mine");
        Files.writeString(h.resolve("report-20260301T020000Z-3.json"), "{}");
        Files.writeString(h.resolve("report-20260301T020000Z-4.json.gz.tmp"), "{}");
        assertEquals(List.of("report-20260301T020000Z-3.json"), names(h));
    }

    /**
     * A real report.json (the sample inbox's): its gzipped snapshot and an older history file (a
     * whole pretty-printed report.json, as earlier versions kept) read as the same snapshot, side by
     * side in one history, and the next run compares with the snapshot.
     */
    @Test
    void snapshotsAndOlderWholeCopiesReadTheSame() throws IOException {
        Path sample = Path.of("samples/expected/report.json");
        ReportSnapshot expected = ReportSnapshot.read(sample);
        assertTrue(expected.files().size() > 40 && expected.municipalities().size() > 20, "a real report");

        Path s1 = Files.createDirectories(base.resolve("1"));
        Files.copy(sample, s1.resolve("report.json"));
        Path old = Files.createDirectories(s1.resolve("history")).resolve("report-20260101T000000Z-1.json");
        ObjectMapper m = new ObjectMapper();
        Files.write(old, m.writerWithDefaultPrettyPrinter().writeValueAsBytes(m.readTree(sample.toFile())));
        assertEquals(Optional.of(s1.resolve("report.json")), HistoryFolder.comparable(s1),
                "an older history file is not this version's snapshot: report.json is read");

        Path s2 = Files.createDirectories(base.resolve("2"));
        Files.copy(sample, s2.resolve("report.json"));
        Path mine = HistoryFolder.carryOver(Optional.of(s1), s2, 30, 2, FALLBACK).orElseThrow();
        assertEquals(List.of("report-20260101T000000Z-1.json", "report-20260101T000000Z-2.json.gz"),
                names(s2.resolve("history")));
        assertEquals(Files.readString(old), Files.readString(s2.resolve("history").resolve(old.getFileName())),
                "the older file is carried over as it was");
        assertEquals(expected, ReportSnapshot.read(s2.resolve("history").resolve(old.getFileName())));
        assertEquals(expected, ReportSnapshot.read(mine), "the snapshot reads as the report does");
        assertEquals(Optional.of(mine), HistoryFolder.comparable(s2));
        long report = Files.size(sample);
        assertTrue(Files.size(mine) * 20 < report, Files.size(mine) + " bytes against report.json's " + report);
    }

    /** The snapshot in hand gives the same history file, name and bytes, as reading report.json back. */
    @Test
    void aSnapshotInHandWritesWhatReadingTheReportWrites() throws IOException {
        Path sample = Path.of("samples/expected/report.json");
        Path read = Files.createDirectories(base.resolve("read"));
        Path given = Files.createDirectories(base.resolve("given"));
        Files.copy(sample, read.resolve("report.json"));
        Files.copy(sample, given.resolve("report.json"));
        Path a = HistoryFolder.carryOver(Optional.empty(), read, 3, 7, FALLBACK).orElseThrow();
        Path b = HistoryFolder.carryOver(Optional.empty(), given, 3, 7, FALLBACK, ReportSnapshot.read(sample))
                .orElseThrow();
        assertEquals(a.getFileName(), b.getFileName());
        assertTrue(Files.size(a) > 1000);
        assertEquals(gunzip(a), gunzip(b));
        Files.delete(given.resolve("report.json"));
        assertEquals(Optional.empty(), HistoryFolder.carryOver(Optional.empty(), given, 3, 8, FALLBACK,
                ReportSnapshot.read(sample)), "no report.json written: no snapshot kept, whatever is in hand");
    }

    @Test
    void aSetWithoutReportJsonHasNothingToCompare() throws IOException {
        Path s1 = set(1, "2026-03-01T02:00:00Z");
        HistoryFolder.carryOver(Optional.empty(), s1, 2, 1, FALLBACK);
        Files.delete(s1.resolve("report.json"));
        assertEquals(Optional.empty(), HistoryFolder.comparable(s1), "first run, history or not");
    }
}
