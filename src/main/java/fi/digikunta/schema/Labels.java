package fi.digikunta.schema;

import java.text.Normalizer;
import java.util.Locale;

/** How labels, tab names and values are compared: trimmed, case-folded, white space collapsed. */
public final class Labels {
    /**
     * Names of a totals row a municipality adds below its services ("Yhteensä" with =SUM()), as
     * {@link #normalize} gives them: such a row without an id is no service, for the reader and for
     * the template's live summary alike.
     */
    public static final java.util.List<String> TOTAL_ROW_NAMES = java.util.List.of("yhteensä", "yht.", "yhteensa",
            "kaikki yhteensä", "summa", "totalt", "sammanlagt", "summa totalt", "total", "totals");

    private Labels() {
    }

    /** A tab name as a formula or a cell reference quotes it ('Tab''s name'). */
    public static String quotedSheet(String sheet) {
        return "'" + sheet.replace("'", "''") + "'";
    }

    /** Whether a name is one of {@link #TOTAL_ROW_NAMES}. */
    public static boolean isTotalRow(String name) {
        return TOTAL_ROW_NAMES.contains(normalize(name));
    }

    /**
     * Normalises a label for matching. No-break and other Unicode spaces count as white space, and
     * text is NFC-normalised so that "ä" typed as a + combining diaeresis still matches.
     */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
