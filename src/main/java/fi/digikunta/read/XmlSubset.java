package fi.digikunta.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The character-level rules of {@link FastXml}'s subset of XML: text, references, names. */
final class XmlSubset {
    private XmlSubset() {
    }

    /** Something outside the subset: the part goes to StAX. Never leaves the reader's package. */
    static final class Unusual extends Exception {
        private static final long serialVersionUID = 1L;

        private Unusual() {
            super(null, null, false, false);
        }
    }

    /** Shared and without a stack trace: thrown only to abandon the fast path, never reported. */
    static final Unusual UNUSUAL = new Unusual();

    /** The XML declarations taken: version 1.0, encoding UTF-8, standalone. Compiled once, not per part. */
    static final Pattern DECLARATION = Pattern.compile("<\\?xml version=([\"'])1\\.0\\1( encoding=([\"'])(?i:utf-8)\\3)?"
            + "( standalone=([\"'])(yes|no)\\5)? ?\\?>");

    /** Where the XML declaration at p ends, when it has one of the exact shapes writers use ({@link #DECLARATION}). */
    static int declarationEnd(byte[] b, int p) throws Unusual {
        int end = indexOf(b, "?>", p);
        if (end < 0 || !DECLARATION.matcher(new String(b, p, end + 2 - p, StandardCharsets.ISO_8859_1)).matches()) {
            throw UNUSUAL;
        }
        return end + 2;
    }

