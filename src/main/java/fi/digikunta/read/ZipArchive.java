package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip archive held in memory, read through its central directory with java.util.zip's Inflater.
 * Written for the reader rather than using ZipFile so that one code path serves files and byte
 * arrays (fuzzing), and so that every entry is inflated under the reader's own limits: its declared
 * and actual uncompressed size, its inflate ratio, and its CRC. Part names are matched without
 * regard to case, as OPC part names are.
 */
final class ZipArchive implements AutoCloseable {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_EOCD_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CEN = 0x02014b50;
    private static final int LOC = 0x04034b50;

    record Entry(String name, int flags, int method, long crc, long compressedSize, long size, long localOffset) {
    }

    private final byte[] data;
    private final Map<String, Entry> entries;
    private final ReadLimits limits;
    /** An inflater left by a closed entry, reset for the next one: one native zlib stream per file. */
    private Inflater spare;
    /** Bytes inflated from all entries so far: a small part named by many sheets is read many times. */
    private long totalProduced;

    private ZipArchive(byte[] data, Map<String, Entry> entries, ReadLimits limits) {
        this.data = data;
        this.entries = entries;
        this.limits = limits;
    }

    /** Whether the bytes start like a zip (a local file header or an empty archive). */
    static boolean looksLikeZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6)
                || (b[2] == 7 && b[3] == 8));
    }

    /** Where the central directory is and how many entries it lists, from the end records. */
    private record Directory(long count, long size, long offset) {
    }

    /** The end of central directory record, and its zip64 form when the plain one says to look there. */
    private static Directory directory(byte[] data) throws ReadException {
        int eocd = findEocd(data);
        if (eocd < 0) {
            throw new ReadException(FindingCode.CORRUPT_ZIP, "truncated");
        }
        long count = u16(data, eocd + 10);
        long cdSize = u32(data, eocd + 12);
        long cdOffset = u32(data, eocd + 16);
        if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            int loc = eocd - 20;
            if (loc >= 0 && i32(data, loc) == ZIP64_EOCD_LOCATOR) {
                long z = u64(data, loc + 8);
                if (z < 0 || z > data.length - 56 || i32(data, (int) z) != ZIP64_EOCD) {
                    throw new ReadException(FindingCode.CORRUPT_ZIP, null);
                }
                return new Directory(u64(data, (int) z + 32), u64(data, (int) z + 40), u64(data, (int) z + 48));
            }
        }
        return new Directory(count, cdSize, cdOffset);
    }

    /** Reads the central directory; a zip without one (truncated) or with a damaged one is corrupt-zip. */
    static ZipArchive open(byte[] data, ReadLimits limits) throws ReadException {
        Directory dir = directory(data);
        long count = dir.count();
        long cdSize = dir.size();
        long cdOffset = dir.offset();
        if (count > limits.maxEntries()) {
            throw new ReadException(FindingCode.READ_LIMIT, "entries", limits.maxEntries());
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > data.length) {
            throw new ReadException(FindingCode.CORRUPT_ZIP, "truncated");
        }
        Map<String, Entry> m = new LinkedHashMap<>();
        int p = (int) cdOffset;
        int end = (int) (cdOffset + cdSize);
        for (long i = 0; i < count; i++) {
            if (p + 46 > end || i32(data, p) != CEN) {
                throw new ReadException(FindingCode.CORRUPT_ZIP, null);
            }
            int flags = u16(data, p + 8);
            int method = u16(data, p + 10);
            long crc = u32(data, p + 16);
            long csize = u32(data, p + 20);
            long usize = u32(data, p + 24);
            int nameLen = u16(data, p + 28);
            int extraLen = u16(data, p + 30);
            int commentLen = u16(data, p + 32);
            long offset = u32(data, p + 42);
            if (p + 46 + nameLen + extraLen + commentLen > end) {
                throw new ReadException(FindingCode.CORRUPT_ZIP, null);
            }
            String name = new String(data, p + 46, nameLen, StandardCharsets.UTF_8);
            if (usize == 0xFFFFFFFFL || csize == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
                long[] z = zip64Extra(data, p + 46 + nameLen, extraLen, usize, csize, offset);
                usize = z[0];
                csize = z[1];
                offset = z[2];
            }
            p += 46 + nameLen + extraLen + commentLen;
            String key = key(name);
            if (key.endsWith("/")) {
                continue;
            }
            if (m.containsKey(key)) {
                // Two entries of one name: readers disagree on which one counts, so trust neither.
                throw new ReadException(FindingCode.CORRUPT_ZIP, "duplicate", name);
            }
            m.put(key, new Entry(name, flags, method, crc, csize, usize, offset));
        }
        return new ZipArchive(data, m, limits);
    }

    private static long[] zip64Extra(byte[] d, int start, int len, long usize, long csize, long offset)
            throws ReadException {
        int p = start;
        int end = start + len;
        while (p + 4 <= end) {
            int id = u16(d, p);
            int size = u16(d, p + 2);
            if (id == 0x0001) {
                int q = p + 4;
                int qEnd = Math.min(end, q + size);
                if (usize == 0xFFFFFFFFL && q + 8 <= qEnd) {
                    usize = u64(d, q);
                    q += 8;
                }
                if (csize == 0xFFFFFFFFL && q + 8 <= qEnd) {
                    csize = u64(d, q);
                    q += 8;
                }
                if (offset == 0xFFFFFFFFL && q + 8 <= qEnd) {
                    offset = u64(d, q);
                }
                break;
            }
            p += 4 + size;
        }
        if (usize < 0 || csize < 0 || offset < 0) {
            throw new ReadException(FindingCode.CORRUPT_ZIP, null);
        }
        return new long[] {usize, csize, offset};
    }

    private static int findEocd(byte[] d) {
        int min = Math.max(0, d.length - 22 - 0xFFFF);
        for (int p = d.length - 22; p >= min; p--) {
            if (d[p] == 'P' && d[p + 1] == 'K' && d[p + 2] == 5 && d[p + 3] == 6) {
                int commentLen = u16(d, p + 20);
                if (p + 22 + commentLen <= d.length) {
                    return p;
                }
            }
        }
        return -1;
    }

    private static String key(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n.toLowerCase(Locale.ROOT);
    }

    boolean has(String name) {
        return entries.containsKey(key(name));
    }

    /** The uncompressed size an entry declares (not yet checked against its data); -1 when there is none. */
    long declaredSize(String name) {
        Entry e = entries.get(key(name));
        return e == null ? -1 : e.size();
    }

    Iterable<Entry> entries() {
        return entries.values();
    }

    /**
     * The uncompressed bytes of an entry as a stream, inflated under the limits: an entry declaring
     * or reaching more than maxEntryBytes, or inflating below minInflateRatio, is a zip bomb; a CRC
     * or size that does not match, or compressed data that ends early, is a corrupt zip.
     */
    InputStream open(String name) throws ReadException {
        Entry e = entries.get(key(name));
        if (e == null) {
            throw new ReadException(FindingCode.CORRUPT_WORKBOOK, "part", name);
        }
        if ((e.flags() & 1) != 0) {
            // Zip-level encryption (not Office's own): still a file that needs a password.
            throw new ReadException(FindingCode.ENCRYPTED, null);
        }
        if (e.size() > limits.maxEntryBytes()) {
            throw new ReadException(FindingCode.ZIP_BOMB, "size", e.name(), limits.maxEntryBytes() / (1024 * 1024));
        }
        long lo = e.localOffset();
        if (lo < 0 || lo + 30 > data.length || i32(data, (int) lo) != LOC) {
            throw new ReadException(FindingCode.CORRUPT_ZIP, "entry", e.name());
        }
        long start = lo + 30 + u16(data, (int) lo + 26) + u16(data, (int) lo + 28);
        if (start + e.compressedSize() > data.length) {
            throw new ReadException(FindingCode.CORRUPT_ZIP, "truncated");
        }
        return switch (e.method()) {
            case 0 -> {
                if (e.compressedSize() != e.size()) {
                    throw new ReadException(FindingCode.CORRUPT_ZIP, "entry", e.name());
                }
                yield new EntryStream(e, (int) start, null, limits);
            }
            case 8 -> {
                Inflater inf = spare != null ? spare : new Inflater(true);
                spare = null;
                inf.setInput(data, (int) start, (int) e.compressedSize());
                yield new EntryStream(e, (int) start, inf, limits);
            }
            default -> throw new ReadException(FindingCode.CORRUPT_ZIP, "method", e.name());
        };
    }

    /** Reads a small entry whole, e.g. the OpenDocument mimetype. */
    byte[] readAll(String name, int max) throws ReadException, IOException {
        try (InputStream in = open(name)) {
            return in.readNBytes(max);
        } catch (WrappedReadException w) {
            throw w.cause;
        }
    }

    /** A ReadException carried through InputStream.read, which may only throw IOException. */
    static final class WrappedReadException extends IOException {
        private static final long serialVersionUID = 1L;
        final transient ReadException cause;

        WrappedReadException(ReadException cause) {
            super(cause.getMessage(), null);
            this.cause = cause;
        }
    }

    private final class EntryStream extends InputStream {
        private final Entry e;
        private final Inflater inf;
        private final ReadLimits lim;
        private final CRC32 crc = new CRC32();
        private int pos;
        private long produced;
        private boolean done;
        private boolean closed;

        EntryStream(Entry e, int start, Inflater inf, ReadLimits lim) {
            this.e = e;
            this.inf = inf;
            this.lim = lim;
            this.pos = start;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n;
            if (inf == null) {
                long left = e.size() - produced;
                if (left <= 0) {
                    return finish();
                }
                n = (int) Math.min(len, left);
                System.arraycopy(data, pos, b, off, n);
                pos += n;
            } else {
                try {
                    n = inf.inflate(b, off, len);
                    while (n == 0) {
                        if (inf.finished()) {
                            return finish();
                        }
                        if (inf.needsInput() || inf.needsDictionary()) {
                            throw new WrappedReadException(new ReadException(FindingCode.CORRUPT_ZIP, "entry", e.name()));
                        }
                        n = inf.inflate(b, off, len);
                    }
                } catch (DataFormatException ex) {
                    throw new WrappedReadException(new ReadException(FindingCode.CORRUPT_ZIP, "entry", e.name()));
                }
            }
            produced += n;
            totalProduced += n;
            crc.update(b, off, n);
            check();
            return n;
        }

        private void check() throws WrappedReadException {
            if (totalProduced > lim.maxTotalBytes()) {
                throw new WrappedReadException(new ReadException(FindingCode.ZIP_BOMB, "total",
                        lim.maxTotalBytes() / (1024 * 1024)));
            }
            if (produced > lim.maxEntryBytes() || produced > e.size()) {
                if (produced > lim.maxEntryBytes()) {
                    throw new WrappedReadException(new ReadException(FindingCode.ZIP_BOMB, "size", e.name(),
                            lim.maxEntryBytes() / (1024 * 1024)));
                }
                throw new WrappedReadException(new ReadException(FindingCode.CORRUPT_ZIP, "entry", e.name()));
            }
            if (inf != null && produced > lim.inflateGraceBytes()) {
                double ratio = (double) inf.getBytesRead() / produced;
                if (ratio < lim.minInflateRatio()) {
                    throw new WrappedReadException(new ReadException(FindingCode.ZIP_BOMB, "ratio", e.name(),
                            lim.minInflateRatio()));
                }
            }
        }

        private int finish() throws WrappedReadException {
            done = true;
            if (produced != e.size() || crc.getValue() != e.crc()) {
                throw new WrappedReadException(new ReadException(FindingCode.CORRUPT_ZIP, "entry", e.name()));
            }
            return -1;
        }

        @Override
        public void close() {
            if (inf != null && !closed) {
                closed = true;
                if (spare == null) {
                    inf.reset();
                    spare = inf;
                } else {
                    inf.end();
                }
            }
        }
    }

    /** Releases the spare inflater's native memory. */
    @Override
    public void close() {
        if (spare != null) {
            spare.end();
            spare = null;
        }
    }

    static int u16(byte[] d, int p) {
        return (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8;
    }

    static long u32(byte[] d, int p) {
        return i32(d, p) & 0xFFFFFFFFL;
    }

    static int i32(byte[] d, int p) {
        return (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8 | (d[p + 2] & 0xFF) << 16 | (d[p + 3] & 0xFF) << 24;
    }

    static long u64(byte[] d, int p) {
        return u32(d, p) | u32(d, p + 4) << 32;
    }
}
