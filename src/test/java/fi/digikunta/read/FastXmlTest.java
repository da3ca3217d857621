package fi.digikunta.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * FastXml must give exactly the events StAX gives wherever it takes a part, and leave every part
 * outside its subset (or malformed) to StAX.
 */
class FastXmlTest {
    private static final XMLInputFactory F = XmlIn.factory();

    /** StAX's events in XmlIn's terms (local names, attributes without namespace declarations, text joined). */
    static List<String> stax(byte[] xml) throws Exception {
        XMLStreamReader r = F.createXMLStreamReader(XmlIn.decoded(new ByteArrayInputStream(xml)));
        List<String> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.SPACE || e == XMLStreamConstants.CDATA) {
                text.append(r.getText());
                continue;
            }
            flush(out, text);
            if (e == XMLStreamConstants.START_ELEMENT) {
                StringBuilder s = new StringBuilder("<" + r.getLocalName());
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    s.append(' ').append(r.getAttributeLocalName(i)).append("=[").append(r.getAttributeValue(i))
                            .append(']');
                }
                out.add(s.toString());
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                out.add("</" + r.getLocalName());
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                out.add("end");
            } else {
                out.add("other " + e);
            }
        }
        r.close();
        return out;
    }

    static List<String> fast(FastXml x) {
        List<String> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (x.hasNext()) {
            int e = x.next();
            if (e == XMLStreamConstants.CHARACTERS) {
                text.append(x.string());
                continue;
            }
            flush(out, text);
            if (e == XMLStreamConstants.START_ELEMENT) {
                StringBuilder s = new StringBuilder("<" + x.string());
                for (int i = 0; i < x.attrCount(); i++) {
                    s.append(' ').append(x.attrLocal(i)).append("=[").append(x.attrValue(i)).append(']');
                }
                out.add(s.toString());
            } else {
                out.add(e == XMLStreamConstants.END_ELEMENT ? "</" + x.string() : "end");
            }
        }
        return out;
    }

    private static void flush(List<String> out, StringBuilder text) {
        if (text.length() > 0) {
            out.add("text[" + text + "]");
            text.setLength(0);
        }
    }

    /** Whenever FastXml takes a part, StAX reads it without error and gives the same events. */
    static boolean sameAsStax(byte[] xml, String what) {
        return sameAsStax(xml, what, null);
    }

    /** As above, with the arrays a file's earlier parts used (null: new ones). */
    static boolean sameAsStax(byte[] xml, String what, TokenArrays arrays) {
        FastXml x = FastXml.tokenize(xml, arrays);
        if (x == null) {
            return false;
        }
        try {
            assertEquals(stax(xml), fast(x), what);
        } catch (Exception e) {
            throw new AssertionError(what + ": FastXml took a part StAX rejects: " + e, e);
        } finally {
            x.release();
        }
        return true;
    }

    private static boolean same(String xml) {
        return sameAsStax(xml.getBytes(StandardCharsets.UTF_8), xml);
    }

    @Test
    void aPartOpenedWhileAnotherHoldsTheArraysGetsItsOwn() throws Exception {
        TokenArrays arrays = new TokenArrays();
        byte[] big = ("<a>" + "<b x=\"1\">t</b>".repeat(500) + "</a>").getBytes(StandardCharsets.UTF_8);
        byte[] small = "<c y=\"2\">u</c>".getBytes(StandardCharsets.UTF_8);
        FastXml.tokenize(big, arrays).release(); // arrays kept, large enough for both parts
        FastXml first = FastXml.tokenize(big, arrays);
        FastXml second = FastXml.tokenize(small, arrays);
        assertEquals(stax(small), fast(second));
        assertEquals(stax(big), fast(first));
        second.release();
        first.release();
        // Given back, the arrays serve the next part: a small part after a large one reads only its own.
        FastXml third = FastXml.tokenize(small, arrays);
        assertEquals(stax(small), fast(third));
        third.release();
    }

    @Test
    void everyPartOfTheSampleAndTestWorkbooksReadsAsWithStax() throws Exception {
        int taken = 0;
        int parts = 0;
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("samples/inbox")), Files.walk(Path.of("src/test/resources")))) {
            files = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        for (Path file : files) {
            ZipArchive zip;
            try {
                zip = ZipArchive.open(Files.readAllBytes(file), ReadLimits.DEFAULT);
            } catch (ReadException e) {
                continue;
            }
            // One file's parts share their arrays, as in reading: each part's events are its own.
            TokenArrays arrays = new TokenArrays();
            for (ZipArchive.Entry e : zip.entries()) {
                if (!e.name().endsWith(".xml") && !e.name().endsWith(".rels")) {
                    continue;
                }
                byte[] xml;
                try {
                    xml = zip.readAll(e.name(), FastXml.MAX_BYTES);
                } catch (ReadException | java.io.IOException ex) {
                    continue;
                }
                parts++;
                taken += sameAsStax(xml, file + "!" + e.name(), arrays) ? 1 : 0;
            }
        }
        assertTrue(files.size() > 40, "workbooks found: " + files.size());
        // Nearly every part of real and generated workbooks is in the subset; the few others went to StAX.
        assertTrue(taken > parts * 19 / 20, taken + " of " + parts + " parts tokenized");
    }

    @Test
    void plainXmlWithReferencesPrefixesAndUnicodeReadsAsWithStax() {
        assertTrue(same("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet"
                + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"urn:r\">"
                + "<sheetData><row r=\"1\" spans=\"1:2\"><c r=\"A1\" t=\"s\" s=\"3\"><v>0</v></c><c r=\"B1\""
                + " r:id='x&amp;y&#65;&#x42;'><v>1.5</v></c></row><row r=\"2\"/></sheetData></worksheet>"));
        assertTrue(same("<x:sst xmlns:x=\"urn:x\"><x:si><x:t xml:space=\"preserve\"> Åbo &lt;ä&gt; 😀 "
                + "&quot;&apos; \t\n</x:t></x:si></x:sst>"));
        assertTrue(same("\uFEFF<a b=\"&#13;&#10;\" c='&#x1F600;'>x<b/>y<c></c>  </a>\n"));
        assertTrue(same("<a><b xmlns:p=\"urn:1\"><p:c p:d=\"1\"/></b><b xmlns=\"urn:2\"/></a>"));
    }

    @Test
    void cdataSectionsReadAsWithStax() {
        // Their text as it stands (no references), joined with the text around them, and nothing ends one but "]]>".
        assertTrue(same("<a><f><![CDATA[SUM(x)<1&&y>2 &amp; ]]]]></f><g>a<![CDATA[<b>]]>c &lt;<![CDATA[]]></g></a>"));
        assertTrue(same("<a><![CDATA[Åbo ä 😀 ]] > ]>\t\n]]></a>"));
        assertTrue(same("<a>  <![CDATA[ ]]>  <b/></a>"));
        // Every kind of UTF-8 sequence at the edges of what is allowed, in text, CDATA and attributes.
        String edges = "\u0080\u07FF\u0800\uD7FF\uE000\uFFFC\uD800\uDC00\uDBFF\uDFFF&amp;&#xFFFD;";
        assertTrue(same("<a b=\"" + edges + "\">" + edges + "<![CDATA[" + edges + "]]></a>"));
    }

    @Test
    void theTemplatesSummaryTabWithItsFormulasInCdataIsTokenized() throws Exception {
        // POI writes the summary tab's long formulas as CDATA: this, the largest part of a return, went to StAX.
        ZipArchive zip = ZipArchive.open(Files.readAllBytes(Path.of("samples/inbox/091-helsinki.xlsx")), ReadLimits.DEFAULT);
        int cdata = 0;
        for (ZipArchive.Entry e : zip.entries()) {
            byte[] xml = zip.readAll(e.name(), FastXml.MAX_BYTES);
            if (e.name().startsWith("xl/worksheets/") && XmlSubset.indexOf(xml, "<![CDATA[", 0) >= 0) {
                cdata++;
                assertTrue(sameAsStax(xml, e.name()), e.name() + " went to StAX");
            }
        }
        assertTrue(cdata > 0, "no worksheet with CDATA in the sample");
    }

    @Test
    void anythingOutsideTheSubsetOrMalformedGoesToStax() {
        String[] others = {
            "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", "<a><!-- c --></a>", "<a><![CDATA[x]></a>",
            "<a><![CDATA[x\u0001]]></a>", "<a><![CDATA[x\r\ny]]></a>", "<a><![CDAT[x]]></a>", "<a><!CDATA[x]]></a>",
            "<a><?pi x?></a>", "<a><p:b/></a>", "<a><b></a></b>", "<a b=\"1\" b=\"2\"/>",
            "<a xmlns:p=\"u\" xmlns:q=\"u\" p:b=\"1\" q:b=\"2\"/>", "<a b=\"<\"/>", "<a>]]></a>", "<a>&foo;</a>",
            "<a>&#0;</a>", "<a>x\r\ny</a>", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", "<a/>x",
            "x<a/>", "<a/><b/>", "<a>", "<a b=\"1\"c=\"2\"/>", "<a b=\"x\ty\"/>", "<?xml version=\"1.1\"?><a/>",
            "<a xmlns:p=\"\"/>", "<a xmlns:xml=\"urn:x\"/>", "<é/>", "<a>\u0001</a>", " <?xml version=\"1.0\"?><a/>",
            "<a>&#xD800;</a>", "<a>&lt<b/>;</a>", "<a>&#6<b/>5;</a>", "<a>x]]>y</a>", "<a>x", "<a b=1/>", "<:a/>", "<a:/>", "<a xmlns=\"1\" xmlns=\"2\"/>",
        };
        for (String xml : others) {
            assertNull(FastXml.tokenize(xml.getBytes(StandardCharsets.UTF_8), null), xml);
        }
        byte[] badUtf8 = {'<', 'a', '>', (byte) 0xC3, '<', '/', 'a', '>'};
        assertNull(FastXml.tokenize(badUtf8, null));
        // Malformed UTF-8 in text, CDATA or attributes (overlong, surrogate, past U+10FFFF, a lone or
        // missing continuation byte, F5) and U+FFFD-U+FFFF are StAX's to judge, even in text never read.
        int[][] malformed = {{0xC0, 0x80}, {0xC1, 0xBF}, {0xE0, 0x80, 0x80}, {0xED, 0xA0, 0x80}, {0xF0, 0x80, 0x80, 0x80},
            {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0x80}, {0xE2, 0x82}, {0xE2, 0x28, 0xA1},
            {0xEF, 0xBF, 0xBD}, {0xEF, 0xBF, 0xBE}, {0xEF, 0xBF, 0xBF}};
        for (int[] seq : malformed) {
            for (String[] around : new String[][] {{"<a><f>", "</f></a>"}, {"<a><![CDATA[", "]]></a>"}, {"<a b=\"", "\"/>"}}) {
                byte[] xml = new byte[around[0].length() + seq.length + around[1].length()];
                System.arraycopy(around[0].getBytes(StandardCharsets.US_ASCII), 0, xml, 0, around[0].length());
                for (int i = 0; i < seq.length; i++) {
                    xml[around[0].length() + i] = (byte) seq[i];
                }
                System.arraycopy(around[1].getBytes(StandardCharsets.US_ASCII), 0, xml, around[0].length() + seq.length,
                        around[1].length());
                assertNull(FastXml.tokenize(xml, null), around[0] + java.util.Arrays.toString(seq));
            }
        }
        byte[] utf16 = "\uFEFF<a/>".getBytes(StandardCharsets.UTF_16);
        assertNull(FastXml.tokenize(utf16, null));
        assertNotNull(FastXml.tokenize("<a/>".getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void manyNamespacesOrAttributesGoToStaxSoThatTheirPairwiseChecksStaySmall() {
        // Unbounded, these checks grow with the square of a part's size, and the tokenizer has no deadline.
        StringBuilder ns = new StringBuilder("<r");
        StringBuilder attrs = new StringBuilder("<r");
        for (int i = 0; i < 65; i++) {
            ns.append(" xmlns:p").append(i).append("=\"u\"");
            attrs.append(" a").append(i).append("=\"1\"");
        }
        assertNull(FastXml.tokenize((ns + "/>").getBytes(StandardCharsets.UTF_8), null));
        assertNull(FastXml.tokenize((attrs + "/>").getBytes(StandardCharsets.UTF_8), null));
        String ok = ns.substring(0, ns.indexOf(" xmlns:p64")) + "/>";
        assertNotNull(FastXml.tokenize(ok.getBytes(StandardCharsets.UTF_8), null));
    }
}
