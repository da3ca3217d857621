package fi.digikunta.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pause for end-to-end tests only, between reading the inbox and archiving it, so that a test
 * can change a file in that window (docs/nightly.md). Off unless the system property
 * {@value #PROPERTY} names a folder: then the run writes {@code ready} there and waits, at most a
 * minute, for {@code go}. Nothing else reads the property; operators never set it.
 */
final class TestGate {
    static final String PROPERTY = "digikunta.test.archiveGate";
    private static final long MAX_WAIT_MILLIS = 60_000;

    private TestGate() {
    }

    static void beforeArchive() {
        String folder = System.getProperty(PROPERTY);
        if (folder == null || folder.isEmpty()) {
            return;
        }
        Path dir = Path.of(folder);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ready"), "");
            long end = System.nanoTime() + MAX_WAIT_MILLIS * 1_000_000;
            while (!Files.exists(dir.resolve("go")) && System.nanoTime() - end < 0) {
                Thread.sleep(50);
            }
        } catch (IOException e) {
            // A test's gate that cannot be written: the run goes on as without it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
