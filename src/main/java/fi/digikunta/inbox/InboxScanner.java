package fi.digikunta.inbox;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.findings.Message;
import fi.digikunta.findings.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lists the input files of one or more paths (files or folders), sorted by name.
 *
 * <p>Rules, in order:
 * <ul>
 * <li>Office lock files ({@code ~$*}, {@code .~lock.*#}), {@code *.tmp}, {@code Thumbs.db},
 * {@code desktop.ini} and hidden files and folders are skipped (see {@link #ignoreReason}).
 * <li>Folders are read one level deep, or all the way down with {@code recursive}.
 * <li>With several inbox folders, each file's name starts with its folder's label ({@link InboxLabels}:
 * {@code 2025/091-helsinki.xlsx}), so same-named files of two inboxes stay apart in every output.
 * <li>A symbolic link is never followed out of the inbox: a link to a file inside the inbox is read
 * like that file (under the link's own name); a link pointing outside, or to nothing, is listed as an
 * entry that is {@linkplain InboxEntry#rejected() rejected} without being opened, so that the report
 * says why that "return" was not read. A link to a folder is never followed (no loops, no escape).
 * <li>Settle: files modified within the last {@code settle} are all watched together for one
 * {@code settle} period; one whose size or modification time changes meanwhile is {@code pending}.
 * Older files are taken at once, so an inbox that has stopped changing costs no wait at all.
 * </ul>
 * A path given directly as a file is taken as is (the user named it), links included.
 */
public final class InboxScanner {

    /** Waits; a test passes one that changes files while "waiting". */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;

    public InboxScanner() {
        this(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    public InboxScanner(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The entries of a scan with the real clock (kept for callers that need only the entries). */
    public static List<InboxEntry> scan(List<Path> roots, InboxOptions options) {
        return new InboxScanner().scanAll(roots, options).entries();
    }

    /** The roots that do not exist: the command reports these as a usage error before scanning. */
    public static List<Path> missing(List<Path> roots) {
        return roots.stream().filter(r -> !Files.exists(r)).toList();
    }

    /**
     * Scans the roots. Throws {@link InboxPathException} for a root that does not exist and
     * {@link UncheckedIOException} when a root folder itself cannot be listed.
     */
    public InboxScan scanAll(List<Path> roots, InboxOptions options) {
        List<Candidate> candidates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<Path, String> labels = InboxLabels.of(roots);
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new InboxPathException(root);
            }
            try {
                if (Files.isDirectory(root)) {
                    int from = candidates.size();
                    int skippedFrom = skipped.size();
                    walk(root, options.recursive(), candidates, skipped);
                    prefix(InboxLabels.labelOf(labels, root), candidates.subList(from, candidates.size()),
                            skipped.subList(skippedFrom, skipped.size()));
                } else {
                    BasicFileAttributes a = Files.readAttributes(root, BasicFileAttributes.class);
                    candidates.add(new Candidate(new InboxEntry(root, FileNames.display(root.getFileName()), a.size(),
                            a.lastModifiedTime().toInstant(), false), root));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Duration waited = settle(candidates, options.settle(), skipped);
        List<InboxEntry> entries = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.entry != null) {
                entries.add(c.entry);
            }
        }
        Set<Path> direct = new HashSet<>();
        roots.stream().filter(r -> !Files.isDirectory(r)).forEach(direct::add);
        entries = InboxLabels.separateDirect(entries, direct);
        entries.sort(Comparator.comparing(InboxEntry::name));
        skipped.sort(Comparator.comparing(Skipped::name));
        return new InboxScan(entries, skipped, waited);
    }

    /**
     * Office lock files ({@code ~$x.xlsx}, {@code .~lock.x#}), {@code *.tmp}, OS metadata files and
     * hidden files or folders (a dot in front of any part of the relative path).
     */
    public static boolean ignored(Path relative) {
        return ignoreReason(relative).isPresent();
    }

    /** Why a path (relative to the inbox root) is skipped, as a {@link Skipped} code; empty when it is read. */
    public static Optional<String> ignoreReason(Path relative) {
        int count = relative.getNameCount();
        for (int i = 0; i < count; i++) {
            String n = relative.getName(i).toString();
            boolean last = i == count - 1;
            if (n.startsWith("~$") || (n.startsWith(".~lock.") && n.endsWith("#"))) {
                return Optional.of("office-lock");
            }
            if (n.startsWith(".")) {
                return Optional.of("hidden");
            }
            if (last) {
                String lower = n.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".tmp")) {
                    return Optional.of("temp-file");
                }
                if (lower.equals("thumbs.db") || lower.equals("desktop.ini")) {
                    return Optional.of("os-metadata");
                }
            }
        }
        return Optional.empty();
    }

    private static Message ignoreText(String code) {
        return Texts.message(switch (code) {
            case "office-lock" -> "inbox.office_lock";
            case "temp-file" -> "inbox.temp_file";
            case "os-metadata" -> "inbox.os_metadata";
            default -> "inbox.hidden";
        });
    }

    private static Message unreadable(String detail) {
        return Texts.message("inbox.unreadable", Message.verbatim(detail));
    }

    /** Names the entries and skipped items of one of several inbox folders with the folder's label in front. */
    private static void prefix(String label, List<Candidate> found, List<Skipped> skipped) {
        if (label == null) {
            return;
        }
        for (Candidate c : found) {
            InboxEntry e = c.entry;
            c.entry = new InboxEntry(e.path(), label + "/" + e.name(), e.size(), e.modified(), e.pending(),
                    e.rejectCode(), e.rejectReason());
        }
        skipped.replaceAll(s -> new Skipped(label + "/" + s.name(), s.code(), s.reason()));
    }

    /** A file found, with the path whose attributes tell whether it changes (the target for a link). */
    private static final class Candidate {
        InboxEntry entry;
        final Path watched;

        Candidate(InboxEntry entry, Path watched) {
            this.entry = entry;
            this.watched = watched;
        }
    }

    private static void walk(Path root, boolean recursive, List<Candidate> out, List<Skipped> skipped)
            throws IOException {
        // The root may itself be a link (an inbox moved to another disk): walk where it leads.
        Path realRoot = root.toRealPath();
        walkReal(realRoot, recursive, out, skipped);
    }

    private static void walkReal(Path root, boolean recursive, List<Candidate> out, List<Skipped> skipped)
            throws IOException {
        // No FOLLOW_LINKS: links arrive at visitFile with their own attributes and are judged there.
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class),
                recursive ? Integer.MAX_VALUE : 1, new FileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (dir.equals(root)) {
                            return FileVisitResult.CONTINUE;
                        }
                        Path rel = root.relativize(dir);
                        Optional<String> why = hiddenOrIgnored(dir, rel);
                        if (why.isPresent()) {
                            skipped.add(new Skipped(name(rel) + "/", why.get(), ignoreText(why.get())));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        visit(root, file, attrs, out, skipped);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        if (!(exc instanceof NoSuchFileException)) {
                            String detail = exc instanceof AccessDeniedException ? "access denied" : exc.toString();
                            skipped.add(new Skipped(name(root.relativize(file)), "unreadable",
                                    unreadable(detail)));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                        if (exc != null && !dir.equals(root)) {
                            skipped.add(new Skipped(name(root.relativize(dir)) + "/", "unreadable",
                                    unreadable(exc.toString())));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** One entry of a folder: a file to read, a link to judge, or something skipped. */
    private static void visit(Path root, Path file, BasicFileAttributes attrs, List<Candidate> out,
            List<Skipped> skipped) {
        Path rel = root.relativize(file);
        String name = name(rel);
        Optional<String> why = hiddenOrIgnored(file, rel);
        if (why.isPresent()) {
            skipped.add(new Skipped(attrs.isDirectory() ? name + "/" : name, why.get(), ignoreText(why.get())));
        } else if (attrs.isDirectory()) {
            // Only reached at the depth limit, i.e. a sub-folder without --recursive.
            skipped.add(new Skipped(name + "/", "sub-folder", Texts.message("inbox.sub_folder")));
        } else if (attrs.isSymbolicLink()) {
            link(root, file, name, out, skipped);
        } else if (attrs.isRegularFile()) {
            out.add(new Candidate(new InboxEntry(file, name, attrs.size(), attrs.lastModifiedTime().toInstant(),
                    false), file));
        } else {
            // A FIFO or device would block or never end when read.
            skipped.add(new Skipped(name, "not-a-regular-file", Texts.message("inbox.not_regular")));
        }
    }

    private static Optional<String> hiddenOrIgnored(Path path, Path rel) {
        Optional<String> why = ignoreReason(rel);
        if (why.isPresent()) {
            return why;
        }
        try {
            // Windows' hidden attribute; on other systems this is the dot rule already applied.
            return Files.isHidden(path) ? Optional.of("hidden") : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void link(Path realRoot, Path link, String name, List<Candidate> out, List<Skipped> skipped) {
        Instant linkTime = Instant.EPOCH;
        try {
            linkTime = Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            // keep EPOCH: only shown for a rejected link
        }
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            // Dangling, a loop, or unreadable on the way: nothing that can be read safely.
            out.add(new Candidate(new InboxEntry(link, name, 0, linkTime, false, FindingCode.SYMLINK_BROKEN.code(),
                    Texts.message("inbox.symlink_broken")), null));
            return;
        }
        if (Files.isDirectory(target)) {
            skipped.add(new Skipped(name, "folder-link", Texts.message("inbox.folder_link")));
            return;
        }
        if (!target.startsWith(realRoot)) {
            out.add(new Candidate(new InboxEntry(link, name, 0, linkTime, false,
                    FindingCode.SYMLINK_OUTSIDE_INBOX.code(), Texts.message("inbox.symlink_outside")), null));
            return;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isRegularFile()) {
                out.add(new Candidate(new InboxEntry(link, name, a.size(), a.lastModifiedTime().toInstant(), false),
                        target));
            } else {
                skipped.add(new Skipped(name, "not-a-regular-file", Texts.message("inbox.not_regular")));
            }
        } catch (IOException e) {
            skipped.add(new Skipped(name, "unreadable", unreadable(e.toString())));
        }
    }

    /**
     * Watches the recently modified files, all together, for one settle period; marks the changed
     * ones pending and drops the ones that vanished. Returns how long it waited.
     */
    private Duration settle(List<Candidate> candidates, Duration settle, List<Skipped> skipped) {
        if (settle.isZero()) {
            return Duration.ZERO;
        }
        Instant threshold = clock.instant().minus(settle);
        List<Candidate> recent = new ArrayList<>();
        for (Candidate c : candidates) {
            // A time in the future (clock skew, a copy in progress) is "recent" too.
            if (c.watched != null && c.entry.modified().isAfter(threshold)) {
                recent.add(c);
            }
        }
        if (recent.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            sleeper.sleep(settle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Interrupted: nothing recent can be trusted, so all of it waits for the next run.
            recent.forEach(c -> c.entry = c.entry.asPending());
            return settle;
        }
        for (Candidate c : recent) {
            try {
                BasicFileAttributes a = Files.readAttributes(c.watched, BasicFileAttributes.class);
                if (a.size() != c.entry.size() || !a.lastModifiedTime().toInstant().equals(c.entry.modified())) {
                    c.entry = c.entry.asPending();
                }
            } catch (NoSuchFileException e) {
                skipped.add(new Skipped(c.entry.name(), "vanished", Texts.message("inbox.vanished")));
                c.entry = null;
            } catch (IOException e) {
                c.entry = c.entry.asPending();
            }
        }
        return settle;
    }

    /** The shown name: made from the bytes (see FileNames), never turned back into a path. */
    private static String name(Path rel) {
        StringBuilder sb = new StringBuilder();
        for (Path element : rel) {
            sb.append(sb.length() == 0 ? "" : "/").append(FileNames.display(element));
        }
        return sb.toString();
    }
}
