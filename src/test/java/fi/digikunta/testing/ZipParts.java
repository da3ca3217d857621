package fi.digikunta.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A zip as an ordered map of part name to bytes, to take a written workbook apart and break one part. */
public final class ZipParts {
    private ZipParts() {
    }

    public static Map<String, byte[]> read(byte[] zip) {
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

    public static byte[] write(Map<String, byte[]> parts) {
        return write(parts, null);
    }

    /** Writes the parts deflated, except {@code storedFirst} (e.g. an OpenDocument mimetype) stored first. */
    public static byte[] write(Map<String, byte[]> parts, String storedFirst) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            if (storedFirst != null) {
                byte[] b = parts.get(storedFirst);
                ZipEntry e = new ZipEntry(storedFirst);
                e.setMethod(ZipEntry.STORED);
                e.setSize(b.length);
                CRC32 crc = new CRC32();
                crc.update(b);
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(b);
                z.closeEntry();
            }
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                if (p.getKey().equals(storedFirst)) {
                    continue;
                }
                z.putNextEntry(new ZipEntry(p.getKey()));
                z.write(p.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The zip with one part's text changed. */
    public static byte[] edit(byte[] zip, String part, UnaryOperator<String> change) {
        Map<String, byte[]> m = read(zip);
        byte[] b = m.get(part);
        if (b == null) {
            throw new IllegalArgumentException("no part " + part + " in " + m.keySet());
        }
        m.put(part, change.apply(new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return write(m);
    }

    /** Every XML part's text changed. */
    public static byte[] editAll(byte[] zip, UnaryOperator<String> change) {
        Map<String, byte[]> m = read(zip);
        for (Map.Entry<String, byte[]> e : m.entrySet()) {
            if (e.getKey().endsWith(".xml") || e.getKey().endsWith(".rels")) {
                e.setValue(change.apply(new String(e.getValue(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return write(m);
    }

    public static String text(byte[] zip, String part) {
        return new String(read(zip).get(part), StandardCharsets.UTF_8);
    }
}
