package fi.digikunta.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import fi.digikunta.read.XmlSubset.Unusual;
import javax.xml.stream.XMLStreamConstants;

/**
 * A part of the zip tokenized whole before anyone reads it, for the plain XML that spreadsheet
 * programs write: UTF-8, no DTD, no comments or processing instructions, only the predefined
 * entities and character references, ASCII names, no carriage returns. Anything outside that subset,
 * anything malformed, or a part larger than {@link #MAX_BYTES} gives null, and the part is then read
 * by the JDK's StAX parser as before, so errors, rejections and odd files behave exactly as they did.
 * Why: on the subset this gives the same events as StAX (start and end elements by local name, their
 * attributes without the namespace declarations, text) for a fraction of the CPU; reading was most of
 * a run's time (docs/performance.md).
 */
final class FastXml {
    /** Larger parts go to StAX, which streams them. */
    static final int MAX_BYTES = 4 << 20;
    private static final int MAX_NAME = 200;
    // Real OOXML elements carry about 20 attributes and parts a dozen namespace declarations; more
    // goes to StAX, so that the pairwise checks below stay small (the tokenizer has no deadline checks).
    private static final int MAX_ATTRS = 64;

    private static final Unusual UNUSUAL = XmlSubset.UNUSUAL;
    private static final byte[] NAME_CHARS = XmlSubset.NAME_CHARS;

    private final byte[] b;
    private int p;
    private final TokenArrays arrays;
    private final XmlSubset.Names names;
    // Events: type, then the local name (elements) or text (characters, made when asked for), and the
    // element's attributes (for characters: where the text is).
    private int n;
    private int[] types;
    private String[] strings;
    private int[] attrStart, attrEnd;
    private int na;
    /** The attributes' local names, values and qualified names (kept for the checks). */
    private String[] attrLocal, attrValue, attrQName;
    // Open elements (qualified names) and the namespace prefixes in scope.
    private String[] open = new String[32];
    private int depth;
    private final Prefixes prefixes = new Prefixes();
    private int cur = -1; // reading position
    private int slot; // the names' slot of the name last read, for its local part

    private FastXml(byte[] b, int start, TokenArrays reuse) {
        this.b = b;
        this.p = start;
        // Sized from the part (a worksheet of values has an event per 9-10 bytes), at most 8,192 to
        // start with: the summary tab's 283 KB are mostly formulas, with an event per 60 bytes.
        int events = Math.max(256, Math.min(b.length / 8, 1 << 13));
        int attrs = Math.max(256, Math.min(b.length / 10, 1 << 13));
        arrays = reuse != null && reuse.take() ? reuse : new TokenArrays();
        names = arrays.names;
        types = arrays.ints(0, events);
        strings = arrays.strings(0, events);
        attrStart = arrays.ints(1, events);
        attrEnd = arrays.ints(2, events);
        attrLocal = arrays.strings(1, attrs);
        attrValue = arrays.strings(2, attrs);
        attrQName = arrays.strings(3, attrs);
    }

    /** Gives the arrays back for the file's next part: this part is not read after. */
    void release() {
        arrays.give(new int[][] {types, attrStart, attrEnd}, new String[][] {strings, attrLocal, attrValue, attrQName});
    }

    /** The part tokenized, or null when StAX must read it (unusual, malformed, too large or unreadable). */
    static FastXml read(ZipArchive zip, String part, TokenArrays reuse) throws ReadException {
        long size = zip.declaredSize(part);
        if (size < 0 || size > MAX_BYTES) {
            // Too large (StAX streams it, instead of inflating it twice) or no such part (StAX says so).
            return null;
        }
        byte[] bytes = new byte[(int) size];
        try (InputStream in = zip.open(part)) {
            // Reading past the end checks the CRC and that the data is no longer than declared.
            if (in.readNBytes(bytes, 0, bytes.length) != bytes.length || in.read() != -1) {
                return null;
            }
        } catch (IOException e) {
            // A zip problem: StAX reads the part again as a stream, so the same error comes at the same point.
            return null;
        }
        return tokenize(bytes, reuse);
    }

