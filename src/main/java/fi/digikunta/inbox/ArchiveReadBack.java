package fi.digikunta.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;

/** The returns of an archive ({@link InboxArchiver}) read back as inputs of a run. */
public final class ArchiveReadBack {
    private ArchiveReadBack() {
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
                    .filter(d -> InboxArchiver.SAFE_CODE.matcher(d.getFileName().toString()).matches())
                    .filter(d -> !d.getFileName().toString().equals(InboxArchiver.REJECTED)).sorted().toList();
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
    public static ReadBack readBackBeside(Path archiveDir, List<InboxEntry> inbox,
            Function<InboxEntry, Integer> inboxRound) {
        BiPredicate<InboxEntry, String> copies = ArchiveCopy.copiesOf(inbox, inboxRound);
        int[] left = {0};
        List<InboxEntry> entries = readBack(archiveDir, inbox.stream().map(InboxEntry::name).toList(), (e, name) -> {
            boolean copy = copies.test(e, name);
            left[0] += copy ? 1 : 0;
            return copy;
        });
        return new ReadBack(entries, entries.size() + left[0]);
    }

    /**
     * The returns read back, and how many returns the archive holds (those read back and the copies
     * of files still in the inbox).
     */
    public record ReadBack(List<InboxEntry> entries, int inArchive) {
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
        // x-N.ext: N read from the copy's name, then checked against the name copy N gets.
        int dot = actual.lastIndexOf('.');
        int end = dot > 0 ? dot : actual.length();
        int dash = actual.lastIndexOf('-', end - 1);
        try {
            int n = dash < 0 ? 0 : Integer.parseInt(actual.substring(dash + 1, end));
            return n >= 2 && ArchiveCopy.candidate(fileName, n).equals(actual) ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
