package fi.digikunta.publish;

import static fi.digikunta.publish.DiskTree.deleteTree;
import static fi.digikunta.publish.DiskTree.isEmptyDir;
import static fi.digikunta.publish.DiskTree.syncDir;

import fi.digikunta.history.HistoryFolder;
import fi.digikunta.history.ReportSnapshot;
import fi.digikunta.model.RunFailure;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts a report set in place so that a run killed at any moment leaves the previous complete set
 * readable at the same path.
 *
 * <p>Layout, for {@code --out /srv/reports/out}:
 * <pre>
 * /srv/reports/out            symbolic link -> out.d/12 (the path users open; never a partial set)
 * /srv/reports/out.d/12/      the current set: report.json, CSVs, HTML, history/, .digikunta-set
 * /srv/reports/out.d/lock     the lock file (holder's pid, host, start time while a run holds it)
 * /srv/reports/out.d/run-log.jsonl   every run's events, appended live (see RunLog)
 * /srv/reports/out.d/staging-PID-13/ a set being written (removed at the next start if left)
 * </pre>
 * Publishing writes the new set into {@code staging-*}, flushes every file and folder to disk,
 * renames it to {@code out.d/13}, makes a new link {@code out.d/link-PID-13 -> out.d/13} and renames
 * that link over {@code out}: rename(2) replaces the old link atomically, so a reader sees either
 * the old or the new set, whole. Old sets are then removed. (A non-empty folder cannot be replaced
 * by rename on Linux, hence the link.) A reader who opens several files should resolve the link
 * once, as the switch can happen between two opens.
 *
 * <p>Where symbolic links cannot be made (Windows without the privilege or developer mode), SWAP
 * mode keeps {@code out} a real folder: {@code out -> out.d/old-13}, then {@code staging -> out},
 * then the old one is removed. Between the two renames {@code out} is briefly missing; if the run
 * dies there, the next start renames {@code out.d/old-*} back. The same recovery covers the one-time
 * move of a real {@code out} folder (left by SWAP mode) into LINK mode.
 *
 * <p>An existing {@code --out} is replaced only when it is empty or is a set this publisher made
 * (it holds {@code .digikunta-set}); anything else is refused with a {@link RunFailure}.
 */
public final class OutputPublisher implements AutoCloseable {
    /** The marker file in every published set. */
    public static final String MARKER = SetMarker.FILE;
    private static final Pattern SET = Pattern.compile("\\d+");

    private final Path out;
    private final Path parent;
    private final Path store;
    private final PublishOptions options;
    private final OutputLock lock;
    private final PublishOptions.Mode mode;
    private int stagingCount;
    private boolean closed;

    private OutputPublisher(Path out, Path store, PublishOptions options, OutputLock lock, PublishOptions.Mode mode) {
        this.out = out;
        this.parent = out.getParent();
        this.store = store;
        this.options = options;
        this.lock = lock;
        this.mode = mode;
    }

    /**
     * Takes the output lock (a {@link RunFailure} naming the holder when another run has it),
     * recovers from a run that was killed, and removes what such a run left behind.
     */
    public static OutputPublisher open(Path out, PublishOptions options) {
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            throw Failures.about(options.lang(), "publish.not_ours", abs);
        }
        Path store = parent.resolve(abs.getFileName() + ".d");
        try {
            Files.createDirectories(store);
        } catch (IOException e) {
            throw Failures.about(options.lang(), "publish.not_writable", store, e);
        }
        OutputLock lock = OutputLock.acquire(store.resolve("lock"), options.clock(), options.lang());
        try {
            PublishOptions.Mode mode = options.mode() == PublishOptions.Mode.AUTO ? probe(store) : options.mode();
            OutputPublisher p = new OutputPublisher(abs, store, options, lock, mode);
            p.recover();
            return p;
        } catch (IOException e) {
            lock.close();
            throw Failures.about(options.lang(), "publish.not_writable", store, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static PublishOptions.Mode probe(Path store) throws IOException {
        Path probe = store.resolve("link-probe-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(probe);
            Files.createSymbolicLink(probe, Path.of("lock"));
            return PublishOptions.Mode.LINK;
        } catch (UnsupportedOperationException | FileSystemException e) {
            return PublishOptions.Mode.SWAP;
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** The --out path. */
    public Path out() {
        return out;
    }

    /** The folder beside --out that holds the sets, the lock and the run log. */
    public Path store() {
        return store;
    }

    public PublishOptions.Mode mode() {
        return mode;
    }

    /** The lock record of this run, and the stale holder taken over, if any (for the run log). */
    public OutputLock lock() {
        return lock;
    }

    /** Where the run log of every run is appended live: {@code out.d/run-log.jsonl}. */
    public Path runLogFile() {
        return store.resolve("run-log.jsonl");
    }

    /**
     * The folder of the report set now in place (its report.json is the previous run's for the
     * since-the-previous-run section), or empty before the first publish.
     */
    public Optional<Path> previous() {
        try {
            return currentSet();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Path> currentSet() throws IOException {
        if (Files.isSymbolicLink(out)) {
            Optional<Path> t = linkTarget();
            return t.filter(p -> Files.isDirectory(p) && Files.exists(p.resolve(MARKER)));
        }
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS) && Files.exists(out.resolve(MARKER))) {
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** The set folder the --out link names, when it is one of ours. */
    private Optional<Path> linkTarget() throws IOException {
        Path target = parent.resolve(Files.readSymbolicLink(out)).normalize();
        if (target.getParent() != null && target.getParent().equals(store)
                && SET.matcher(target.getFileName().toString()).matches()) {
            return Optional.of(target);
        }
        return Optional.empty();
    }

    /** Checks what --out is, restores a set cut off by a killed swap, removes leftovers. */
    private void recover() throws IOException {
        if (Files.isSymbolicLink(out)) {
            if (linkTarget().isEmpty()) {
                throw Failures.about(options.lang(), "publish.not_ours", out);
            }
        } else if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)
                    || (!Files.exists(out.resolve(MARKER)) && !isEmptyDir(out))) {
                throw Failures.about(options.lang(), "publish.not_ours", out);
            }
        } else {
            // Killed between the two renames of a swap: the previous set waits in old-*.
            Optional<Path> old = entries("old-").stream().max(Comparator.comparing(OutputPublisher::suffixNumber));
            if (old.isPresent()) {
                Files.move(old.get(), out, StandardCopyOption.ATOMIC_MOVE);
                syncDir(parent);
            }
        }
        removeLeftovers(currentSet());
    }

    /**
     * Removes staging folders, temporary links, old-* and every set but the current one. Best
     * effort: what cannot be removed now (a file held open on Windows) goes at the next start.
     */
    private void removeLeftovers(Optional<Path> keep) {
        List<Path> doomed = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(store)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                boolean set = SET.matcher(n).matches();
                if ((set && (keep.isEmpty() || !keep.get().equals(p))) || n.startsWith("staging-")
                        || n.startsWith("old-") || n.startsWith("link-")) {
                    doomed.add(p);
                }
            }
        } catch (IOException e) {
            return;
        }
        for (Path p : doomed) {
            try {
                deleteTree(p);
            } catch (IOException e) {
                // left for the next start
            }
        }
    }

    private List<Path> entries(String prefix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(store, prefix + "*")) {
            ds.forEach(out::add);
        }
        return out;
    }

    private static long suffixNumber(Path p) {
        String n = p.getFileName().toString();
        String digits = n.substring(n.lastIndexOf('-') + 1);
        return SET.matcher(digits).matches() ? Long.parseLong(digits) : -1;
    }

    private long nextNumber() throws IOException {
        long max = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(store)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (SET.matcher(n).matches()) {
                    max = Math.max(max, Long.parseLong(n));
                }
            }
        }
        Optional<Path> cur = currentSet();
        if (cur.isPresent()) {
            // an unreadable marker only loses the number; the folder is still ours
            max = Math.max(max, SetMarker.number(cur.get()));
        }
        return max + 1;
    }

    /**
     * Writes a new report set with {@code writer} into a fresh staging folder, adds history/ and
     * the marker, flushes it all to disk, switches it into place and removes the old sets. When the
     * writer fails the staging folder is removed and the previous set stays; the writer's exception
     * is rethrown.
     */
    public Published publish(ReportSetWriter writer) throws IOException {
        return publish(writer, null);
    }

    /**
     * As above; {@code snapshot}, when not null, is what reading the report.json the writer writes
     * gives, so that history/ gets it without reading the report back.
     */
    public Published publish(ReportSetWriter writer, ReportSnapshot snapshot) throws IOException {
        return publish(writer, snapshot, null);
    }

    /** As above; {@code archive}, when not null, is noted in the set's marker ({@link SetMarker}). */
    public Published publish(ReportSetWriter writer, ReportSnapshot snapshot, SetMarker.ArchiveUse archive)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        long n = nextNumber();
        Path staging = store.resolve("staging-" + ProcessHandle.current().pid() + "-" + (++stagingCount));
        deleteTree(staging);
        Files.createDirectory(staging);
        boolean placed = false;
        try {
            writer.write(staging);
            Optional<Path> previous = currentSet();
            Optional<Path> historyFile;
            // The reports go to disk while history/ and the marker are written beside them.
            try (DiskTree.TreeSync sync = DiskTree.TreeSync.start(staging)) {
                historyFile = HistoryFolder.carryOver(previous, staging, options.historyKeep(), n,
                        options.clock().instant(), snapshot);
                SetMarker.write(staging, n, options.clock().instant(), lock.holder().host(), archive);
                sync.finish();
            }
            Path set;
            if (mode == PublishOptions.Mode.LINK) {
                set = store.resolve(Long.toString(n));
                Files.move(staging, set, StandardCopyOption.ATOMIC_MOVE);
                placed = true;
                syncDir(store);
                switchLink(set, n);
            } else {
                swap(staging, n);
                placed = true;
                set = out;
            }
            removeLeftovers(Optional.of(set));
            return new Published(out, set, n,
                    historyFile.map(h -> set.resolve(HistoryFolder.DIR).resolve(h.getFileName())).orElse(null));
        } finally {
            if (!placed) {
                deleteTree(staging);
            }
        }
    }

    private void switchLink(Path set, long n) throws IOException {
        Path link = store.resolve("link-" + ProcessHandle.current().pid() + "-" + n);
        Files.deleteIfExists(link);
        // Relative, so that the whole parent folder can be moved or mounted elsewhere.
        Files.createSymbolicLink(link, parent.relativize(set));
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(out)) {
            if (isEmptyDir(out)) {
                Files.delete(out);
            } else {
                // One-time move of a real folder (left by SWAP mode) into LINK mode.
                Path old = store.resolve("old-" + n);
                moveOrFail(out, old);
                syncDir(store);
            }
        }
        Files.move(link, out, StandardCopyOption.ATOMIC_MOVE);
        syncDir(parent);
    }

    private void swap(Path staging, long n) throws IOException {
        Path old = store.resolve("old-" + n);
        boolean hadOld = Files.exists(out, LinkOption.NOFOLLOW_LINKS);
        if (hadOld) {
            moveOrFail(out, old);
            syncDir(store);
        }
        try {
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (hadOld) {
                Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
            }
            throw Failures.about(options.lang(), "publish.replace_blocked", out, e);
        }
        syncDir(parent);
    }

    private void moveOrFail(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw Failures.about(options.lang(), "publish.not_writable", from, e);
        } catch (IOException e) {
            // On Windows a file open in Excel stops the folder's rename; nothing has changed yet.
            throw Failures.about(options.lang(), "publish.replace_blocked", out, e);
        }
    }

    /** Removes this run's unfinished staging folders and releases the lock. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (Path p : entries("staging-" + ProcessHandle.current().pid() + "-")) {
                deleteTree(p);
            }
        } catch (IOException e) {
            // the next start removes them
        } finally {
            lock.close();
        }
    }
}
