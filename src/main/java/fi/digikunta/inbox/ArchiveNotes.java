package fi.digikunta.inbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The hidden notes beside an archived return ({@link InboxArchiver}): {@code .<archived name>.inbox-name}
 * keeps the name it had in the inbox when that differs from its file name, and
 * {@code .<archived name>.inbox-round} the round its inbox was given. Together with its bytes they
 * say which return an archived copy is.
 */
final class ArchiveNotes {
    private ArchiveNotes() {
    }

    /** The longest file name most file systems allow, in bytes. */
    static final int MAX_NAME_BYTES = 255;

    static Path nameFile(Path archived) {
        return file(archived, ".", ".inbox-name");
    }

    static Path roundFile(Path archived) {
        return file(archived, ".", ".inbox-round");
    }

    /**
     * {@code <prefix><archived name><suffix>}; for a name too long for that, {@code <prefix><SHA-256 of
     * the name, 32 hex digits><suffix>}, which writer and reader both compute.
     */
    static Path file(Path archived, String prefix, String suffix) {
        String name = archived.getFileName().toString();
        String note = prefix + name + suffix;
        if (note.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            note = prefix + sha256Hex(name).substring(0, 32) + suffix;
        }
        return archived.resolveSibling(note);
    }

    /** The inbox name noted beside an archived return; empty when none (its file name is its name). */
    static Optional<String> name(Path archived) {
        return read(nameFile(archived));
    }

    /** The round noted beside an archived return; empty when none was noted (or the note is unreadable). */
    static Optional<Integer> round(Path archived) {
        return read(roundFile(archived)).filter(s -> s.matches("\\d{4}")).map(Integer::valueOf);
    }

    /**
     * Whether the archived copy is the return of this inbox name and round by its notes (the bytes are
     * the caller's to compare): the same bytes under another name or round is another return, such
     * as last year's form sent again to this year's inbox.
     */
    static boolean noted(Path archived, String inboxName, Integer inboxRound) {
        return name(archived).orElse(archived.getFileName().toString()).equals(inboxName)
                && Objects.equals(round(archived).orElse(null), inboxRound);
    }

    /** Notes the name (when it differs from the file name) and round; removes notes that no longer apply. */
    static void write(Path archived, String inboxName, Integer inboxRound) throws IOException {
        // A note left by a copy of the same name removed by hand must not pass to this one.
        if (!inboxName.equals(archived.getFileName().toString())) {
            write(nameFile(archived), inboxName);
        } else {
            Files.deleteIfExists(nameFile(archived));
        }
        if (inboxRound != null) {
            write(roundFile(archived), inboxRound.toString());
        } else {
            Files.deleteIfExists(roundFile(archived));
        }
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Optional<String> read(Path note) {
        try {
            if (Files.isRegularFile(note)) {
                String text = Files.readString(note, StandardCharsets.UTF_8).strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        } catch (IOException e) {
            // unreadable note: as if there were none
        }
        return Optional.empty();
    }

    /** Writes a note whole or not at all (a temporary file renamed over it). */
    private static void write(Path note, String text) throws IOException {
        if (read(note).filter(text::equals).isPresent()) {
            return;
        }
        Path tmp = note.resolveSibling(".digikunta-note-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".part");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.write(StandardCharsets.UTF_8.encode(text + "\n"));
            ch.force(true);
        }
        Files.move(tmp, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
