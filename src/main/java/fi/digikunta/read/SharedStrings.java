package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.read.XmlIn.Budget;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;

/** The shared-strings part, and the rich text of string items, shared or inline. */
final class SharedStrings {
    private SharedStrings() {
    }

    static List<String> parse(XMLInputFactory f, ZipArchive zip, String part, Budget budget) throws ReadException {
        ReadLimits limits = budget.limits;
        List<String> out = new ArrayList<>();
        try (XmlIn x = XmlIn.open(f, zip, part, budget)) {
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.local().equals("si")) {
                    String s = richText(x, limits.maxCellChars());
                    budget.sharedStringChars += s.length();
                    if (budget.sharedStringChars > limits.maxSharedStringChars()) {
                        throw new ReadException(FindingCode.READ_LIMIT, "strings", limits.maxSharedStringChars());
                    }
                    if (out.size() >= limits.maxSharedStrings()) {
                        throw new ReadException(FindingCode.READ_LIMIT, "stringCount", limits.maxSharedStrings());
                    }
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * The text of a string item (si or is) positioned at its start: its t element or the t elements
     * of its rich-text runs, leaving out phonetic runs (rPh).
     */
    static String richText(XmlIn x, int maxChars) throws ReadException {
        XmlIn.Joined text = new XmlIn.Joined(x.part(), maxChars);
        XmlIn.Children c = x.children();
        while (c.next()) {
            String n = x.local();
            if (n.equals("t")) {
                text.add(x.text(maxChars));
            } else if (n.equals("rPh") || n.equals("phoneticPr")) {
                x.skip();
            } else {
                c.enter();
            }
        }
        return unescape(text.toString());
    }

    /** Decodes OOXML's _xHHHH_ escapes (used for control characters such as _x000D_). */
    static String unescape(String s) {
        int i = s.indexOf("_x");
        if (i < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int from = 0;
        while (i >= 0) {
            if (i + 7 <= s.length() && s.charAt(i + 6) == '_' && isHex(s, i + 2, i + 6)) {
                b.append(s, from, i).append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                from = i + 7;
                i = s.indexOf("_x", from);
            } else {
                i = s.indexOf("_x", i + 1);
            }
        }
        return b.append(s, from, s.length()).toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
