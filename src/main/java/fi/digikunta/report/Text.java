package fi.digikunta.report;

/** Transforms of free text (workbook cells, file names, messages) before it is written anywhere. */
public final class Text {
    private Text() {
    }

    /**
     * Makes text safe to write as one value: CR LF and lone CR become LF (so HTML and JSON keep LF
     * line ends), and other C0 control characters and unpaired surrogates, which are not allowed in
     * HTML and break some CSV readers, become U+FFFD. Tab and LF are kept.
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep = null;
            if (c == '\r') {
                rep = (i + 1 < n && s.charAt(i + 1) == '\n') ? "" : "\n";
            } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
                rep = "\uFFFD";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (b != null) {
                        b.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                rep = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                rep = "\uFFFD";
            }
            if (rep != null && b == null) {
                b = new StringBuilder(n);
                b.append(s, 0, i);
            }
            if (b != null) {
                b.append(rep != null ? rep : String.valueOf(c));
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * Neutralises text that a spreadsheet would run as a formula: text starting with {@code = + - @},
     * tab or CR gets a leading apostrophe (the OWASP "CSV injection" advice), so Excel and LibreOffice
     * show it as text. Used for text columns only; numbers are never passed here, so a negative
     * saving stays a number.
     */
    public static String neutralise(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') ? "'" + s : s;
    }
}
