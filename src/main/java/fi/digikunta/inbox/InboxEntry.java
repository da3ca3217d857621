package fi.digikunta.inbox;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One input file found in the inbox.
 *
 * @param path where to read it
 * @param name its path relative to the inbox root (forward slashes), or the file name for a file
 *     given directly; this is how every output names the file
 * @param pending true when the file was still changing and is left for the next run
 */
public record InboxEntry(Path path, String name, long size, Instant modified, boolean pending) {
}
