package fi.digikunta.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding for output. Figures are computed in double and rounded only here: the double is first
 * turned into the decimal of its {@link Double#toString} representation ({@link BigDecimal#valueOf}),
 * then rounded HALF_UP, so that 0.125 becomes 0.13 and 1.005 (stored as 1.00499999...) also becomes
 * 1.01, as a person reading the unrounded figure would expect. Null, NaN and infinities give null
 * (an empty CSV field, a JSON null).
 */
public final class Num {
    /** Euros: 2 decimals. */
    public static final int EURO = 2;
    /** Shares (0..1) and indices (0..100): 4 decimals in CSV and JSON. */
    public static final int SHARE = 4;

    private Num() {
    }

    public static BigDecimal round(Double v, int scale) {
        if (v == null || !Double.isFinite(v)) {
            return null;
        }
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }

    public static BigDecimal euro(Double v) {
        return round(v, EURO);
    }

    public static BigDecimal share(Double v) {
        return round(v, SHARE);
    }

    /** A number as plain text (never exponent notation) with the given decimal separator; null gives "". */
    public static String plain(BigDecimal v, char decimalSeparator) {
        if (v == null) {
            return "";
        }
        String s = v.toPlainString();
        return decimalSeparator == '.' ? s : s.replace('.', decimalSeparator);
    }
}
