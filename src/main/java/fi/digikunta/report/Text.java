package fi.digikunta.report;

import fi.digikunta.findings.FindingTexts;

/** Transforms of free text (workbook cells, file names, messages) before it is written anywhere. */
public final class Text {
    private Text() {
    }

    /**
     * Makes text safe to write as one value: CR LF and lone CR become LF (so HTML and JSON keep LF
     * line ends), and other control characters (C0, DEL and C1 U+0080..U+009F, which some terminals
     * and viewers act on) and unpaired surrogates, which are not allowed in HTML and break some CSV
     * readers, become U+FFFD. Tab and LF are kept.
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        // Most text has nothing to clean: one plain scan, and the rule per char only where it may act.
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F && c < 0xA0 || Character.isSurrogate(c)) {
                return FindingTexts.clean(s, Integer.MAX_VALUE, Text::keepLines);
            }
        }
        return s;
    }

    private static String keepLines(String s, int i) {
        char c = s.charAt(i);
        if (c == '\r') {
            return i + 1 < s.length() && s.charAt(i + 1) == '\n' ? "" : "\n";
        }
        return Character.isISOControl(c) && c != '\t' && c != '\n' ? FindingTexts.REPLACEMENT : null;
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
