package fi.digikunta.validate;

import fi.digikunta.read.RawCell;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assessment round a cell states: a whole number, or text holding one four-digit year such as
 * "2027" or "kierros 2027" (assessment-workbook-v2.md). The range is the schema's, checked by the caller.
 */
public final class RoundValues {
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

    private RoundValues() {
    }

    /** The year a cell holds; null when it holds none, or text with two different years. */
    public static Integer of(RawCell c) {
        if (c == null) {
            return null;
        }
        if (c.kind() == RawCell.Kind.NUMBER) {
            double d = c.number();
            return d == Math.rint(d) && Math.abs(d) < 1e6 && !c.dateFormat() ? Integer.valueOf((int) d) : null;
        }
        return c.kind() == RawCell.Kind.STRING ? text(c.text()) : null;
    }

    /** The one four-digit year in a text; null for none, or for two different ones ("2025-2026"). */
    public static Integer text(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = YEAR.matcher(s);
        Integer year = null;
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (year != null && year != y) {
                return null;
            }
            year = y;
        }
        return year;
    }
}