    /** The local part of a qualified name. */
    static String local(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    /** Whether the ASCII string s stands in b at p (a test there, not a search through the rest). */
    static boolean startsWith(byte[] b, String s, int p) {
        if (p + s.length() > b.length) {
            return false;
        }
        for (int j = 0; j < s.length(); j++) {
            if (b[p + j] != s.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** Where the ASCII string s starts in b at or after from; -1 when nowhere. */
    static int indexOf(byte[] b, String s, int from) {
        outer:
        for (int i = from; i + s.length() <= b.length; i++) {
            for (int j = 0; j < s.length(); j++) {
                if (b[i + j] != s.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Where the CDATA section starting at p ends (the index of its "]]>"), its bytes checked in the
     * same pass as {@link #check} without references checks them; anything else starting "<!" there
     * (a comment, a DOCTYPE) is outside the subset.
     */
    static int cdataEnd(byte[] b, int p) throws Unusual {
        int i = p + 9;
        if (!startsWith(b, "<![CDATA[", p)) {
            throw UNUSUAL;
        }
        while (i < b.length) {
            int c = b[i];
            // The common case in a tight loop of its own: C1 compiles it to a few instructions a byte.
            while (c >= 0x20 && c != ']' && ++i < b.length) {
                c = b[i];
            }
            if (i == b.length) {
                break;
            }
            if (c == ']' && i + 2 < b.length && b[i + 1] == ']' && b[i + 2] == '>') {
                return i;
            } else if (c >= 0x20 || c == '\t' || c == '\n') {
                i++;
            } else if (c < 0) {
                i = sequenceEnd(b, i, b.length);
            } else {
                throw UNUSUAL;
            }
        }
        throw UNUSUAL;
    }

    /** The characters of a CDATA section as they stand (no references), under the same checks as text. */
    static String raw(byte[] b, int from, int to) throws Unusual {
        return check(b, from, to, false) ? new String(b, from, to - from, StandardCharsets.ISO_8859_1)
                : new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** The characters of b[from, to) with references resolved; only characters XML 1.0 allows. */
    static String chars(byte[] b, int from, int to) throws Unusual {
        if (check(b, from, to, true)) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        StringBuilder s = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int amp = i;
            while (amp < to && b[amp] != '&') {
                amp++;
            }
            s.append(new String(b, i, amp - i, StandardCharsets.UTF_8));
            if (amp == to) {
                break;
            }
            int semi = referenceEnd(b, amp, to);
            reference(s, new String(b, amp + 1, semi - amp - 1, StandardCharsets.ISO_8859_1));
            i = semi + 1;
        }
        return s.toString();
    }

    /**
     * Whether b[from, to) is text the subset takes, checked on the bytes without making a string:
     * well-formed UTF-8 of characters XML 1.0 allows (not U+FFFD, which is also what a malformed
     * sequence decodes to: StAX decides those, nor U+FFFE or U+FFFF), no control characters but tab
     * and newline, and with refs, references the subset knows. True when the bytes are ASCII without
     * a reference, which are then the characters as they stand.
     */
    static boolean check(byte[] b, int from, int to, boolean refs) throws Unusual {
        boolean plain = true;
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0x20 && (c != '&' || !refs)) {
                i++;
            } else if (c < 0) {
                i = sequenceEnd(b, i, to);
                plain = false;
            } else if (c == '&') {
                i = referenceEnd(b, i, to) + 1;
                plain = false;
            } else if (c == '\t' || c == '\n') {
                i++;
            } else {
                throw UNUSUAL;
            }
        }
        return plain;
    }

    /**
     * Where the text at p ends (at the next '<'), checked in the same pass as {@link #check} with
     * references checks it; "]]>" in text and text running to the end are outside the subset.
     */
    static int textEnd(byte[] b, int p) throws Unusual {
        int i = p;
        while (i < b.length) {
            int c = b[i];
            // Letters, digits and most punctuation in a tight loop of their own (none of <, >, &).
            while ((c > '>' || c >= '\'' && c <= ';') && ++i < b.length) {
                c = b[i];
            }
            if (i == b.length) {
                break;
            }
            if (c > '>' || c >= 0x20 && c != '&' && c != '<' && c != '>') {
                i++;
            } else if (c == '<') {
                return i;
            } else if (c == '>') {
                if (i >= p + 2 && b[i - 1] == ']' && b[i - 2] == ']') {
                    throw UNUSUAL;
                }
                i++;
            } else if (c < 0) {
                i = sequenceEnd(b, i, b.length);
            } else if (c == '&') {
                i = referenceEnd(b, i, b.length) + 1;
            } else if (c == '\t' || c == '\n') {
                i++;
            } else {
                throw UNUSUAL;
            }
        }
        throw UNUSUAL;
    }

    /** Where the well-formed UTF-8 sequence of two to four bytes at i ends (Unicode's table 3-7). */
    private static int sequenceEnd(byte[] b, int i, int to) throws Unusual {
        int c = b[i] & 0xFF;
        int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (len == 0 || i + len > to) {
            throw UNUSUAL;
        }
        // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
        int second = b[i + 1] & 0xFF;
        int low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        int high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
            throw UNUSUAL;
        }
        for (int k = 2; k < len; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                throw UNUSUAL;
            }
        }
        if (c == 0xEF && second == 0xBF && (b[i + 2] & 0xFF) >= 0xBD) {
            throw UNUSUAL;
        }
        return i + len;
    }

    /** The index of the ';' ending the reference at amp, which names a predefined entity or an allowed character. */
    private static int referenceEnd(byte[] b, int amp, int to) throws Unusual {
        int semi = amp + 1;
        while (semi < to && semi - amp < 12 && b[semi] != ';' && b[semi] != '<') {
            semi++;
        }
        if (semi >= to || b[semi] != ';') {
            throw UNUSUAL;
        }
        if (!predefined(b, amp + 1, semi)) {
            codePoint(new String(b, amp + 1, semi - amp - 1, StandardCharsets.ISO_8859_1));
        }
        return semi;
    }

    private static boolean predefined(byte[] b, int from, int to) {
        int n = to - from;
        return n == 2 && (b[from] == 'l' || b[from] == 'g') && b[from + 1] == 't'
                || n == 3 && b[from] == 'a' && b[from + 1] == 'm' && b[from + 2] == 'p'
                || n == 4 && (b[from] == 'q' && b[from + 1] == 'u' && b[from + 2] == 'o' && b[from + 3] == 't'
                        || b[from] == 'a' && b[from + 1] == 'p' && b[from + 2] == 'o' && b[from + 3] == 's');
    }

    private static void reference(StringBuilder s, String ref) throws Unusual {
        switch (ref) {
            case "lt" -> s.append('<');
            case "gt" -> s.append('>');
            case "amp" -> s.append('&');
            case "quot" -> s.append('"');
            case "apos" -> s.append('\'');
            default -> s.appendCodePoint(codePoint(ref));
        }
    }

    private static int codePoint(String ref) throws Unusual {
        int cp;
        try {
            if (ref.startsWith("#x")) {
                cp = Integer.parseInt(ref.substring(2), 16);
            } else if (ref.startsWith("#")) {
                cp = Integer.parseInt(ref.substring(1));
            } else {
                throw UNUSUAL;
            }
        } catch (NumberFormatException e) {
            throw UNUSUAL;
        }
        boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
        if (!allowed || ref.indexOf('+') >= 0 || ref.indexOf('-') >= 0) {
            throw UNUSUAL;
        }
        return cp;
    }

    /** What each ASCII byte is in a name: 1 may start one, 2 may follow, 3 is the colon; 0 is none. */
    static final byte[] NAME_CHARS = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            boolean other = c >= '0' && c <= '9' || c == '-' || c == '.';
            NAME_CHARS[c] = (byte) (letter ? 1 : other ? 2 : c == ':' ? 3 : 0);
        }
    }

    /** Names seen before, so that each element's name is not a new string, with their local parts. */
    static final class Names {
        private final String[] slots = new String[512];
        private final String[] locals = new String[512];
        // The bytes of each slot's name, compared as bytes: String.charAt per byte was the reader's
        // hottest line in a cold run (docs/performance.md, session 10).
        private final byte[][] raw = new byte[512][];

        /** The slot holding the name b[start, start + len), whose hash h the tokenizer made as it read it. */
        int slot(byte[] b, int start, int len, int h) {
            int slot = (h ^ h >>> 9) & (slots.length - 1);
            byte[] k = raw[slot];
            if (k != null && k.length == len) {
                // A loop, not Arrays.equals: names are a few bytes, and its checks and call cost more in C1's code.
                int i = 0;
                while (i < len && k[i] == b[start + i]) {
                    i++;
                }
                if (i == len) {
                    return slot;
                }
            }
            String s = new String(b, start, len, StandardCharsets.ISO_8859_1);
            slots[slot] = s;
            locals[slot] = XmlSubset.local(s);
            raw[slot] = Arrays.copyOfRange(b, start, start + len);
            return slot;
        }

        String name(int slot) {
            return slots[slot];
        }

        /** The local part: the name itself (the same string) when it has no prefix. */
        String local(int slot) {
            return locals[slot];
        }
    }
}
