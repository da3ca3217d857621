package fi.digikunta.report;

import fi.digikunta.schema.Lang;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers for people, in the HTML report: shares and indices to 1 decimal, euros to whole euros,
 * HALF_UP as in {@link Num}, after the last digits of double arithmetic are dropped ({@link #denoised}):
 * an index of exactly 59.25 held as 59.24999999999999 is 59,3, as CSV and JSON (59.2500) lead a
 * reader to expect, not 59,2; a share of 2/308 (0.0064935...) is still 0,6 %. Written here rather than through {@code NumberFormat} so that the
 * output does not change with the JDK's locale data (and Finnish minus stays an ASCII hyphen).
 * Finnish and Swedish use a decimal comma and a no-break space between thousands; English a dot and
 * a comma. A missing value is an en dash.
 */
final class Fmt {
    static final String NONE = "\u2013";
    private static final char NBSP = '\u00A0';

    private final Lang lang;

    Fmt(Lang lang) {
        this.lang = lang;
    }

    private char decimal() {
        return lang == Lang.EN ? '.' : ',';
    }

    private char group() {
        return lang == Lang.EN ? ',' : NBSP;
    }

    /** An index (0..100) or other figure to 1 decimal. */
    String dec1(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return NONE;
        }
        return number(denoised(v, 1).setScale(1, RoundingMode.HALF_UP));
    }

    /** A share 0..1 as a percentage to 1 decimal: "45,3 %" (fi, sv), "45.3%" (en). */
    String pct(Double share) {
        if (share == null || !Double.isFinite(share)) {
            return NONE;
        }
        String n = number(denoised(share, 3).movePointRight(2).setScale(1, RoundingMode.HALF_UP));
        return lang == Lang.EN ? n + "%" : n + NBSP + "%";
    }

    /** Euros, whole: "12 345 €" (fi, sv), "€12,345" (en). */
    String euro(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return NONE;
        }
        String n = number(denoised(v, 0).setScale(0, RoundingMode.HALF_UP));
        if (lang == Lang.EN) {
            return n.startsWith("-") ? "-€" + n.substring(1) : "€" + n;
        }
        return n + NBSP + "€";
    }

    /** A number with the digits it has (e.g. as report.json wrote it), in the language's notation. */
    String exact(BigDecimal v) {
        return v == null ? NONE : number(v);
    }

    /** A date as 29.11.2026, in all three languages (the form's own notation). */
    String date(java.time.LocalDate d) {
        return d == null ? NONE : d.getDayOfMonth() + "." + d.getMonthValue() + "." + d.getYear();
    }

    String integer(long v) {
        return number(BigDecimal.valueOf(v));
    }

    /**
     * The value to 8 decimals more than will be shown: far below any figure's own precision, far
     * above the error of double arithmetic (about 1e-14 of a figure of 100), so that a tie computed
     * as 59.24999999999999 is the tie it is.
     */
    private static BigDecimal denoised(double v, int shown) {
        return BigDecimal.valueOf(v).setScale(shown + 8, RoundingMode.HALF_UP);
    }

    private String number(BigDecimal d) {
        String plain = d.toPlainString();
        boolean neg = plain.startsWith("-");
        if (neg) {
            plain = plain.substring(1);
        }
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                b.append(group());
            }
            b.append(whole.charAt(i));
        }
        if (!frac.isEmpty()) {
            b.append(decimal()).append(frac);
        }
        boolean zero = d.signum() == 0;
        return (neg && !zero ? "-" : "") + b;
    }
}
