package fi.digikunta.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.digikunta.findings.Message;
import fi.digikunta.findings.Texts;
import fi.digikunta.model.RunFailure;
import fi.digikunta.schema.Lang;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The lock that lets one run at a time publish into an output folder.
 *
 * <p>Two layers: the operating system's lock on the lock file ({@link FileChannel#tryLock}; the
 * kernel drops it when the process dies, even on SIGKILL), and a record in the file naming the
 * holder (pid, host, start time) so that a refused run can say who holds it.
 * <ul>
 * <li>OS lock taken, file empty: a clean start. OS lock taken, a record left: the previous holder
 * died without releasing (killed, power cut): a stale lock, taken over and reported by
 * {@link #staleTakenOver()}.
 * <li>OS lock held elsewhere: refused with a {@link RunFailure} naming the holder (when the record is
 * still empty, up to a second is given for the holder, which has just taken the lock, to write it).
 * A held OS lock is never overridden by a guess that its holder is dead: a pid recorded in another
 * PID namespace (a container sharing the host name) may look dead from here while it runs.
 * <li>File system without OS locks (some network shares): the record alone decides, with the same
 * stale rule.
 * </ul>
 * The lock covers one byte far beyond the record, because Windows' locks are mandatory and would
 * otherwise stop the refused run from reading the record. The lock file is never deleted (deleting
 * a locked file lets a third process lock a new file of the same name); releasing empties it.
 */
public final class OutputLock implements AutoCloseable {
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;
    private static final long STALE_CONFIRM_MILLIS = 200;
    private static final long RECORD_WAIT_NANOS = 1_000_000_000L;
    private static final long RECORD_POLL_MILLIS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final FileLock osLock;
    private final LockHolder holder;
    private final LockHolder stale;

    private OutputLock(Path file, FileChannel channel, FileLock osLock, LockHolder holder, LockHolder stale) {
        this.file = file;
        this.channel = channel;
        this.osLock = osLock;
        this.holder = holder;
        this.stale = stale;
    }

    /** Takes the lock or throws {@link RunFailure} (exit 3) naming the holder. */
    public static OutputLock acquire(Path file, Clock clock, Lang lang) {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw Failures.about(lang, "publish.lock_unwritable", file, e);
        }
        try {
            boolean[] osLocksWork = {true};
            FileLock os = tryLock(ch, osLocksWork);
            Optional<LockHolder> recorded = read(ch);
            // A run that has just taken the OS lock writes its record a moment later: wait for it
            // rather than refuse with "holder unknown" (or go ahead if that run is done meanwhile).
            long end = System.nanoTime() + RECORD_WAIT_NANOS;
            while (os == null && osLocksWork[0] && recorded.isEmpty() && System.nanoTime() < end) {
                pause(RECORD_POLL_MILLIS);
                os = tryLock(ch, osLocksWork);
                recorded = read(ch);
            }
            if (os == null) {
                // A held OS lock is never overridden: in another PID namespace (a container) on the
                // same host name, a live holder's pid looks dead from here. Only without OS locks
                // does the record (and the liveness of the pid it names) decide.
                boolean stale = !osLocksWork[0] && recorded.isPresent() && recorded.get().deadOnThisHost();
                boolean freeWithoutOsLocks = !osLocksWork[0] && recorded.isEmpty();
                if (!stale && !freeWithoutOsLocks) {
                    throw held(file, recorded, lang);
                }
                if (stale) {
                    // A run that has just taken over writes its record right after; look again after
                    // a pause so that its predecessor's record is not mistaken for it.
                    pause(STALE_CONFIRM_MILLIS);
                    Optional<LockHolder> again = read(ch);
                    if (!again.equals(recorded)) {
                        throw held(file, again, lang);
                    }
                }
            }
            LockHolder me = LockHolder.current(clock.instant());
            write(ch, me);
            OutputLock lock = new OutputLock(file, ch, os, me, recorded.orElse(null));
            ch = null;
            return lock;
        } catch (IOException e) {
            throw Failures.about(lang, "publish.lock_unwritable", file, e);
        } finally {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException e) {
                    // the failure being reported matters more
                }
            }
        }
    }

    private static FileLock tryLock(FileChannel ch, boolean[] osLocksWork) {
        try {
            return ch.tryLock(LOCK_POSITION, 1, false);
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM (another publisher object)
        } catch (IOException e) {
            osLocksWork[0] = false; // a file system without locks: the record alone decides
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RunFailure held(Path file, Optional<LockHolder> recorded, Lang lang) {
        Message holder = recorded.map(h -> Message.verbatim(h.describe()))
                .orElseGet(() -> Texts.message("publish.holder_unknown"));
        return new RunFailure(Texts.get(lang, "publish.locked", holder, Message.verbatim(file)));
    }

    /** The holder recorded in a lock file, if any: for messages and tests. */
    public static Optional<LockHolder> readHolder(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<LockHolder> read(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0 || size > 4096) {
            return Optional.empty();
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        ch.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(text);
            Instant started = n.hasNonNull("started") ? Instant.parse(n.get("started").asText()) : null;
            return Optional.of(new LockHolder(n.path("pid").asLong(-1), n.path("host").asText("?"), started));
        } catch (IOException | RuntimeException e) {
            // half-written by a holder that died while writing: nobody usable to name
            return Optional.empty();
        }
    }

    private static void write(FileChannel ch, LockHolder h) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("pid", h.pid());
        n.put("host", h.host());
        n.put("started", h.started().toString());
        byte[] bytes = (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(bytes), 0);
        ch.force(true);
    }

    /** This run's record. */
    public LockHolder holder() {
        return holder;
    }

    /** The holder whose lock was left behind by a dead process and taken over, if that happened. */
    public Optional<LockHolder> staleTakenOver() {
        return Optional.ofNullable(stale);
    }

    public Path file() {
        return file;
    }

    /** Empties the record and releases the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            channel.force(true);
        } catch (IOException e) {
            // a record left behind is taken for stale by the next run
        }
        try {
            if (osLock != null) {
                osLock.release();
            }
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock anyway
        }
    }
}
