package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 5, on the packaged jar: with {@code --archive}, a file whose content changed after
 * it was read is not moved, whether its size changed or only its bytes (same size, modification
 * time put back); it stays in the inbox and is read, and archived, the next night. The run is
 * paused between reading and archiving by the test-only system property
 * {@code digikunta.test.archiveGate} (docs/nightly.md) while the test changes the files.
 */
class ArchiveRecheckIT {
    private static final String[] RUN = {"run", "inbox", "--out", "out", "--archive", "archive", "--quiet"};

    @TempDir
    Path dir;

    @Test
    void aFileChangedBetweenReadingAndArchivingStaysInTheInboxAndIsReadNextNight() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx", "092-vantaa.xlsx");
        Path sameSize = inbox.resolve("091-helsinki.xlsx");
        Path grown = inbox.resolve("092-vantaa.xlsx");
        Path gate = dir.resolve("gate");
        List<String> jvm = new ArrayList<>(Jar.LAUNCHER_HEAP);
        jvm.add("-Ddigikunta.test.archiveGate=" + gate);

        Jar.Started night1 = Jar.start(dir, jvm, Map.of(), RUN);
        awaitFile(gate.resolve("ready"), night1);
        // Helsinki: other bytes, same size, the modification time put back (the time field of the
        // first zip entry's local header: still a valid workbook, but not the one that was read).
        FileTime time = Files.getLastModifiedTime(sameSize);
        byte[] helsinki = Files.readAllBytes(sameSize);
        helsinki[10] ^= 0x01;
        Files.write(sameSize, helsinki);
        Files.setLastModifiedTime(sameSize, time);
        // Vantaa: another version of the return, of another size.
        long before = Files.size(grown);
        Sets.generate(grown, "092", "2026-02-20", 7, Instant.now().minusSeconds(1800));
        byte[] vantaa = Files.readAllBytes(grown);
        assertNotEquals(before, vantaa.length);
        Files.writeString(gate.resolve("go"), "");
        Jar.Result r1 = night1.await().expect(0);

        assertArrayEquals(helsinki, Files.readAllBytes(sameSize), "the changed Helsinki stays as it is\n" + r1);
        assertArrayEquals(vantaa, Files.readAllBytes(grown), "and so does the new Vantaa\n" + r1);
        assertFalse(Files.exists(dir.resolve("archive/091/091-helsinki.xlsx")), r1.toString());
        assertFalse(Files.exists(dir.resolve("archive/092/092-vantaa.xlsx")), r1.toString());
        assertTrue(Files.isRegularFile(dir.resolve("archive/049/049-espoo.xlsx")), "the unchanged file moves");
        assertFalse(Files.exists(inbox.resolve("049-espoo.xlsx")));

        // The next night reads the changed files from the inbox and archives them as they are now.
        Jar.Result r2 = Jar.start(dir, Jar.LAUNCHER_HEAP, Map.of(), RUN).await().expect(0);
        assertEquals(Map.of("049-espoo.xlsx", "accepted", "091-helsinki.xlsx", "accepted", "092-vantaa.xlsx",
                "accepted"), Sets.outcomes(dir.resolve("out")), r2.toString());
        assertArrayEquals(helsinki, Files.readAllBytes(dir.resolve("archive/091/091-helsinki.xlsx")));
        assertArrayEquals(vantaa, Files.readAllBytes(dir.resolve("archive/092/092-vantaa.xlsx")));
        assertFalse(Files.exists(sameSize));
        assertFalse(Files.exists(grown));
    }

    private static void awaitFile(Path p, Jar.Started run) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(p)) {
            if (!run.process().isAlive()) {
                throw new AssertionError("the run ended before archiving: " + run.await());
            }
            assertTrue(System.nanoTime() - end < 0, "the run never reached the archive step");
            Thread.sleep(50);
        }
    }
}
