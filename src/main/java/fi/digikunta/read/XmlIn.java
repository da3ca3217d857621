package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XML part of the zip read by local names only (so that both transitional and Strict OOXML
 * namespaces read alike): tokenized by {@link FastXml} when it is plain XML, as most parts are, else
 * read with the JDK's StAX parser. DTDs are not supported and external entities
 * are never resolved: a DOCTYPE anywhere is the file's rejection ({@code xml-doctype}). Every parse
 * error becomes {@code corrupt-workbook} naming the part and line.
 */
final class XmlIn implements AutoCloseable {
    private final XMLStreamReader r;
    private final InputStream in;
    /** The part already tokenized (the usual case), or null when StAX reads it (r and in). */
    private final FastXml fast;
    private final String part;
    private final Budget budget;

    private XmlIn(XMLStreamReader r, InputStream in, FastXml fast, String part, Budget budget) {
        this.r = r;
        this.in = in;
        this.fast = fast;
        this.part = part;
        this.budget = budget;
    }

    /** The JDK implementation's property for handing out a closed reader again. */
    static final String REUSE_INSTANCE = "reuse-instance";

    /** A StAX factory that cannot be made to read a DTD or an external entity. */
    static XMLInputFactory factory() {
        // The JDK's own implementation, whatever else is on the class path.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are never resolved");
        });
        // The JDK's factory can hand out its last reader again once it is closed, instead of building
        // a new scanner and its buffers for every part; used by one thread at a time (see
        // StaxWorkbookReader), it is set last so that no other setting comes after it.
        if (f.isPropertySupported(REUSE_INSTANCE)) {
            f.setProperty(REUSE_INSTANCE, Boolean.TRUE);
        }
        return f;
    }

    static XmlIn open(XMLInputFactory f, ZipArchive zip, String part, Budget budget) throws ReadException {
        budget.checkTime();
        FastXml fast = FastXml.read(zip, part, budget.arrays);
        return fast != null ? new XmlIn(null, null, fast, part, budget) : openStax(f, zip, part, budget);
    }

    /** The part read by StAX, as a stream: what every part outside {@link FastXml}'s subset gets. */
    static XmlIn openStax(XMLInputFactory f, ZipArchive zip, String part, Budget budget) throws ReadException {
        InputStream in = zip.open(part);
        try {
            return new XmlIn(f.createXMLStreamReader(decoded(in)), in, null, part, budget);
        } catch (XMLStreamException | IOException e) {
            closeQuietly(in);
            throw failure(e, part);
        }
    }

    /**
     * The part's characters, decoded here rather than by the parser: for bytes that are not valid in
     * the part's encoding the JDK's parser prints "[Fatal Error] ..." to standard error (with no file
     * name) before throwing, whereas a failing decoder only throws. The encoding is found as XML 1.0
     * appendix F says: a byte order mark, else the declaration's encoding, else UTF-8.
     */
    static Reader decoded(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        in.mark(256);
        byte[] head = in.readNBytes(256);
        in.reset();
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (head.length >= 2 && head[0] == 0 && head[1] == '<') {
            cs = StandardCharsets.UTF_16BE;
        } else if (head.length >= 2 && head[0] == '<' && head[1] == 0) {
            cs = StandardCharsets.UTF_16LE;
        } else {
            cs = declared(new String(head, StandardCharsets.ISO_8859_1));
        }
        in.skipNBytes(skip);
        return new InputStreamReader(in, cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The encoding named in an XML declaration at the start of {@code head}; UTF-8 when none or unknown. */
    static Charset declared(String head) {
        if (!head.startsWith("<?xml")) {
            return StandardCharsets.UTF_8;
        }
        int end = head.indexOf("?>");
        String decl = end < 0 ? head : head.substring(0, end);
        int i = decl.indexOf("encoding");
        if (i < 0) {
            return StandardCharsets.UTF_8;
        }
        int q = i + 8;
        while (q < decl.length() && (decl.charAt(q) == ' ' || decl.charAt(q) == '=' || decl.charAt(q) == '\t')) {
            q++;
        }
        if (q >= decl.length() || (decl.charAt(q) != '"' && decl.charAt(q) != '\'')) {
            return StandardCharsets.UTF_8;
        }
        int close = decl.indexOf(decl.charAt(q), q + 1);
        if (close < 0) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(decl.substring(q + 1, close).trim());
        } catch (IllegalArgumentException e) {
            // An unknown or unsupported name: read as UTF-8, as the parser itself would fail to.
            return StandardCharsets.UTF_8;
        }
    }

    /** The next event; a DTD is rejected before anything it declares could be used. */
    int next() throws ReadException {
        budget.tick();
        try {
            int e = fast != null ? fast.next() : r.next();
            if (e == XMLStreamConstants.DTD || e == XMLStreamConstants.ENTITY_DECLARATION
                    || e == XMLStreamConstants.NOTATION_DECLARATION) {
                throw new ReadException(FindingCode.XML_DOCTYPE, null, part);
            }
            if (e == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new ReadException(FindingCode.XML_DOCTYPE, null, part);
            }
            return e;
        } catch (XMLStreamException | RuntimeException ex) {
            throw failure(ex, part);
        }
    }

    boolean hasNext() throws ReadException {
        try {
            return fast != null ? fast.hasNext() : r.hasNext();
        } catch (XMLStreamException e) {
            throw failure(e, part);
        }
    }

    String local() {
        return fast != null ? fast.string() : r.getLocalName();
    }

    /** The number of attributes of the current start element. */
    int attrCount() {
        return fast != null ? fast.attrCount() : r.getAttributeCount();
    }

    /** The local name of attribute i of the current start element. */
    String attrLocal(int i) {
        return fast != null ? fast.attrLocal(i) : r.getAttributeLocalName(i);
    }

    /** The value of attribute i of the current start element. */
    String attrValue(int i) {
        return fast != null ? fast.attrValue(i) : r.getAttributeValue(i);
    }

    /** The value of the attribute with this local name, whatever its namespace; null when absent. */
    String attr(String localName) {
        for (int i = 0, n = attrCount(); i < n; i++) {
            if (localName.equals(attrLocal(i))) {
                return attrValue(i);
            }
        }
        return null;
    }

    /**
     * The text of the current element, up to its end; text of nested elements is included. Longer
     * than maxChars is a read-limit rejection, checked as the text arrives.
     */
    String text(int maxChars) throws ReadException {
        Joined text = new Joined(part, maxChars);
        int depth = 1;
        while (depth > 0) {
            int e = next();
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.add(fast != null ? fast.string() : r.getText());
                case XMLStreamConstants.END_DOCUMENT -> throw new ReadException(FindingCode.CORRUPT_WORKBOOK, null,
                        part);
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** Skips the current element and everything in it. */
    void skip() throws ReadException {
        Children c = children();
        while (c.next()) {
            c.enter();
        }
    }

    /** The start elements inside the current element, up to its end. */
    Children children() {
        return new Children();
    }

    /**
     * Walks the inside of one element: {@link #next} stops at each start element, which the caller
     * either reads whole ({@link XmlIn#text}, {@link XmlIn#skip}) or {@link #enter}s to see its children.
     */
    final class Children {
        private int depth = 1;

        /** Moves to the next start element inside; false at the end of the walked element. */
        boolean next() throws ReadException {
            while (true) {
                int e = XmlIn.this.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
                if (e == XMLStreamConstants.END_ELEMENT && --depth == 0) {
                    return false;
                }
                if (e == XMLStreamConstants.END_DOCUMENT) {
                    throw new ReadException(FindingCode.CORRUPT_WORKBOOK, null, part);
                }
            }
        }

        /** Goes into the start element just returned, so that its children come next. */
        void enter() {
            depth++;
        }
    }

    /** Text pieces joined up to a length: a lone piece (most cells have one) is kept without copying. */
    static final class Joined {
        private final String part;
        private final int maxChars;
        private String single;
        private StringBuilder b;

        Joined(String part, int maxChars) {
            this.part = part;
            this.maxChars = maxChars;
        }

        void add(String t) throws ReadException {
            if (single == null && b == null) {
                single = t;
            } else {
                if (b == null) {
                    b = new StringBuilder(single);
                }
                b.append(t);
            }
            int len = b != null ? b.length() : single.length();
            if (len > maxChars) {
                throw new ReadException(FindingCode.READ_LIMIT, "text", part, maxChars);
            }
        }

        @Override
        public String toString() {
            return b != null ? b.toString() : single == null ? "" : single;
        }
    }

    /** An attribute or value as an int; null when absent or not a number. */
    static Integer intOrNull(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String part() {
        return part;
    }

    @Override
    public void close() {
        if (fast != null) {
            fast.release();
            return;
        }
        try {
            r.close();
        } catch (XMLStreamException e) {
            // Nothing to release beyond the stream closed below.
        }
        closeQuietly(in);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // An in-memory stream: closing cannot fail in a way that matters.
        }
    }

    /** The reader's reason for a parser exception: a limit or zip problem raised below it, or a damaged part. */
    static ReadException failure(Throwable t, String part) {
        for (Throwable c = t; c != null; c = next(c)) {
            if (c instanceof ZipArchive.WrappedReadException w) {
                return w.cause;
            }
            if (c instanceof ReadException re) {
                return re;
            }
        }
        String where = part;
        if (t instanceof XMLStreamException x && x.getLocation() != null && x.getLocation().getLineNumber() > 0) {
            where = part + ":" + x.getLocation().getLineNumber();
        }
        return new ReadException(FindingCode.CORRUPT_WORKBOOK, null, where);
    }

    private static Throwable next(Throwable c) {
        if (c instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != c) {
            return x.getNestedException();
        }
        return c.getCause() == c ? null : c.getCause();
    }

    /** Per-file budget: the time limit, counted cells, merged ranges and shared-string characters. */
    static final class Budget {
        final ReadLimits limits;
        private final Deadline deadline;
        int cells;
        int mergedRanges;
        long sharedStringChars;
        private int ticks;
        /** The tokenizer's arrays, passed from part to part of the file. */
        final TokenArrays arrays = new TokenArrays();

        Budget(ReadLimits limits, Deadline deadline) {
            this.limits = limits;
            this.deadline = deadline;
        }

        /** Counts one parser event; the clock is looked at every 1024 events. */
        void tick() throws ReadException {
            if ((++ticks & 0x3FF) == 0) {
                checkTime();
            }
        }

        void checkTime() throws ReadException {
            if (deadline.passed()) {
                throw new ReadException(FindingCode.READ_LIMIT, "time", deadline.seconds());
            }
        }
    }
}
