package fi.digikunta.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered, unsynchronised UTF-8 writer for the reports: the same bytes as an
 * {@code OutputStreamWriter} in UTF-8 (an unpaired surrogate becomes '?', a high surrogate left at
 * the end is not written), at a fraction of its cost for the many short strings Freemarker and
 * the CSV printer write (no lock, no CharBuffer, no substring per value). One thread, one file.
 * {@link #flush} writes the bytes to the stream and flushes it; {@link #close} does not close it.
 */
final class Utf8Writer extends Writer {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 15];
    private final char[] chars = new char[1 << 10];
    private int n;
    /** A high surrogate whose low half has not come yet, or 0. */
    private char high;

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] cs, int off, int len) throws IOException {
        units(cs, off, off + len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        string(s, off, off + len);
    }

    @Override
    public void write(String s) throws IOException {
        string(s, 0, s.length());
    }

    @Override
    public Writer append(CharSequence cs, int start, int end) throws IOException {
        CharSequence s = cs == null ? "null" : cs;
        if (s instanceof String str) {
            string(str, start, end);
            return this;
        }
        for (int i = start; i < end; i++) {
            unit(s.charAt(i));
        }
        return this;
    }

    @Override
    public Writer append(CharSequence cs) throws IOException {
        CharSequence s = cs == null ? "null" : cs;
        return append(s, 0, s.length());
    }

    @Override
    public Writer append(char c) throws IOException {
        put(c);
        return this;
    }

    /**
     * A string's chars, copied out a block at a time: reading them one by one through
     * {@code charAt} cost more than the encoding (a call per char in C1's code).
     */
    private void string(String s, int start, int end) throws IOException {
        while (start < end) {
            int len = Math.min(end - start, chars.length);
            s.getChars(start, start + len, chars, 0);
            units(chars, 0, len);
            start += len;
        }
    }

    /** Runs of ASCII copied straight into the buffer; any other char through {@link #put}. */
    private void units(char[] cs, int from, int end) throws IOException {
        int i = from;
        while (i < end) {
            if (high == 0) {
                byte[] b = buf;
                int k = n;
                int stop = Math.min(end, i + (b.length - k));
                while (i < stop && cs[i] < 0x80) {
                    b[k++] = (byte) cs[i++];
                }
                n = k;
                if (i == end) {
                    return;
                }
            }
            put(cs[i++]);
        }
    }

    /** One char: ASCII straight into the buffer, anything else through {@link #put}. */
    private void unit(char c) throws IOException {
        if (c < 0x80 && high == 0 && n < buf.length) {
            buf[n++] = (byte) c;
        } else {
            put(c);
        }
    }

    private void put(char c) throws IOException {
        if (buf.length - n < 4) {
            drain();
        }
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                buf[n++] = (byte) (0xF0 | cp >> 18);
                buf[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[n++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            buf[n++] = '?';
            put(c);
            return;
        }
        if (c < 0x80) {
            buf[n++] = (byte) c;
        } else if (c < 0x800) {
            buf[n++] = (byte) (0xC0 | c >> 6);
            buf[n++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[n++] = '?';
        } else {
            buf[n++] = (byte) (0xE0 | c >> 12);
            buf[n++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[n++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void drain() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
