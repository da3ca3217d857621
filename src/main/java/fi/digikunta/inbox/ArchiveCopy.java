package fi.digikunta.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The archive's copy-and-verify step (see {@link InboxArchiver}): a copy flushed to disk and read
 * back before it gets a name, which never replaces an existing file.
 */
final class ArchiveCopy {
    private ArchiveCopy() {
    }

    /** The names an archived copy of fileName may have: x.xlsx, x-2.xlsx, x-3.xlsx, ... */
    static String candidate(String fileName, int n) {
        if (n == 1) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String tail = "-" + n + (dot > 0 ? fileName.substring(dot) : "");
        // A name near the file system's 255 bytes loses the end of its stem to make room for "-n".
        while (stem.length() > 1 && (stem + tail).getBytes(StandardCharsets.UTF_8).length > ArchiveNotes.MAX_NAME_BYTES) {
            stem = stem.substring(0, stem.length() - (Character.isLowSurrogate(stem.charAt(stem.length() - 1)) ? 2 : 1));
        }
        return stem + tail;
    }

    record Digest(long size, byte[] sha256) {
        boolean sameAs(Digest o) {
            return size == o.size && Arrays.equals(sha256, o.sha256);
        }
    }

    static Digest digest(Path p) throws IOException {
        MessageDigest md = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
                size += n;
            }
        }
        return new Digest(size, md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The archived copy of fileName in dir with these bytes that {@code same} takes for this return; empty when none. */
    static Optional<Path> findIdentical(Path dir, String fileName, Digest source, Predicate<Path> same)
            throws IOException {
        for (int n = 1;; n++) {
            Path c = dir.resolve(candidate(fileName, n));
            if (!Files.exists(c)) {
                return Optional.empty();
            }
            if (Files.size(c) == source.size && same.test(c) && digest(c).sameAs(source)) {
                return Optional.of(c);
            }
        }
    }

    /** What is written beside a copy before it takes its name (its notes). */
    interface BeforePlacing {
        void at(Path target) throws IOException;
    }

    /**
     * Copies source into dir under the first free candidate name that skip does not refuse, or empty
     * when the copy read back differs from expected. {@code before} runs for the name just before the
     * copy takes it: a copy never exists without its notes, even after a run stopped in between (a
     * copy without them would be taken for another return and archived again, in the wrong round).
     */
    static Optional<Path> copyVerified(Path source, Path dir, String fileName, Digest expected,
            Instant modified, Predicate<Path> skip, BeforePlacing before) throws IOException {
        // Not named after the file: a name near the file system's 255 bytes would leave no room.
        Path tmp = dir.resolve(".digikunta-copy-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".part");
        try {
            MessageDigest md = sha256();
            long size = 0;
            try (InputStream in = Files.newInputStream(source);
                    FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream os = Channels.newOutputStream(ch);
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0;) {
                    os.write(buf, 0, n);
                    md.update(buf, 0, n);
                    size += n;
                }
                ch.force(true);
            }
            Digest read = new Digest(size, md.digest());
            // Verify what is on disk, not what was sent: read the copy back.
            if (!read.sameAs(expected) || !digest(tmp).sameAs(expected)) {
                return Optional.empty();
            }
            // Archived returns are read back as inputs, and superseding breaks a tie of fill dates by
            // modification time: the copy keeps the original's, so archiving never changes the winner.
            Files.setLastModifiedTime(tmp, FileTime.from(modified));
            for (int n = 1;; n++) {
                Path target = dir.resolve(candidate(fileName, n));
                if (skip.test(target) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                before.at(target);
                if (placeWithoutReplacing(tmp, target)) {
                    return Optional.of(target);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Gives tmp the name target unless target exists; true when done. Never replaces a file. */
    private static boolean placeWithoutReplacing(Path tmp, Path target) throws IOException {
        try {
            // link(2) fails when the name exists, with no window between check and create.
            Files.createLink(target, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(target)) {
                return false;
            }
            // No hard links (some network shares, FAT): a rename without REPLACE_EXISTING.
            try {
                Files.move(tmp, target);
                return true;
            } catch (FileAlreadyExistsException e2) {
                return false;
            }
        }
    }

    /**
     * Whether an archived entry, by the inbox name noted for it, is a file still in the inbox: the same
     * name, round and bytes. An inbox file whose removal failed after it was archived (a read-only
     * inbox) is in both places; it counts once, as the inbox file, rather than being superseded by its
     * own copy. The same bytes under another name or round (last year's form sent again to this year's
     * inbox) are two returns, and the archived one stays.
     */
    static BiPredicate<InboxEntry, String> copiesOf(List<InboxEntry> inbox, Function<InboxEntry, Integer> inboxRound) {
        Map<String, List<InboxEntry>> byName = new HashMap<>();
        inbox.stream().filter(e -> !e.rejected() && !e.pending())
                .forEach(e -> byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e));
        Map<Path, Digest> digests = new HashMap<>();
        return (archived, name) -> {
            for (InboxEntry e : byName.getOrDefault(name, List.of())) {
                // Only a name and size seen in the inbox cost a digest.
                if (e.size() != archived.size()
                        || !Objects.equals(inboxRound.apply(e), ArchiveNotes.round(archived.path()).orElse(null))) {
                    continue;
                }
                Digest a = digestOrEmpty(archived.path());
                if (a.size() >= 0 && digests.computeIfAbsent(e.path(), ArchiveCopy::digestOrEmpty).sameAs(a)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static Digest digestOrEmpty(Path p) {
        try {
            return digest(p);
        } catch (IOException e) {
            return new Digest(-1, new byte[0]);
        }
    }

    static void syncDir(Path dir) {
        if (dir == null) {
            return;
        }
        // Makes the new name durable on POSIX; Windows cannot open a folder this way and needs none.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }
}
