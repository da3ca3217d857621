package fi.digikunta.inbox;

import fi.digikunta.findings.Message;
import fi.digikunta.findings.Texts;
import fi.digikunta.model.Outcome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
 * {@code .<archived name>.inbox-name} beside it keeps the inbox name, which {@link ArchiveReadBack#readBack} uses;
 * when its inbox was given a round, {@code .<archived name>.inbox-round} keeps that
 * ({@link #inboxRound}), so a v1 return keeps its round after it has left the inbox.
 */
public final class InboxArchiver {
    static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final String REJECTED = "rejected";

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
     * inside the inbox go first, the furthest from a file first (z to b to c: z, then b, then c): a
     * link to an inbox file archived before it would be left pointing at nothing, and rejected as a
     * broken link every night after. For the same reason a link that stays in the inbox keeps every
     * link and file on its way there.
     */
    public List<ArchiveResult> archive(List<ArchiveItem> items) {
        List<List<Path>> chains = items.stream().map(i -> chain(i.entry().path())).toList();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> -chains.get(i).size()));
        ArchiveResult[] out = new ArchiveResult[items.size()];
        Set<Path> kept = new HashSet<>();
        for (int i : order) {
            ArchiveItem item = items.get(i);
            if (kept.contains(chains.get(i).get(0))) {
                out[i] = left(item.entry().name(), "archive.linked");
                continue;
            }
            out[i] = archiveOne(item);
            if (out[i].action() == ArchiveResult.Action.LEFT && chains.get(i).size() > 1) {
                kept.addAll(chains.get(i));
            }
        }
        return List.of(out);
    }

    /** The path, and each link and file it leads to (at most 40), each as its real folder and own name. */
    private static List<Path> chain(Path p) {
        List<Path> out = new ArrayList<>();
        Path cur = p.toAbsolutePath();
        for (int hop = 0; hop < 40; hop++) {
            Path parent = cur.getParent();
            try {
                out.add(parent == null ? cur : parent.toRealPath().resolve(cur.getFileName()));
                if (!Files.isSymbolicLink(cur)) {
                    break;
                }
                cur = parent.resolve(Files.readSymbolicLink(cur)).toAbsolutePath();
            } catch (IOException e) {
                if (out.isEmpty()) {
                    out.add(cur);
                }
                break;
            }
        }
        return out;
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
                    t -> rejected && Files.exists(reasonFile(t)),
                    t -> {
                        if (!rejected) {
                            ArchiveNotes.write(t, name, item.inboxRound());
                        }
                    });
            if (copied.isEmpty()) {
                return left(name, "archive.not_verified");
            }
            target = copied.get();
            action = ArchiveResult.Action.ARCHIVED;
        }
        if (rejected) {
            writeReason(target, item);
        }
        // A return's notes were written before its copy took its name, or an identical copy was
        // found by them: nothing to note here.
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

    /** The round noted beside an archived return ({@link ArchiveNotes}); empty when none was noted. */
    public static Optional<Integer> inboxRound(Path archived) {
        return ArchiveNotes.round(archived);
    }

    static Path reasonFile(Path archived) {
        return ArchiveNotes.file(archived, "", ".reason.txt");
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
