package fi.digikunta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskTreeTest {
    @TempDir
    Path dir;

    private List<Path> files(Path parent, int n) throws IOException {
        Files.createDirectories(parent);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Files.writeString(parent.resolve(i + ".html"), "page " + i));
        }
        return out;
    }

    private static long flushThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("digikunta-flush")).count();
    }

    /** Flush threads still inside a flush (a thread on its way out after its last task is not). */
    private static long flushesRunning() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("digikunta-flush"))
                .filter(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().startsWith(DiskTree.class.getName())))
                .count();
    }

    private static void awaitNoFlushThreads() throws InterruptedException {
        for (int i = 0; i < 100 && flushThreads() > 0; i++) {
            Thread.sleep(20);
        }
    }

    @Test
    void flushesATreeOfManyFilesAndLeavesNoThreads() throws Exception {
        files(dir.resolve("municipalities"), 40);
        files(dir, 12);
        try (DiskTree.TreeSync sync = DiskTree.TreeSync.start(dir)) {
            sync.finish();
        }
        awaitNoFlushThreads();
        assertEquals(0, flushThreads());
        assertEquals("page 3", Files.readString(dir.resolve("municipalities/3.html")), "contents untouched");
    }

    @Test
    void aFileThatCannotBeFlushedFailsTheFlushAfterTheOthers() throws Exception {
        List<Path> fs = files(dir, 20);
        Path gone = dir.resolve("gone.html");
        Path alsoGone = dir.resolve("also-gone.html");
        fs.add(5, gone);
        fs.add(alsoGone);
        NoSuchFileException e;
        try (DiskTree.TreeSync sync = new DiskTree.TreeSync(dir)) {
            sync.submit(fs);
            e = assertThrows(NoSuchFileException.class, sync::await);
        }
        assertEquals(gone.toString(), e.getFile(), "the first failure in order");
        assertEquals(1, e.getSuppressed().length, "the later one kept beside it");
        awaitNoFlushThreads();
        assertEquals(0, flushThreads());
    }

    @Test
    void aTreeSyncFlushesFilesAddedAfterItStartedAndReportsAFailureAtTheFinish() throws Exception {
        files(dir.resolve("municipalities"), 30);
        try (DiskTree.TreeSync sync = DiskTree.TreeSync.start(dir)) {
            Files.createDirectories(dir.resolve("history"));
            Files.writeString(dir.resolve("history/1.json.gz"), "added after the start");
            Files.writeString(dir.resolve(".marker"), "too");
            sync.finish();
        }
        awaitNoFlushThreads();
        assertEquals(0, flushThreads());
        assertEquals("too", Files.readString(dir.resolve(".marker")));

        // A file written again after the start, or replaced, is flushed again by the finish.
        Path rewritten = dir.resolve("municipalities/3.html");
        Path replaced = dir.resolve("municipalities/4.html");
        try (DiskTree.TreeSync sync = DiskTree.TreeSync.start(dir)) {
            Files.writeString(rewritten, "page 3, longer now");
            Path temp = Files.writeString(dir.resolve("municipalities/4.tmp"), "page 4");
            Files.move(temp, replaced, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve("new.txt"), "new");
            sync.finish();
            assertEquals(3, sync.flushedAtFinish(), "the rewritten, the replaced and the new file");
        }
        assertEquals("page 3, longer now", Files.readString(rewritten));

        // Closed without a finish (history/ failed, say): no flush still runs once close returns.
        try (DiskTree.TreeSync sync = DiskTree.TreeSync.start(dir)) {
            assertTrue(flushThreads() > 0);
        }
        assertEquals(0, flushesRunning(), "close waits for the flushes it stops");

        Path other = dir.resolve("other");
        List<Path> fs = files(other, 5);
        try (DiskTree.TreeSync sync = DiskTree.TreeSync.start(other)) {
            Files.delete(fs.get(2));
            // Either the flush begun at the start found the file gone, or it was flushed before: a
            // flush that failed is thrown by finish, never lost.
            try {
                sync.finish();
            } catch (NoSuchFileException e) {
                assertEquals(fs.get(2).toString(), e.getFile());
            }
        }
        awaitNoFlushThreads();
        assertEquals(0, flushThreads());
    }
}
