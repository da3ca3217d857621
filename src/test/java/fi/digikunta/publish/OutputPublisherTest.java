package fi.digikunta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.history.HistoryFolder;
import fi.digikunta.model.RunFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPublisherTest {
    private static final int FILES = 5;

    @TempDir
    Path base;

    private Path out() {
        return base.resolve("out");
    }

    private static PublishOptions opts(PublishOptions.Mode mode) {
        return PublishOptions.DEFAULT.withMode(mode);
    }

    private Published publish(PublishOptions o, String runId) throws IOException {
        try (OutputPublisher p = OutputPublisher.open(out(), o)) {
            return p.publish(FakeReportSet.writer(runId, FILES));
        }
    }

    private List<String> storeNames() throws IOException {
        try (Stream<Path> s = Files.list(base.resolve("out.d"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void linkModeSwitchesTheLinkAndRemovesTheOldSet() throws IOException {
        Published first = publish(opts(PublishOptions.Mode.LINK), "run-1");
        assertTrue(Files.isSymbolicLink(out()));
        assertEquals(Path.of("out.d", "1"), Files.readSymbolicLink(out()), "relative link");
        assertEquals("run-1", FakeReportSet.assertComplete(out(), FILES));
        assertEquals(1, first.number());

        Published second = publish(opts(PublishOptions.Mode.LINK), "run-2");
        assertEquals("run-2", FakeReportSet.assertComplete(out(), FILES));
        assertEquals(base.resolve("out.d/2"), second.set());
        assertEquals(List.of("2", "lock"), storeNames(), "old set, staging and temp link gone");
    }

    @Test
    void previousIsTheSetInPlace() throws IOException {
        try (OutputPublisher p = OutputPublisher.open(out(), opts(PublishOptions.Mode.LINK))) {
            assertTrue(p.previous().isEmpty(), "first run");
            p.publish(FakeReportSet.writer("run-1", FILES));
        }
        try (OutputPublisher p = OutputPublisher.open(out(), opts(PublishOptions.Mode.LINK))) {
            Path prev = p.previous().orElseThrow();
            assertTrue(Files.readString(prev.resolve("report.json")).contains("run-1"));
        }
    }

    @Test
    void aFailingWriterLeavesThePreviousSetAndNoStaging() throws IOException {
        publish(opts(PublishOptions.Mode.LINK), "run-1");
        try (OutputPublisher p = OutputPublisher.open(out(), opts(PublishOptions.Mode.LINK))) {
            IOException e = assertThrows(IOException.class, () -> p.publish(folder -> {
                Files.writeString(folder.resolve("files.csv"), "half");
                throw new IOException("disk full");
            }));
            assertEquals("disk full", e.getMessage());
        }
        assertEquals("run-1", FakeReportSet.assertComplete(out(), FILES));
        assertEquals(List.of("1", "lock"), storeNames());
    }

    @Test
    void swapModeKeepsARealFolderAndRecoversACutSwap() throws IOException {
        publish(opts(PublishOptions.Mode.SWAP), "run-1");
        assertFalse(Files.isSymbolicLink(out()));
        assertEquals("run-1", FakeReportSet.assertComplete(out(), FILES));
        publish(opts(PublishOptions.Mode.SWAP), "run-2");
        assertEquals("run-2", FakeReportSet.assertComplete(out(), FILES));
        assertEquals(List.of("lock"), storeNames());

        // A run killed between its two renames: out is gone, the previous set waits in old-*.
        Files.move(out(), base.resolve("out.d/old-3"));
        Files.createDirectories(base.resolve("out.d/staging-99999-1"));
        try (OutputPublisher p = OutputPublisher.open(out(), opts(PublishOptions.Mode.SWAP))) {
            assertEquals("run-2", FakeReportSet.assertComplete(out(), FILES), "restored at the next start");
            assertEquals(List.of("lock"), storeNames());
            p.publish(FakeReportSet.writer("run-3", FILES));
        }
        assertEquals("run-3", FakeReportSet.assertComplete(out(), FILES));
    }

    @Test
    void aRealFolderFromSwapModeMovesIntoLinkMode() throws IOException {
        publish(opts(PublishOptions.Mode.SWAP), "run-1");
        publish(opts(PublishOptions.Mode.LINK), "run-2");
        assertTrue(Files.isSymbolicLink(out()));
        assertEquals("run-2", FakeReportSet.assertComplete(out(), FILES));
        assertEquals(List.of("2", "lock"), storeNames());
        assertEquals(2, HistoryFolder.list(out().resolve("history")).size(), "history carried across modes");
    }

    @Test
    void anEmptyOutFolderIsTakenAForeignOneIsRefused() throws IOException {
        Files.createDirectories(out());
        publish(opts(PublishOptions.Mode.LINK), "run-1");
        assertEquals("run-1", FakeReportSet.assertComplete(out(), FILES));

        Path other = base.resolve("documents");
        Files.createDirectories(other);
        Files.writeString(other.resolve("thesis.docx"), "precious");
        RunFailure f = assertThrows(RunFailure.class, () -> OutputPublisher.open(other, PublishOptions.DEFAULT));
        assertTrue(f.getMessage().contains("eikä ole digikuntan tuloskansio"), f.getMessage());
        assertEquals("precious", Files.readString(other.resolve("thesis.docx")));

        Path file = base.resolve("a-file");
        Files.writeString(file, "x");
        assertThrows(RunFailure.class, () -> OutputPublisher.open(file, PublishOptions.DEFAULT));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aLinkThatIsNotOursIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(base.resolve("elsewhere"));
        Files.createSymbolicLink(out(), elsewhere);
        RunFailure f = assertThrows(RunFailure.class,
                () -> OutputPublisher.open(out(), opts(PublishOptions.Mode.LINK).withLang(fi.digikunta.schema.Lang.EN)));
        assertTrue(f.getMessage().contains("is not a digikunta output folder"), f.getMessage());
    }

    @Test
    void leftoversOfAKilledRunAreRemovedAtTheNextStart() throws IOException {
        publish(opts(PublishOptions.Mode.LINK), "run-1");
        Files.createDirectories(base.resolve("out.d/staging-4242-1/municipalities"));
        Files.createDirectories(base.resolve("out.d/7"));
        Files.createSymbolicLink(base.resolve("out.d/link-4242-7"), Path.of("out.d/7"));
        try (OutputPublisher p = OutputPublisher.open(out(), opts(PublishOptions.Mode.LINK))) {
            assertEquals(List.of("1", "lock"), storeNames());
            assertEquals(2, p.publish(FakeReportSet.writer("run-2", FILES)).number(), "one more than the set in place");
        }
    }

    @Test
    void historyKeepsTheLastKReportsNamedByTimeAndSet() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-03-05T01:00:00Z"), ZoneOffset.UTC);
        PublishOptions o = new PublishOptions(3, PublishOptions.Mode.LINK, fi.digikunta.schema.Lang.FI, clock);
        Published last = null;
        for (int i = 1; i <= 5; i++) {
            last = publish(o, "run-" + i);
        }
        List<Path> h = HistoryFolder.list(out().resolve("history"));
        assertEquals(List.of("report-20260301T020000Z-3.json.gz", "report-20260301T020000Z-4.json.gz",
                "report-20260301T020000Z-5.json.gz"), h.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < 3; i++) {
            // The snapshot of each run's report.json: what the next run compares with.
            assertEquals("2026-03-01T02:00:00Z", fi.digikunta.history.ReportSnapshot.read(h.get(i)).generatedAt());
        }
        assertEquals(out().toRealPath().resolve("history/report-20260301T020000Z-5.json.gz"), last.historyFile());
    }

    @Test
    void historyZeroKeepsNone() throws IOException {
        publish(PublishOptions.DEFAULT.withHistoryKeep(0), "run-1");
        assertFalse(Files.exists(out().resolve("history")));
    }

    @Test
    void twoPublishersAtOnceTheSecondFailsNamingTheHolder() throws IOException {
        try (OutputPublisher first = OutputPublisher.open(out(), PublishOptions.DEFAULT)) {
            RunFailure f = assertThrows(RunFailure.class, () -> OutputPublisher.open(out(), PublishOptions.DEFAULT));
            long pid = ProcessHandle.current().pid();
            assertTrue(f.getMessage().startsWith("Toinen ajo on käynnissä"), f.getMessage());
            assertTrue(f.getMessage().contains("pid " + pid + ", host " + first.lock().holder().host() + ", "
                    + first.lock().holder().started()), f.getMessage());
            first.publish(FakeReportSet.writer("run-1", FILES));
        }
        // Released on close: the next run goes ahead, and finds no stale record.
        try (OutputPublisher again = OutputPublisher.open(out(), PublishOptions.DEFAULT)) {
            assertTrue(again.lock().staleTakenOver().isEmpty());
        }
    }
}
