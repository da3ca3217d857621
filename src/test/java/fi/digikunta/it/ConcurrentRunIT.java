package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs started together on the same --out: one wins, the other exits 3 naming the holder. */
class ConcurrentRunIT {
    @TempDir
    Path dir;

    @Test
    void twoConcurrentRunsOneWinsTheOtherExits3NamingTheHolder() throws Exception {
        Path inbox = dir.resolve("inbox");
        List<String> inputs = Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx", "092-vantaa.xlsx");
        // A file saved just now is watched for --settle: the winner holds the lock for at least
        // that long, so the two runs certainly overlap.
        Files.setLastModifiedTime(inbox.resolve("092-vantaa.xlsx"), FileTime.from(Instant.now()));
        String[] args = {"run", inbox.toString(), "--out", "out", "--settle", "4s", "--lang", "en"};
        Jar.Started a = Jar.start(dir, Map.of(), args);
        Jar.Started b = Jar.start(dir, Map.of(), args);
        Jar.Result ra = a.await();
        Jar.Result rb = b.await();
        Jar.Result winner = ra.exit() == 3 ? rb : ra;
        Jar.Result loser = ra.exit() == 3 ? ra : rb;
        assertEquals(3, loser.exit(), () -> "one of them exits 3:\n" + ra + "\n" + rb);
        assertTrue(winner.exit() == 0 || winner.exit() == 1, winner::toString);
        String holder = "pid " + winner.started().pid() + ", host ";
        assertTrue(loser.stderr().startsWith("digikunta: Another run is in progress and holds the output folder's lock ("
                + holder), loser::toString);
        assertTrue(loser.stderr().contains("lock file " + dir.resolve("out.d").resolve("lock").toRealPath()),
                loser::toString);
        assertEquals(1, loser.stderr().lines().count(), "one line, no stack trace: " + loser.stderr());
        assertEquals("", loser.stdout());

        // The winner's set is in place, complete; the loser changed nothing.
        assertTrue(Sets.text(dir.resolve("out/.digikunta-set")).contains("\"pid\":" + winner.started().pid()));
        assertEquals(inputs, Sets.csvColumn(dir.resolve("out").toRealPath(), "files.csv", "file"));
        String log = Sets.text(dir.resolve("out.d/run-log.jsonl"));
        assertEquals(1, log.lines().filter(l -> l.contains("\"event\":\"run_end\"")).count(), log);

        // The lock is free again: the next run goes ahead.
        Jar.run(dir, Map.of(), "run", inbox.toString(), "--out", "out", "--settle", "0", "--quiet").expect(winner.exit());
    }
}
