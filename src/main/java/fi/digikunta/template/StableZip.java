package fi.digikunta.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip (an .xlsx) so that its bytes depend only on its content: POI stamps every entry
 * with the time of writing, so the same workbook written twice differs. Entries keep their order;
 * each gets the same fixed time, stored as a local DOS time so that the machine's time zone does
 * not leak in.
 */
public final class StableZip {
    private StableZip() {
    }

    /** The same entries, in the same order, each with the given time. */
    public static byte[] normalize(byte[] zip, Instant time) {
        return rewrite(zip, time, Map.of());
    }

    /**
     * The same entries with some contents replaced: {@code edits} maps an entry name to a function
     * from its old bytes to its new ones.
     */
    public static byte[] rewrite(byte[] zip, Instant time, Map<String, UnaryOperator<byte[]>> edits) {
        Map<String, byte[]> entries = entries(zip);
        edits.forEach((name, f) -> {
            if (!entries.containsKey(name)) {
                throw new IllegalArgumentException("no zip entry " + name);
            }
            entries.put(name, f.apply(entries.get(name)));
        });
        return write(entries, time);
    }

    /** The entries of a zip in file order, by name. */
    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                m.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** A zip of the given entries, in map order, deflated, each with the given time. */
    public static byte[] write(Map<String, byte[]> entries, Instant time) {
        LocalDateTime local = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setTimeLocal(local);
                out.putNextEntry(z);
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }
}
