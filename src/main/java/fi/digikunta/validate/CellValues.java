package fi.digikunta.validate;

import fi.digikunta.findings.FindingTexts;
import fi.digikunta.read.RawCell;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Localized;

/** Plain functions on one cell's value: blankness, how it is shown, codes and versions it holds. */
final class CellValues {
    private CellValues() {
    }

    /** Something written: not blank, and not a formula without a cached value. */
    static boolean written(RawCell c) {
        return c != null && !isBlank(c) && c.kind() != RawCell.Kind.FORMULA_NO_VALUE;
    }

    static boolean isBlank(RawCell c) {
        return c == null || (c.kind() == RawCell.Kind.STRING && c.text().isBlank());
    }

    /** A cell's value as the user sees it in a message or a text field. */
    static String shown(RawCell c) {
        if (c.kind() == RawCell.Kind.NUMBER) {
            return plain(c.number());
        }
        return c.text().strip();
    }

    static String plain(double d) {
        return FindingTexts.number(Lang.EN, d);
    }

    /** A number with a percent sign, written the way of each language. */
    /** A number as each language writes it (0,55 / 0.55). */
    static Localized number(double d) {
        return new Localized(FindingTexts.number(Lang.FI, d), FindingTexts.number(Lang.SV, d),
                FindingTexts.number(Lang.EN, d));
    }

    static Localized percent(double d) {
        return new Localized(FindingTexts.number(Lang.FI, d) + " %", FindingTexts.number(Lang.SV, d) + " %",
                FindingTexts.number(Lang.EN, d) + " %");
    }


    /** The 3-digit code a cell holds ("91" and 91 give "091"); null when it holds no code. */
    static String municipalityCode(RawCell c) {
        String s;
        if (c.kind() == RawCell.Kind.NUMBER) {
            double d = c.number();
            if (d != Math.rint(d) || d < 0 || d > 999) {
                return null;
            }
            s = Long.toString((long) d);
        } else if (c.kind() == RawCell.Kind.STRING) {
            s = c.text().strip();
        } else {
            return null;
        }
        if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        return "0".repeat(3 - s.length()) + s;
    }

    /** The template version as text: a whole number written as such ("1", 1 or 1.0 give "1"). */
    static String version(RawCell c) {
        if (c == null || isBlank(c)) {
            return null;
        }
        if (c.kind() == RawCell.Kind.NUMBER) {
            return plain(c.number());
        }
        String s = c.text().strip();
        TextNumbers.Parsed p = TextNumbers.parse(s);
        if (p != null && !p.percent() && p.value() == Math.rint(p.value()) && Math.abs(p.value()) < 1e9) {
            return Long.toString((long) p.value());
        }
        return s;
    }
}
