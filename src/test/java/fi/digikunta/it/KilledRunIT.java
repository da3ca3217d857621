package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code digikunta run} killed with SIGKILL ({@link Process#destroyForcibly}) at many moments
 * leaves --out holding a complete, readable report set every time: the previous one, or the new
 * one when the kill came after the switch. Half of the kill points fall anywhere in a run (start-up,
 * lock, scan, reading, writing); the other half inside the publishing step (from the moment the
 * staging folder appears to the end: writing, history, flush, switch, clean-up), where it matters
 * most. The points are random from a seed that is printed; {@code -Ddigikunta.it.seed=N} repeats them.
 */
class KilledRunIT {
    static final int KILLS = 24;

    @TempDir
    Path dir;

    @Test
    void aRunKilledAtAnyMomentLeavesThePreviousCompleteReportSet() throws Exception {
        Path inbox = dir.resolve("inbox");
        List<String> inputs = Sets.copySamples(inbox);
        inputs.sort(null);
        SortedMap<String, String> sums = Sets.sha256(inbox);
        String[] args = {"run", inbox.toString(), "--out", "out", "--settle", "0", "--fail-on", "never", "--quiet"};
        Path out = dir.resolve("out");
        Path store = dir.resolve("out.d");

        // Calibration: two complete runs, timing the whole run and the start of publishing.
        long total = 0;
        long toStaging = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            Jar.Started s = Jar.start(dir, Map.of(), args);
            long staging = waitForStaging(store, s);
            s.await().expect(0);
            total = Math.max(total, System.nanoTime() - t0);
            if (staging > 0) {
                toStaging = Math.min(toStaging, staging - t0);
            }
        }
        assertTrue(toStaging < total, "the staging folder was seen");
        List<String> complete = new ArrayList<>(Sets.files(out).keySet());
        complete.removeIf(n -> n.startsWith("history/"));
        Sets.assertComplete(out, complete, inputs, "calibration");
        long publishing = total - toStaging;

        long seed = Long.getLong("digikunta.it.seed", System.nanoTime());
        System.out.printf("KilledRunIT seed %d (-Ddigikunta.it.seed=%d repeats it); run %d ms, publishing %d ms%n",
                seed, seed, total / 1_000_000, publishing / 1_000_000);
        Random random = new Random(seed);
        String before = setOf(out);
        int finished = 0;
        int switched = 0;
        for (int i = 1; i <= KILLS; i++) {
            Jar.Started s = Jar.start(dir, Map.of(), args);
            long t0 = System.nanoTime();
            String where;
            if (i % 2 == 1) {
                long delay = (long) (random.nextDouble() * total * 1.1);
                LockSupport.parkNanos(delay);
                where = "anywhere, " + delay / 1_000_000 + " ms after start";
            } else {
                waitForStaging(store, s);
                long delay = (long) (random.nextDouble() * publishing * 1.2);
                LockSupport.parkNanos(delay);
                where = "publishing, " + delay / 1_000_000 + " ms after the staging folder appeared";
            }
            s.kill();
            int exit = s.process().exitValue();
            String context = "seed " + seed + ", kill " + i + " (" + where + ", "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms), exit " + exit + ", stderr: " + Processes.read(s.stderr());
            // 0 when it finished before the kill (--fail-on never), else the kill's code (137 on Linux).
            // Never 3: a killed run's lock must not block the next one. Never 2 or 1.
            assertTrue(exit != 1 && exit != 2 && exit != 3, context);
            finished += exit == 0 ? 1 : 0;
            Sets.assertComplete(out, complete, inputs, context);
            String now = setOf(out);
            if (!now.equals(before)) {
                switched++;
                assertTrue(Long.parseLong(now) > Long.parseLong(before), context + ": a newer set " + now
                        + " replaced " + before);
            }
            before = now;
        }
        System.out.printf("KilledRunIT: %d kills, %d runs finished first, %d switched the set%n", KILLS, finished,
                switched);

        // After all that, a run completes, takes over the dead runs' lock and leaves nothing behind.
        Jar.Result last = Jar.run(dir, Map.of(), "run", inbox.toString(), "--out", "out", "--settle", "0",
                "--fail-on", "never").expect(0);
        Sets.assertComplete(out, complete, inputs, "the run after the kills");
        try (Stream<Path> s = Files.list(store)) {
            List<String> left = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(Stream.of("lock", setOf(out), "run-log.jsonl").sorted().toList(), left,
                    "no staging folder or old set left");
        }
        String log = Sets.text(store.resolve("run-log.jsonl"));
        assertTrue(log.contains("\"event\":\"stale_lock_taken_over\""), "the dead runs' lock records were taken over");
        for (String line : log.lines().toList()) {
            // Killed runs' lines included: every line whole, one JSON object.
            assertTrue(Sets.JSON.readTree(line).has("event"), "a whole JSON line in out.d/run-log.jsonl: " + line);
        }
        assertTrue(last.stderr().contains(".xlsx"), "per-file lines on stderr: " + last.stderr());
        assertEquals(sums, Sets.sha256(inbox), "the inbox is as it was");
    }

    /**
     * --archive killed while it moves returns: nothing is lost (each input is in the inbox or the
     * archive, never twice in the archive), and the next complete run leaves each exactly once.
     */
    @Test
    void aRunKilledWhileArchivingLosesNothingAndTheNextRunArchivesEachReturnOnce() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox);
        SortedMap<String, String> inputs = Sets.sha256(inbox);
        Path live = dir.resolve("out.d/run-log.jsonl");
        String[] args = {"run", inbox.toString(), "--out", "out", "--archive", "archive", "--settle", "0", "--quiet"};
        long seed = Long.getLong("digikunta.it.seed", System.nanoTime());
        System.out.printf("KilledRunIT archive seed %d%n", seed);
        Random random = new Random(seed);
        for (int i = 1; i <= 3; i++) {
            Jar.Started s = Jar.start(dir, Map.of(), args);
            // Kill once this run has archived its first return, a moment later.
            String mine = "-" + s.pid() + "\",\"event\":\"archived\"";
            while (s.process().isAlive() && !(Files.exists(live) && Sets.text(live).contains(mine))) {
                Thread.sleep(2);
            }
            LockSupport.parkNanos(random.nextInt(40_000_000));
            s.kill();
            String context = "seed " + seed + ", kill " + i + ", exit " + s.process().exitValue();
            Map<String, Integer> inArchive = count(Sets.sha256(dir.resolve("archive")));
            Map<String, Integer> inInbox = count(Sets.sha256(inbox));
            inputs.forEach((name, sha) -> {
                assertTrue(inArchive.getOrDefault(sha, 0) + inInbox.getOrDefault(sha, 0) >= 1, context + ": " + name
                        + " is somewhere");
                assertTrue(inArchive.getOrDefault(sha, 0) <= 1, context + ": " + name + " not archived twice");
            });
        }
        Jar.run(dir, Map.of(), args).expect(1);
        Map<String, Integer> inArchive = count(Sets.sha256(dir.resolve("archive")));
        Map<String, Integer> inInbox = count(Sets.sha256(inbox));
        inputs.forEach((name, sha) -> assertEquals(1, inArchive.getOrDefault(sha, 0) + inInbox.getOrDefault(sha, 0),
                name + " exactly once after a complete run (seed " + seed + ")"));
        assertEquals(Map.of(), inInbox, "every sample is archived (none is pending or skipped)");
    }

    /** sha -> how many files have it (reason texts and hidden notes aside). */
    static Map<String, Integer> count(SortedMap<String, String> sums) {
        Map<String, Integer> out = new java.util.HashMap<>();
        sums.forEach((name, sha) -> {
            String file = Path.of(name).getFileName().toString();
            if (!file.endsWith(".reason.txt") && !file.startsWith(".")) {
                out.merge(sha, 1, Integer::sum);
            }
        });
        return out;
    }

    /** The set number --out points to. */
    static String setOf(Path out) throws Exception {
        return out.toRealPath().getFileName().toString();
    }

    /**
     * Waits until the process's staging folder appears in out.d (returns System.nanoTime() then) or
     * the process ends (returns 0). Staging folders of killed runs have other pids.
     */
    static long waitForStaging(Path store, Jar.Started started) throws Exception {
        String mine = "staging-" + started.pid() + "-";
        Process p = started.process();
        while (true) {
            if (Files.isDirectory(store)) {
                try (Stream<Path> s = Files.list(store)) {
                    if (s.anyMatch(x -> x.getFileName().toString().startsWith(mine))) {
                        return System.nanoTime();
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // listed while a folder went away
                }
            }
            if (p.waitFor(1, TimeUnit.MILLISECONDS)) {
                return 0;
            }
        }
    }
}
