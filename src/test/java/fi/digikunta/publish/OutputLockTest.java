package fi.digikunta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.RunFailure;
import fi.digikunta.schema.Lang;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
    /** Far above any pid_max (Linux allows at most 2^22), so never a live process. */
    private static final long DEAD_PID = 2_147_483_646L;

    @TempDir
    Path base;

    private Path lockFile() {
        return base.resolve("lock");
    }

    private void record(long pid, String host) throws IOException {
        Files.writeString(lockFile(),
                "{\"pid\":" + pid + ",\"host\":\"" + host + "\",\"started\":\"2026-03-01T02:00:00Z\"}\n");
    }

    @Test
    void anotherProcessHoldsTheLockThenIsKilledAndTheLockIsTakenOver() throws Exception {
        Path out = base.resolve("out");
        try (ChildProcess holder = ChildProcess.start("hold", out.toString())) {
            String locked = holder.await("locked ", 30_000);
            assertNotNull(locked, () -> "child did not take the lock");
            long childPid = holder.process.pid();

            RunFailure f = assertThrows(RunFailure.class,
                    () -> OutputPublisher.open(out, PublishOptions.DEFAULT.withLang(Lang.EN)));
            assertTrue(f.getMessage().startsWith("Another run is in progress"), f.getMessage());
            assertTrue(f.getMessage().contains("pid " + childPid + ", host " + LockHolder.hostName()), f.getMessage());
            assertTrue(f.getMessage().contains(out.resolveSibling("out.d").resolve("lock").toString()), f.getMessage());

            holder.kill();
            try (OutputPublisher p = OutputPublisher.open(out, PublishOptions.DEFAULT)) {
                LockHolder stale = p.lock().staleTakenOver().orElseThrow();
                assertEquals(childPid, stale.pid());
                assertEquals(ProcessHandle.current().pid(), OutputLock.readHolder(p.lock().file()).orElseThrow().pid());
            }
        }
    }

    @Test
    void aSecondRunProcessExitsThreeNamingTheHolder() throws Exception {
        Path out = base.resolve("out");
        try (OutputPublisher first = OutputPublisher.open(out, PublishOptions.DEFAULT);
                ChildProcess second = ChildProcess.start("publish", out.toString(), "run-2", "3", "0")) {
            assertTrue(second.process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(3, second.process.exitValue());
            String err = second.stderr();
            assertTrue(err.contains("Toinen ajo on käynnissä"), err);
            assertTrue(err.contains("pid " + ProcessHandle.current().pid()), err);
            first.publish(FakeReportSet.writer("run-1", 3));
        }
        assertEquals("run-1", FakeReportSet.assertComplete(base.resolve("out"), 3));
    }

    @Test
    void staleRecordOfADeadProcessIsTakenOver() throws IOException {
        record(DEAD_PID, LockHolder.hostName());
        try (OutputLock l = OutputLock.acquire(lockFile(), Clock.systemUTC(), Lang.FI)) {
            assertEquals(DEAD_PID, l.staleTakenOver().orElseThrow().pid());
            assertEquals(ProcessHandle.current().pid(), OutputLock.readHolder(lockFile()).orElseThrow().pid());
        }
        assertEquals(0, Files.size(lockFile()), "released: record emptied, file kept");
    }

    @Test
    void osLockStillHeldIsRefusedEvenWhenTheRecordedPidLooksDead() throws IOException {
        // A holder in another PID namespace (a container with the same host name): its pid is not
        // alive here, yet it holds the OS lock. The OS lock wins over the liveness guess.
        record(DEAD_PID, LockHolder.hostName());
        try (FileChannel ch = FileChannel.open(lockFile(), StandardOpenOption.WRITE);
                FileLock held = ch.lock(Long.MAX_VALUE - 1, 1, false)) {
            RunFailure f = assertThrows(RunFailure.class,
                    () -> OutputLock.acquire(lockFile(), Clock.systemUTC(), Lang.EN));
            assertTrue(f.getMessage().contains("pid " + DEAD_PID), f.getMessage());
            assertTrue(held.isValid());
        }
        assertEquals(DEAD_PID, OutputLock.readHolder(lockFile()).orElseThrow().pid(), "the record untouched");
    }

    @Test
    void osLockHeldAndTheRecordedProcessAliveIsRefused() throws IOException {
        record(ProcessHandle.current().pid(), LockHolder.hostName());
        try (FileChannel ch = FileChannel.open(lockFile(), StandardOpenOption.WRITE);
                FileLock held = ch.lock(Long.MAX_VALUE - 1, 1, false)) {
            RunFailure f = assertThrows(RunFailure.class,
                    () -> OutputLock.acquire(lockFile(), Clock.systemUTC(), Lang.SV));
            assertTrue(f.getMessage().startsWith("En annan körning pågår"), f.getMessage());
            assertTrue(f.getMessage().contains("pid " + ProcessHandle.current().pid()), f.getMessage());
        }
    }

    @Test
    void aProcessOnAnotherHostIsNotJudgedByPid() throws IOException {
        record(DEAD_PID, "some-other-host");
        try (FileChannel ch = FileChannel.open(lockFile(), StandardOpenOption.WRITE);
                FileLock held = ch.lock(Long.MAX_VALUE - 1, 1, false)) {
            RunFailure f = assertThrows(RunFailure.class,
                    () -> OutputLock.acquire(lockFile(), Clock.systemUTC(), Lang.EN));
            assertTrue(f.getMessage().contains("host some-other-host"), f.getMessage());
        }
    }

    @Test
    void unreadableRecordWhileHeldSaysTheHolderIsUnknown() throws IOException {
        Files.writeString(lockFile(), "{\"pid\":12");
        try (FileChannel ch = FileChannel.open(lockFile(), StandardOpenOption.WRITE);
                FileLock held = ch.lock(Long.MAX_VALUE - 1, 1, false)) {
            RunFailure f = assertThrows(RunFailure.class,
                    () -> OutputLock.acquire(lockFile(), Clock.systemUTC(), Lang.EN));
            assertTrue(f.getMessage().contains("holder unknown"), f.getMessage());
        }
    }

    /** The race ConcurrentRunIT met: the second run looked between the first's OS lock and its record. */
    @Test
    void aHolderThatHasJustTakenTheLockIsNamedOnceItsRecordIsWritten() throws Exception {
        Files.write(lockFile(), new byte[0]);
        try (FileChannel ch = FileChannel.open(lockFile(), StandardOpenOption.WRITE);
                FileLock held = ch.lock(Long.MAX_VALUE - 1, 1, false)) {
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(150);
                    record(4242, "raportit01");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            RunFailure f = assertThrows(RunFailure.class,
                    () -> OutputLock.acquire(lockFile(), Clock.systemUTC(), Lang.EN));
            writer.join();
            assertTrue(f.getMessage().contains("(pid 4242, host raportit01, "), f.getMessage());
        }
    }

    @Test
    void manyThreadsAtOnceExactlyOneWins() throws Exception {
        Path out = base.resolve("out");
        int n = 6;
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch opened = new CountDownLatch(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<OutputPublisher>> tries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tries.add(pool.submit(() -> {
                go.await();
                try {
                    return OutputPublisher.open(out, PublishOptions.DEFAULT);
                } catch (RunFailure f) {
                    return null;
                } finally {
                    opened.countDown();
                }
            }));
        }
        go.countDown();
        assertTrue(opened.await(30, TimeUnit.SECONDS));
        List<OutputPublisher> winners = new ArrayList<>();
        for (Future<OutputPublisher> t : tries) {
            OutputPublisher p = t.get();
            if (p != null) {
                winners.add(p);
            }
        }
        pool.shutdown();
        assertEquals(1, winners.size());
        winners.get(0).close();
    }
}