    /** The bytes of one XML part tokenized with the arrays of {@code reuse} (null: new ones), or null when outside the subset. */
    static FastXml tokenize(byte[] bytes, TokenArrays reuse) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        FastXml x = new FastXml(bytes, start, reuse);
        try {
            x.document();
        } catch (Unusual | RuntimeException e) {
            x.release();
            return null;
        }
        return x;
    }

    private void document() throws Unusual {
        if (XmlSubset.startsWith(b, "<?xml", p)) {
            p = XmlSubset.declarationEnd(b, p);
        }
        spaces();
        if (p >= b.length || b[p] != '<') {
            throw UNUSUAL;
        }
        element();
        while (depth > 0) {
            if (p >= b.length) {
                throw UNUSUAL;
            }
            if (b[p] == '<') {
                if (p + 1 < b.length && b[p + 1] == '/') {
                    endTag();
                } else if (p + 1 < b.length && b[p + 1] == '!') {
                    cdata();
                } else {
                    element();
                }
            } else {
                text();
            }
        }
        spaces();
        if (p != b.length) {
            throw UNUSUAL;
        }
        event(XMLStreamConstants.END_DOCUMENT, null);
    }

    private void element() throws Unusual {
        p++;
        String qname = name();
        String local = names.local(slot);
        int first = na;
        int declared = prefixes.count();
        while (true) {
            boolean space = spaces();
            if (p >= b.length) {
                throw UNUSUAL;
            }
            if (b[p] == '/' || b[p] == '>') {
                break;
            }
            if (!space) {
                throw UNUSUAL;
            }
            attribute(first);
        }
        prefixes.check(declared);
        if (local != qname) {
            prefixes.bound(qname, false);
        }
        for (int i = first; i < na; i++) {
            if (attrLocal[i] != attrQName[i]) {
                prefixes.bound(attrQName[i], true);
            }
        }
        push(qname);
        event(XMLStreamConstants.START_ELEMENT, local);
        attrStart[n - 1] = first;
        attrEnd[n - 1] = na;
        if (b[p] == '/') {
            if (p + 1 >= b.length || b[p + 1] != '>') {
                throw UNUSUAL;
            }
            p += 2;
            event(XMLStreamConstants.END_ELEMENT, strings[n - 1]);
            pop();
        } else {
            p++;
        }
    }

    private void attribute(int first) throws Unusual {
        String qname = name();
        String local = names.local(slot);
        spaces();
        expect('=');
        spaces();
        if (p >= b.length || b[p] != '"' && b[p] != '\'') {
            throw UNUSUAL;
        }
        byte quote = b[p++];
        int end = p;
        while (end < b.length && b[end] != quote) {
            byte c = b[end++];
            if (c == '<' || c == '\t' || c == '\n' || c == '\r') {
                throw UNUSUAL;
            }
        }
        if (end >= b.length) {
            throw UNUSUAL;
        }
        String value = XmlSubset.chars(b, p, end);
        p = end + 1;
        if (qname.equals("xmlns") || qname.startsWith("xmlns:")) {
            prefixes.declare(qname, value, depth);
            return;
        }
        if (na - first >= MAX_ATTRS) {
            throw UNUSUAL;
        }
        boolean prefixed = local != qname; // the local part is the name itself when it has no prefix
        for (int i = first; i < na; i++) {
            // The same name twice is an error; the same local name under prefixes may be one too.
            if (attrQName[i].equals(qname) || (prefixed || attrLocal[i] != attrQName[i]) && attrLocal[i].equals(local)) {
                throw UNUSUAL;
            }
        }
        if (na == attrLocal.length) {
            attrLocal = Arrays.copyOf(attrLocal, na * 2);
            attrValue = Arrays.copyOf(attrValue, na * 2);
            attrQName = Arrays.copyOf(attrQName, na * 2);
        }
        attrLocal[na] = local;
        attrValue[na] = value;
        attrQName[na++] = qname;
    }

    private void endTag() throws Unusual {
        p += 2;
        String qname = name();
        spaces();
        expect('>');
        if (!qname.equals(open[depth - 1])) {
            throw UNUSUAL;
        }
        event(XMLStreamConstants.END_ELEMENT, names.local(slot));
        pop();
    }

    private void push(String qname) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = qname;
    }

    private void pop() {
        depth--;
        prefixes.leave(depth);
    }

    /** Text up to the next markup, as one characters event. */
    private void text() throws Unusual {
        int end = XmlSubset.textEnd(b, p);
        text(p, end);
        p = end;
    }

    /**
     * A characters event whose string is made when first asked for ({@link #string}): most of a
     * return's text is its formulas, which the reader skips. Checked now, so that anything outside
     * the subset still sends the whole part to StAX. A CDATA section's start is kept as -start - 1.
     */
    private void text(int from, int to) {
        event(XMLStreamConstants.CHARACTERS, null);
        attrStart[n - 1] = from;
        attrEnd[n - 1] = to;
    }

    /** A CDATA section (POI writes long formulas so) as one characters event; XmlIn joins adjacent text. */
    private void cdata() throws Unusual {
        int end = XmlSubset.cdataEnd(b, p);
        text(-(p + 9) - 1, end);
        p = end + 3;
    }

    /** An ASCII name with at most one colon, neither first nor last; its slot in the names is kept in {@link #slot}. */
    private String name() throws Unusual {
        int start = p;
        int colon = -1;
        int h = 0;
        while (p < b.length) {
            int c = b[p];
            int k = c >= 0 ? NAME_CHARS[c] : 0;
            if (k == 1 || k == 2 && p > start && p - 1 != colon || k == 3 && colon < 0 && p > start) {
                colon = k == 3 ? p : colon;
                h = 31 * h + c;
                p++;
            } else {
                break;
            }
        }
        if (p == start || p - start > MAX_NAME || colon == p - 1) {
            throw UNUSUAL;
        }
        slot = names.slot(b, start, p - start, h);
        return names.name(slot);
    }

    private boolean spaces() {
        int start = p;
        while (p < b.length && (b[p] == ' ' || b[p] == '\n' || b[p] == '\t' || b[p] == '\r')) {
            p++;
        }
        return p > start;
    }

    private void expect(char c) throws Unusual {
        if (p >= b.length || b[p] != c) {
            throw UNUSUAL;
        }
        p++;
    }

    private void event(int type, String s) {
        if (n == types.length) {
            types = Arrays.copyOf(types, n * 2);
            strings = Arrays.copyOf(strings, n * 2);
            attrStart = Arrays.copyOf(attrStart, n * 2);
            attrEnd = Arrays.copyOf(attrEnd, n * 2);
        }
        types[n] = type;
        strings[n] = s;
        attrStart[n] = 0;
        attrEnd[n] = 0;
        n++;
    }

    // Reading, in the shape of XMLStreamReader's methods that XmlIn uses.

    boolean hasNext() {
        return cur < 0 || types[cur] != XMLStreamConstants.END_DOCUMENT;
    }

    int next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("after the end of the document");
        }
        return types[++cur];
    }

    /** The local name of the current element, or the text of the current characters event. */
    String string() {
        String s = strings[cur];
        if (s == null && types[cur] == XMLStreamConstants.CHARACTERS) {
            int from = attrStart[cur];
            try {
                s = from < 0 ? XmlSubset.raw(b, -from - 1, attrEnd[cur]) : XmlSubset.chars(b, from, attrEnd[cur]);
            } catch (Unusual e) {
                throw new IllegalStateException("text outside the subset, checked when tokenized", e);
            }
            strings[cur] = s;
        }
        return s;
    }

    int attrCount() {
        return types[cur] == XMLStreamConstants.START_ELEMENT ? attrEnd[cur] - attrStart[cur] : 0;
    }

    String attrLocal(int i) {
        return attrLocal[attrStart[cur] + i];
    }

    String attrValue(int i) {
        return attrValue[attrStart[cur] + i];
    }
}
