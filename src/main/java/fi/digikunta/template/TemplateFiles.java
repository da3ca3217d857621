package fi.digikunta.template;

import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Writes workbook bytes to a file so that a reader never sees half a file. */
public final class TemplateFiles {
    private TemplateFiles() {
    }

    /**
     * Writes the blank workbook of a language to {@code out}. Its timestamps come from
     * SOURCE_DATE_EPOCH when set, so that a build can reproduce it, else from the clock.
     */
    public static void write(Schema schema, Lang lang, Path out, boolean replace) throws IOException {
        writeAtomically(new TemplateWriter(schema).write(lang, creationTime()), out, replace);
    }

    static Instant creationTime() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Writes to a temporary file beside {@code out}, then moves it into place. */
    public static void writeAtomically(byte[] bytes, Path out, boolean replace) throws IOException {
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        // Not Files.createTempFile: that makes the file 0600, and the template would stay unreadable to
        // the user's group; a plain new file gets the permissions of the umask like every other output.
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.write(tmp, bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            if (!replace && Files.exists(abs)) {
                throw new FileAlreadyExistsException(abs.toString());
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
