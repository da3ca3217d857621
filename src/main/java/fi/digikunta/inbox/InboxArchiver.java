package fi.digikunta.inbox;

import fi.digikunta.findings.Message;
import fi.digikunta.findings.Texts;
import fi.digikunta.model.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --archive DIR}: moves processed returns out of the inbox, safely.
 *
 * <p>Accepted (with or without warnings) and superseded returns go to {@code DIR/<code>/}, rejected
 * ones to {@code DIR/rejected/} with a {@code <file>.reason.txt} beside them. Pending files and
 * rejected symbolic links are never touched. For each file:
 * <ol>
 * <li>the file must still have the size and time the scan saw (else it is a newer version: left for
 * the next run);
 * <li>it is copied to a hidden temporary name in the target folder, flushed to disk, read back and
 * compared with the original (size and SHA-256), and given the original's modification time (archived
 * returns are inputs of later runs, where that time breaks a tie between two returns' fill dates);
 * <li>the copy gets its final name without ever replacing an existing file ({@code x.xlsx},
 * {@code x-2.xlsx}, ...);
 * <li>only then is the original removed (for a link inside the inbox, the link; never its target).
 * </ol>
 * A run killed between copy and removal leaves both; the next run finds the identical copy (same
 * size and SHA-256 under the same name stem) and only removes the original, so each return is in
 * the archive exactly once or still in the inbox. Sub-folder paths are not kept in the archive's
 * layout: archived files are named by their file names. When that name differs from the name the
 * return had in the inbox (a sub-folder path, or a suffix the archive added), a hidden note
 * {@code .<archived name>.inbox-name} beside it keeps the inbox name, which {@link #readBack} uses;
 * when its inbox was given a round, {@code .<archived name>.inbox-round} keeps that
 * ({@link #inboxRound}), so a v1 return keeps its round after it has left the inbox.
 */
public final class InboxArchiver {
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String REJECTED = "rejected";

    private final Path archiveDir;
    /** The archive with its links resolved, once: what a return read back from it is under. */
    private final Path archiveReal;

    public InboxArchiver(Path archiveDir) {
        this.archiveDir = archiveDir.toAbsolutePath().normalize();
        this.archiveReal = realish(archiveDir);
    }

    /**
     * A usage problem with the archive folder, or empty: it must not be inside an inbox folder
     * (archived files would be read again) nor be a file.
     */
    public static Optional<Message> problem(Path archiveDir, List<Path> inboxRoots) {
        Path a = realish(archiveDir);
        if (Files.exists(archiveDir) && !Files.isDirectory(archiveDir)) {
            return Optional.of(Texts.message("archive.not_a_folder"));
        }
        for (Path root : inboxRoots) {
            if (Files.isDirectory(root)) {
                Path r = realish(root);
                if (a.startsWith(r) || r.startsWith(a)) {
                    return Optional.of(Texts.message("archive.inside_inbox", root));
                }
            }
        }
        return Optional.empty();
    }

    /** The absolute path with every link in its existing part resolved (links cannot hide an overlap). */
    public static Path realish(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        // Resolve the part that exists so that links cannot hide an overlap.
        Path existing = abs;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * Archives every item whose outcome calls for it; returns one result per item, in order. Links
     * inside the inbox go first: a link to another inbox file archived before it would be left
     * pointing at nothing, and rejected as a broken link every night after.
     */
    public List<ArchiveResult> archive(List<ArchiveItem> items) {
        ArchiveResult[] out = new ArchiveResult[items.size()];
        for (int i = 0; i < items.size(); i++) {
            if (Files.isSymbolicLink(items.get(i).entry().path())) {
                out[i] = archiveOne(items.get(i));
            }
        }
        for (int i = 0; i < items.size(); i++) {
            if (out[i] == null) {
                out[i] = archiveOne(items.get(i));
            }
        }
        return List.of(out);
    }

    private ArchiveResult archiveOne(ArchiveItem item) {
        InboxEntry e = item.entry();
        String name = e.name();
        if (item.outcome() == Outcome.PENDING || e.pending()) {
            return left(name, "archive.pending");
        }
        if (e.rejected()) {
            return left(name, "archive.link_left");
        }
        if (item.readAgain()) {
            return left(name, "archive.read_again");
        }
        if (realish(e.path()).startsWith(archiveReal)) {
            // A return read back from the archive is where it belongs: it would be "found" already
            // archived as itself, and the original removed.
            return new ArchiveResult(name, ArchiveResult.Action.ALREADY_ARCHIVED, e.path(), null);
        }
        Path dir;
        if (item.outcome() == Outcome.REJECTED) {
            dir = archiveDir.resolve(REJECTED);
        } else {
            String code = item.municipalityCode();
            if (code == null || !SAFE_CODE.matcher(code).matches() || code.equals(REJECTED)) {
                return left(name, "archive.no_code");
            }
            dir = archiveDir.resolve(code);
        }
        try {
            return move(item, dir);
        } catch (NoSuchFileException ex) {
            return left(name, "archive.vanished");
        } catch (IOException ex) {
            return left(name, Texts.message("archive.failed", Message.verbatim(ex.toString())));
        }
    }

    /** Copies the entry into dir (or finds the copy an earlier run made), verifies it, removes the original. */
    private static ArchiveResult move(ArchiveItem item, Path dir) throws IOException {
        InboxEntry e = item.entry();
        String name = e.name();
        if (!unchanged(e)) {
            return left(name, "archive.changed");
        }
        ArchiveCopy.Digest source = ArchiveCopy.digest(e.path());
        if (source.size() != e.size()
                || item.sha256() != null && !item.sha256().equals(HexFormat.of().formatHex(source.sha256()))) {
            return left(name, "archive.changed");
        }
        Files.createDirectories(dir);
        // The copy's name from the bytes of the path read, never from the shown name (see FileNames).
        String fileName = FileNames.storable(e.path().getFileName());
        boolean rejected = item.outcome() == Outcome.REJECTED;
        // The same bytes archived under another inbox name or round are another return, not this one;
        // rejected files have no notes (they are never read back): their bytes decide.
        Optional<Path> existing = ArchiveCopy.findIdentical(dir, fileName, source,
                c -> rejected || ArchiveNotes.noted(c, name, item.inboxRound()));
        Path target;
        ArchiveResult.Action action;
        if (existing.isPresent()) {
            target = existing.get();
            if (Files.isSameFile(e.path(), target)) {
                // The "inbox file" is that archived copy itself, reached through a link: never deleted.
                return new ArchiveResult(name, ArchiveResult.Action.ALREADY_ARCHIVED, target, null);
            }
            action = ArchiveResult.Action.ALREADY_ARCHIVED;
        } else {
            Optional<Path> copied = ArchiveCopy.copyVerified(e.path(), dir, fileName, source, e.modified(),
                    t -> rejected && Files.exists(reasonFile(t)));
            if (copied.isEmpty()) {
                return left(name, "archive.not_verified");
            }
            target = copied.get();
            action = ArchiveResult.Action.ARCHIVED;
        }
        if (rejected) {
            writeReason(target, item);
        } else {
            ArchiveNotes.write(target, name, item.inboxRound());
        }
        ArchiveCopy.syncDir(dir);
        // Last look: a newer version saved over it meanwhile stays for the next run.
        if (!unchanged(e)) {
            return new ArchiveResult(name, ArchiveResult.Action.LEFT, target, Texts.message("archive.changed"));
        }
        Files.delete(e.path());
        ArchiveCopy.syncDir(e.path().toAbsolutePath().getParent());
        return new ArchiveResult(name, action, target, null);
    }

    private static ArchiveResult left(String name, String textKey) {
        return left(name, Texts.message(textKey));
    }

    private static ArchiveResult left(String name, Message note) {
        return new ArchiveResult(name, ArchiveResult.Action.LEFT, null, note);
    }

    private static boolean unchanged(InboxEntry e) throws IOException {
        BasicFileAttributes a = Files.readAttributes(e.path(), BasicFileAttributes.class);
        return a.isRegularFile() && a.size() == e.size() && a.lastModifiedTime().toInstant().equals(e.modified());
    }

    /**
     * How long a file rejected as damaged stays in the inbox (as pending) when --archive would move
     * it: a writer may stall longer than --settle, and a file moved mid-write is lost.
     */
    public static final Duration CORRUPT_GRACE = Duration.ofHours(1);
    /**
     * The rejections a file still being written gets: empty, a broken zip or broken XML, or not yet a
     * workbook at all (a few bytes, or zeros where a writer set the space aside).
     */
    private static final Set<String> DAMAGED = Set.of("file-empty", "corrupt-zip", "corrupt-workbook",
            "not-a-workbook");

    /** Whether a rejection with this code, of a file modified at that time, may be a write still going on. */
    public static boolean youngDamaged(String reasonCode, java.time.Instant modified, java.time.Instant now) {
        return reasonCode != null && DAMAGED.contains(reasonCode) && modified != null
                && modified.isAfter(now.minus(CORRUPT_GRACE));
    }

    public static String sha256Hex(Path p) throws IOException {
        return HexFormat.of().formatHex(ArchiveCopy.digest(p).sha256());
    }

    /** The names an archived copy of fileName may have: x.xlsx, x-2.xlsx, x-3.xlsx, ... */
    static String candidate(String fileName, int n) {
        if (n == 1) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) + "-" + n + fileName.substring(dot) : fileName + "-" + n;
    }

    /**
     * The returns archived by earlier runs ({@code DIR/<code>/*}; not {@code DIR/rejected}), as inputs
     * of this run, so that the figures still cover every municipality once its return has left the
     * inbox. Each keeps the name it had in the inbox in the run that archived it (its file name, or
     * the name noted beside it when the archive had to rename it or it came from a sub-folder), so
     * that "since the previous run" does not see it as new. When that name is taken (by a file in the
     * inbox, or by a return archived later under the same name), the entry is named
     * {@code archive/<code>/<file>} instead; a later archived return keeps the plain name, as it had
     * it in the inbox on the night it was archived.
     *
     * @param inboxNames the names of this run's inbox entries, which keep their names
     */
    public static List<InboxEntry> readBack(Path archiveDir, Collection<String> inboxNames) {
        return readBack(archiveDir, inboxNames, (e, name) -> false);
    }

    /** As above, without the archived entries {@code leave} names (given each with its noted inbox name). */
    private static List<InboxEntry> readBack(Path archiveDir, Collection<String> inboxNames,
            BiPredicate<InboxEntry, String> leave) {
        if (!Files.isDirectory(archiveDir)) {
            return List.of();
        }
        List<Path> codeDirs;
        try (Stream<Path> s = Files.list(archiveDir)) {
            codeDirs = s.filter(Files::isDirectory)
                    .filter(d -> SAFE_CODE.matcher(d.getFileName().toString()).matches())
                    .filter(d -> !d.getFileName().toString().equals(REJECTED)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record Archived(InboxEntry entry, String code, String name, int number, Instant archivedAt) {
        }
        List<Archived> found = new ArrayList<>();
        for (Path dir : codeDirs) {
            // Hidden files (the name notes, a copy being written) are skipped by the scan.
            for (InboxEntry e : InboxScanner.scan(List.of(dir), new InboxOptions(false, Duration.ZERO))) {
                String name = ArchiveNotes.name(e.path()).orElse(e.name());
                if (leave.test(e, name)) {
                    continue;
                }
                found.add(new Archived(e, dir.getFileName().toString(), name, copyNumber(e.path(), name),
                        archivedAt(e.path())));
            }
        }
        // Per name, the last archived first: it had the plain name in the inbox on its night. Copies
        // of one name in different municipalities' folders (a file name many use) are ordered by when
        // they were archived; in one folder, x-2.xlsx came after x.xlsx.
        found.sort(Comparator.comparing(Archived::name).thenComparing(Archived::archivedAt, Comparator.reverseOrder())
                .thenComparing(Archived::number, Comparator.reverseOrder()).thenComparing(a -> a.entry().path()));
        Set<String> taken = new HashSet<>(inboxNames);
        List<InboxEntry> out = new ArrayList<>();
        for (Archived a : found) {
            InboxEntry e = a.entry();
            String name = taken.add(a.name()) ? a.name() : "archive/" + a.code() + "/" + e.name();
            taken.add(name);
            out.add(new InboxEntry(e.path(), name, e.size(), e.modified(), false, e.rejectCode(), e.rejectReason()));
        }
        out.sort(Comparator.comparing(InboxEntry::name));
        return out;
    }

    /**
     * {@link #readBack} for this run's inbox entries, without the archived copies of files still in
     * the inbox (an inbox whose files cannot be removed: each counts once, as the inbox file).
     *
     * @param inboxRound the round given each inbox entry's inbox (null: none), as the archive notes it
     */
    public static List<InboxEntry> readBackBeside(Path archiveDir, List<InboxEntry> inbox,
            Function<InboxEntry, Integer> inboxRound) {
        return readBack(archiveDir, inbox.stream().map(InboxEntry::name).toList(),
                ArchiveCopy.copiesOf(inbox, inboxRound));
    }

    /**
     * When the copy was archived: its status change time, which placing the copy set last (the copy
     * keeps the original's modification time, so that cannot tell); the modification time where the
     * file system has no such time.
     */
    private static Instant archivedAt(Path archived) {
        try {
            return ((FileTime) Files.getAttribute(archived, "unix:ctime")).toInstant();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            try {
                return Files.getLastModifiedTime(archived).toInstant();
            } catch (IOException e2) {
                return Instant.EPOCH;
            }
        }
    }

    /** n when the archived file is copy n of the name's file name (x.xlsx 1, x-2.xlsx 2, ...); 0 when neither. */
    static int copyNumber(Path archived, String name) {
        // Names use '/' between folders (InboxEntry#name); a string, not a Path: any note text is safe.
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        String actual = archived.getFileName().toString();
        if (actual.equals(fileName)) {
            return 1;
        }
        for (int n = 2; n < 10_000; n++) {
            if (candidate(fileName, n).equals(actual)) {
                return n;
            }
        }
        return 0;
    }

    /** The round noted beside an archived return ({@link ArchiveNotes}); empty when none was noted. */
    public static Optional<Integer> inboxRound(Path archived) {
        return ArchiveNotes.round(archived);
    }

    static Path reasonFile(Path archived) {
        return archived.resolveSibling(archived.getFileName() + ".reason.txt");
    }

    private static void writeReason(Path archived, ArchiveItem item) throws IOException {
        Path reason = reasonFile(archived);
        if (Files.exists(reason)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("file: ").append(item.entry().name()).append('\n');
        sb.append("outcome: ").append(item.outcome().id()).append('\n');
        if (item.municipalityCode() != null) {
            sb.append("municipality_code: ").append(item.municipalityCode()).append('\n');
        }
        if (item.reasonCode() != null) {
            sb.append("reason_code: ").append(item.reasonCode()).append('\n');
        }
        if (item.reason() != null) {
            sb.append("fi: ").append(item.reason().fi()).append('\n');
            sb.append("sv: ").append(item.reason().sv()).append('\n');
            sb.append("en: ").append(item.reason().en()).append('\n');
        }
        try (FileChannel ch = FileChannel.open(reason, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(StandardCharsets.UTF_8.encode(sb.toString()));
            ch.force(true);
        } catch (FileAlreadyExistsException e) {
            // another run wrote it first: same content
        }
    }
}
