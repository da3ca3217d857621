package fi.digikunta.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.findings.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxScannerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final InboxOptions FLAT = new InboxOptions(false, Duration.ofSeconds(2));

    @TempDir
    Path inbox;

    /** A sleeper that records each wait and runs an action in it (the "other writer"). */
    static final class RecordingSleeper implements InboxScanner.Sleeper {
        final List<Duration> waits = new ArrayList<>();
        final Runnable during;

        RecordingSleeper(Runnable during) {
            this.during = during;
        }

        @Override
        public void sleep(Duration d) {
            waits.add(d);
            during.run();
        }
    }

    private Path file(String name, String content, Instant modified) throws IOException {
        Path p = inbox.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, FileTime.from(modified));
        return p;
    }

    private static Map<String, InboxEntry> byName(InboxScan scan) {
        return scan.entries().stream().collect(Collectors.toMap(InboxEntry::name, Function.identity()));
    }

    @Test
    void fileAppendedToWhileWatchedIsPendingAndAQuietRecentOneIsTaken() throws IOException {
        Path growing = file("091.xlsx", "part one", NOW.minusMillis(300));
        file("092.xlsx", "done", NOW.minusMillis(500));
        file("old.xlsx", "old", NOW.minus(Duration.ofDays(3)));
        RecordingSleeper sleeper = new RecordingSleeper(() -> {
            try {
                Files.writeString(growing, " and two", StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        InboxScan scan = new InboxScanner(CLOCK, sleeper).scanAll(List.of(inbox), FLAT);
        Map<String, InboxEntry> e = byName(scan);
        assertTrue(e.get("091.xlsx").pending(), "appended during the watch");
        assertFalse(e.get("092.xlsx").pending(), "recent but quiet");
        assertFalse(e.get("old.xlsx").pending());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits, "one wait for all recent files together");
        assertEquals(Duration.ofSeconds(2), scan.waited());
        assertEquals(List.of("091.xlsx"), scan.pending().stream().map(InboxEntry::name).toList());
    }

    @Test
    void mtimeChangeAloneMakesAFilePending() throws IOException {
        Path p = file("091.xlsx", "same size", NOW.minusMillis(100));
        RecordingSleeper sleeper = new RecordingSleeper(() -> {
            try {
                Files.setLastModifiedTime(p, FileTime.from(NOW.plusMillis(900)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        InboxScan scan = new InboxScanner(CLOCK, sleeper).scanAll(List.of(inbox), FLAT);
        assertTrue(scan.entries().get(0).pending());
    }

    @Test
    void noWaitAtAllWhenNothingIsRecent() throws IOException {
        // A freshly cloned inbox that has stopped changing: processed at once.
        file("091.xlsx", "a", NOW.minusSeconds(3));
        file("092.xlsx", "b", NOW.minus(Duration.ofDays(400)));
        RecordingSleeper sleeper = new RecordingSleeper(() -> { });
        InboxScan scan = new InboxScanner(CLOCK, sleeper).scanAll(List.of(inbox), FLAT);
        assertEquals(List.of(), sleeper.waits);
        assertEquals(Duration.ZERO, scan.waited());
        assertEquals(2, scan.entries().size());
        assertTrue(scan.entries().stream().noneMatch(InboxEntry::pending));
    }

    @Test
    void settleZeroNeverWaits() throws IOException {
        file("091.xlsx", "a", NOW);
        RecordingSleeper sleeper = new RecordingSleeper(() -> { });
        InboxScan scan = new InboxScanner(CLOCK, sleeper).scanAll(List.of(inbox), new InboxOptions(false, Duration.ZERO));
        assertEquals(List.of(), sleeper.waits);
        assertFalse(scan.entries().get(0).pending());
    }

    @Test
    void futureModificationTimeIsWatched() throws IOException {
        file("091.xlsx", "a", NOW.plusSeconds(3600));
        RecordingSleeper sleeper = new RecordingSleeper(() -> { });
        InboxScan scan = new InboxScanner(CLOCK, sleeper).scanAll(List.of(inbox), FLAT);
        assertEquals(1, sleeper.waits.size());
        assertFalse(scan.entries().get(0).pending(), "unchanged while watched");
    }

    @Test
    void fileDeletedWhileWatchedIsDroppedAndLogged() throws IOException {
        Path p = file("091.xlsx", "a", NOW);
        RecordingSleeper sleeper = new RecordingSleeper(() -> {
            try {
                Files.delete(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        InboxScan scan = new InboxScanner(CLOCK, sleeper).scanAll(List.of(inbox), FLAT);
        assertEquals(List.of(), scan.entries());
        assertEquals("vanished", scan.skipped().get(0).code());
    }

    @Test
    void realWriterThreadMakesFilePendingWithTheRealClock() throws Exception {
        Path p = inbox.resolve("091.xlsx");
        Files.writeString(p, "x");
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Files.writeString(p, "more ", StandardOpenOption.APPEND);
                    Thread.sleep(20);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        writer.start();
        try {
            InboxScan scan = new InboxScanner().scanAll(List.of(inbox), new InboxOptions(false, Duration.ofMillis(300)));
            assertTrue(scan.entries().get(0).pending());
        } finally {
            stop.set(true);
            writer.join();
        }
        // Once the writer is done and the file is older than settle, the next run takes it.
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(10)));
        InboxScan next = new InboxScanner().scanAll(List.of(inbox), new InboxOptions(false, Duration.ofMillis(300)));
        assertFalse(next.entries().get(0).pending());
        assertEquals(Duration.ZERO, next.waited());
    }

    @Test
    void officeLockTempHiddenAndOsFilesAreSkippedWithTheirCode() throws IOException {
        Instant old = NOW.minusSeconds(60);
        file("091.xlsx", "a", old);
        file("~$091.xlsx", "lock", old);
        file(".~lock.092.xlsx#", "lock", old);
        file("save.TMP", "t", old);
        file(".hidden.xlsx", "h", old);
        file("Thumbs.db", "t", old);
        file(".git/config", "g", old);
        InboxScan scan = new InboxScanner(CLOCK, new RecordingSleeper(() -> { })).scanAll(List.of(inbox),
                new InboxOptions(true, Duration.ofSeconds(2)));
        assertEquals(List.of("091.xlsx"), scan.entries().stream().map(InboxEntry::name).toList());
        Map<String, String> skipped = scan.skipped().stream().collect(Collectors.toMap(Skipped::name, Skipped::code));
        assertEquals(Map.of("~$091.xlsx", "office-lock", ".~lock.092.xlsx#", "office-lock", "save.TMP", "temp-file",
                ".hidden.xlsx", "hidden", "Thumbs.db", "os-metadata", ".git/", "hidden"), skipped);
    }

    @Test
    void ignoreRulesOnRelativePaths() {
        assertTrue(InboxScanner.ignored(Path.of("~$Helsinki.xlsx")));
        assertTrue(InboxScanner.ignored(Path.of(".~lock.Helsinki.xlsx#")));
        assertTrue(InboxScanner.ignored(Path.of("sub", "x.tmp")));
        assertTrue(InboxScanner.ignored(Path.of(".cache", "091.xlsx")));
        assertFalse(InboxScanner.ignored(Path.of("sub", "091.xlsx")));
        assertFalse(InboxScanner.ignored(Path.of("tmp", "091.xlsx")), "a folder named tmp is fine");
        assertFalse(InboxScanner.ignored(Path.of("Helsinki~$.xlsx")));
    }

    @Test
    void subFoldersOnlyWithRecursive() throws IOException {
        Instant old = NOW.minusSeconds(60);
        file("091.xlsx", "a", old);
        file("uusimaa/092.xlsx", "b", old);
        file("uusimaa/deep/093.xlsx", "c", old);
        RecordingSleeper s = new RecordingSleeper(() -> { });
        InboxScan flat = new InboxScanner(CLOCK, s).scanAll(List.of(inbox), FLAT);
        assertEquals(List.of("091.xlsx"), flat.entries().stream().map(InboxEntry::name).toList());
        assertEquals(List.of(new Skipped("uusimaa/", "sub-folder", Texts.message("inbox.sub_folder"))), flat.skipped());

        InboxScan deep = new InboxScanner(CLOCK, s).scanAll(List.of(inbox), new InboxOptions(true, Duration.ofSeconds(2)));
        assertEquals(List.of("091.xlsx", "uusimaa/092.xlsx", "uusimaa/deep/093.xlsx"),
                deep.entries().stream().map(InboxEntry::name).toList());
        assertEquals(List.of(), deep.skipped());
    }

    @Test
    void symbolicLinkInsideIsReadOutsideAndBrokenAreRejectedFolderLinksNotFollowed(@TempDir Path elsewhere)
            throws IOException {
        Instant old = NOW.minusSeconds(60);
        Path real = file("sub/091.xlsx", "inside", old);
        Path secret = elsewhere.resolve("passwd");
        Files.writeString(secret, "root:x:0:0");
        try {
            Files.createSymbolicLink(inbox.resolve("in.xlsx"), real);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links not available: " + e);
        }
        Files.createSymbolicLink(inbox.resolve("out.xlsx"), secret);
        Files.createSymbolicLink(inbox.resolve("relative-out.xlsx"), Path.of("..", elsewhere.getFileName().toString(),
                "passwd"));
        Files.createSymbolicLink(inbox.resolve("dangling.xlsx"), inbox.resolve("nothing-here.xlsx"));
        Files.createSymbolicLink(inbox.resolve("loop-dir"), inbox);
        Files.createSymbolicLink(inbox.resolve("escape-dir"), elsewhere);

        InboxScan scan = new InboxScanner(CLOCK, new RecordingSleeper(() -> { })).scanAll(List.of(inbox),
                new InboxOptions(true, Duration.ofSeconds(2)));
        Map<String, InboxEntry> e = byName(scan);
        assertEquals(List.of("dangling.xlsx", "in.xlsx", "out.xlsx", "relative-out.xlsx", "sub/091.xlsx"),
                scan.entries().stream().map(InboxEntry::name).toList());
        assertFalse(e.get("in.xlsx").rejected());
        assertEquals(6, e.get("in.xlsx").size(), "size of the target");
        assertEquals("inside", Files.readString(e.get("in.xlsx").path()));
        assertEquals("symlink-outside-inbox", e.get("out.xlsx").rejectCode());
        assertEquals("symlink-outside-inbox", e.get("relative-out.xlsx").rejectCode());
        assertTrue(e.get("out.xlsx").rejectReason().fi().contains("symbolinen linkki"));
        assertEquals("symlink-broken", e.get("dangling.xlsx").rejectCode());
        assertNull(e.get("sub/091.xlsx").rejectCode());
        Map<String, String> skipped = scan.skipped().stream().collect(Collectors.toMap(Skipped::name, Skipped::code));
        assertEquals(Map.of("loop-dir", "folder-link", "escape-dir", "folder-link"), skipped);
    }

    @Test
    void inboxRootThatIsItselfALinkStillReadsItsFiles(@TempDir Path base) throws IOException {
        file("091.xlsx", "a", NOW.minusSeconds(60));
        Path alias = base.resolve("inbox-link");
        try {
            Files.createSymbolicLink(alias, inbox);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links not available: " + e);
        }
        InboxScan scan = new InboxScanner(CLOCK, new RecordingSleeper(() -> { })).scanAll(List.of(alias), FLAT);
        assertEquals(List.of("091.xlsx"), scan.entries().stream().map(InboxEntry::name).toList());
    }

    @Test
    void missingRootIsReportedAndRefused() throws IOException {
        Path gone = inbox.resolve("no-such-folder");
        assertEquals(List.of(gone), InboxScanner.missing(List.of(inbox, gone)));
        InboxPathException ex = assertThrows(InboxPathException.class,
                () -> new InboxScanner().scanAll(List.of(gone), FLAT));
        assertEquals(gone, ex.path());
        assertTrue(ex.getMessage().contains(gone.toString()));
    }

    @Test
    void fileGivenDirectlyIsTakenByItsName() throws IOException {
        Path p = file("~$odd-but-named.xlsx", "x", NOW.minusSeconds(60));
        InboxScan scan = new InboxScanner(CLOCK, new RecordingSleeper(() -> { })).scanAll(List.of(p), FLAT);
        assertEquals(List.of("~$odd-but-named.xlsx"), scan.entries().stream().map(InboxEntry::name).toList());
    }
}
