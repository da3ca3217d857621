package fi.digikunta.read;

import fi.digikunta.read.XmlSubset.Unusual;
import java.util.Arrays;

/** The namespace prefixes in scope while {@link FastXml} tokenizes a part, with the depth that declared each. */
final class Prefixes {
    // Parts declare a dozen; more goes to StAX, so that the pairwise check below stays small.
    private static final int MAX = 64;
    private static final Unusual UNUSUAL = XmlSubset.UNUSUAL;

    private String[] prefixes = new String[32];
    private int[] depths = new int[32];
    private int n;

    /** How many are in scope: what an element's start passes to {@link #check} once its attributes are read. */
    int count() {
        return n;
    }

    /** An xmlns or xmlns:p attribute of an element at this depth. */
    void declare(String qname, String uri, int depth) throws Unusual {
        if (uri.equals("http://www.w3.org/XML/1998/namespace") || uri.equals("http://www.w3.org/2000/xmlns/")) {
            throw UNUSUAL;
        }
        // The default namespace is kept as the prefix "" so that declaring it twice is caught too.
        String prefix = qname.length() > 6 ? qname.substring(6) : "";
        if (qname.length() > 6 && (uri.isEmpty() || prefix.equals("xml") || prefix.equals("xmlns"))) {
            throw UNUSUAL;
        }
        if (n >= MAX) {
            throw UNUSUAL;
        }
        if (n == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, n * 2);
            depths = Arrays.copyOf(depths, n * 2);
        }
        prefixes[n] = prefix;
        depths[n++] = depth;
    }

    /** No prefix declared twice by one element (those from {@code declared} on). */
    void check(int declared) throws Unusual {
        for (int i = declared; i < n; i++) {
            for (int j = declared; j < i; j++) {
                if (prefixes[j].equals(prefixes[i])) {
                    throw UNUSUAL;
                }
            }
        }
    }

    /** The prefix of an element's or attribute's name is in scope (xml always is, for attributes). */
    void bound(String qname, boolean attribute) throws Unusual {
        int colon = qname.indexOf(':');
        if (colon < 0) {
            return;
        }
        String prefix = qname.substring(0, colon);
        if (prefix.equals("xml") && attribute) {
            return;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (prefixes[i].equals(prefix)) {
                return;
            }
        }
        throw UNUSUAL;
    }

    /** The element at this depth has ended: the prefixes it declared go out of scope. */
    void leave(int depth) {
        while (n > 0 && depths[n - 1] >= depth) {
            n--;
        }
    }
}
