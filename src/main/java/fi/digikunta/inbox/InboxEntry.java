package fi.digikunta.inbox;

import fi.digikunta.findings.Message;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One input file found in the inbox.
 *
 * @param path where to read it (for a symbolic link that points inside the inbox: the link itself)
 * @param name its path relative to the inbox root (forward slashes), or the file name for a file
 *     given directly; this is how every output names the file
 * @param size the size in bytes (of the link's target for a link)
 * @param modified the last-modified time (of the link's target for a link)
 * @param pending true when the file was still changing and is left for the next run
 * @param rejectCode set when the inbox itself rejects the entry without reading it
 *     (the code of {@code FindingCode.SYMLINK_OUTSIDE_INBOX} or {@code SYMLINK_BROKEN}); null otherwise
 * @param rejectReason the user-facing reason for {@code rejectCode}; null when not rejected
 */
public record InboxEntry(Path path, String name, long size, Instant modified, boolean pending, String rejectCode,
        Message rejectReason) {

    public InboxEntry {
        if ((rejectCode == null) != (rejectReason == null)) {
            throw new IllegalArgumentException("rejectCode and rejectReason go together");
        }
    }

    /** A readable entry (not rejected by the inbox). */
    public InboxEntry(Path path, String name, long size, Instant modified, boolean pending) {
        this(path, name, size, modified, pending, null, null);
    }

    /**
     * True when the inbox rejected the entry (a symbolic link out of the inbox or to nothing): the
     * pipeline must not open it, and gives it the outcome {@code rejected} with {@link #rejectReason}.
     */
    public boolean rejected() {
        return rejectCode != null;
    }

    InboxEntry asPending() {
        return new InboxEntry(path, name, size, modified, true, rejectCode, rejectReason);
    }
}
