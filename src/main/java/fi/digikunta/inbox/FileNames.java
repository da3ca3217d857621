package fi.digikunta.inbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File names as the file system has them (bytes on Linux) versus as the JVM decodes them.
 *
 * <p>A name that is not valid UTF-8, or any non-ASCII name when the JVM runs without a UTF-8
 * locale (cron, {@code env -i}: JDK 17 then decodes names as ASCII and ignores
 * {@code -Dsun.jnu.encoding}), decodes to a string with U+FFFD in it: two such names can decode
 * alike, and turning the string back into a path names another file or none. So files are only ever
 * addressed by the {@link Path} the scan read (which keeps the bytes); names are for showing, and
 * are made from the bytes: UTF-8 where valid, {@code %XX} for a byte that is not.
 */
public final class FileNames {
    private FileNames() {
    }

    /** True when the element's decoded name turns back into the very same path. */
    static boolean representable(Path element) {
        try {
            return element.getFileSystem().getPath(element.toString()).equals(element);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The name of one path element to show: its bytes as UTF-8, an invalid byte as {@code %XX}. */
    public static String display(Path element) {
        return representable(element) ? element.toString() : fromBytes(rawBytes(element), false);
    }

    /**
     * A file name for a copy of the element that this JVM can create: the name itself when it is
     * representable, else its bytes in ASCII with {@code %XX} for every byte beyond ASCII (the shown
     * name is kept in a note beside the copy).
     */
    static String storable(Path element) {
        return representable(element) ? element.toString() : fromBytes(rawBytes(element), true);
    }

    /** The element's bytes, from its file URI (the one public way to them that keeps every byte). */
    private static byte[] rawBytes(Path element) {
        String raw = element.toAbsolutePath().toUri().getRawPath();
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        raw = raw.substring(raw.lastIndexOf('/') + 1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                b.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.write(c);
            }
        }
        return b.toByteArray();
    }

    private static String fromBytes(byte[] bytes, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            int len = sequenceLength(bytes[i]);
            String decoded = len > 0 && i + len <= bytes.length ? decode(bytes, i, len) : null;
            if (decoded != null && !(asciiOnly && len > 1)) {
                sb.append(decoded);
                i += len;
            } else {
                int count = decoded != null ? len : 1;
                for (int k = 0; k < count; k++) {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", bytes[i + k] & 0xff));
                }
                i += count;
            }
        }
        return sb.toString();
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xff;
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xc2 && b <= 0xdf) {
            return 2;
        }
        if (b >= 0xe0 && b <= 0xef) {
            return 3;
        }
        return b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    }

    private static String decode(byte[] bytes, int from, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, len))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
