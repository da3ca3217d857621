package fi.digikunta.compute;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Euros (and the minutes they come from) computed in decimal, so that they are right to the cent:
 * each input is the decimal its double stands for ({@link BigDecimal#valueOf}, as the writers round
 * with), a row's saving is kept to 34 digits for the sums of a return, and what the figures hold is
 * the double nearest the decimal (whose {@link Double#toString} is that decimal when it has a few
 * decimals, so a half cent stays a half cent). In double arithmetic 73 cases ×
 * 29 min / 60 × 34.5 €/h − 1,090 € came out 127.27499999999986 and was written 127.27 where the
 * saving is 127.275, i.e. 127.28 (HALF_UP, figures.md); sums of such values drifted the same way.
 */
public final class Euros {
    private static final BigDecimal MINUTES_AN_HOUR = BigDecimal.valueOf(60);

    private Euros() {
    }

    /**
     * The net saving of a row a year: volume × usage (when given) × minutes / 60 × hourly − cost,
     * with the division to 34 significant digits.
     */
    public static BigDecimal net(double volume, Double usage, double minutes, double hourly, double cost) {
        BigDecimal v = BigDecimal.valueOf(volume).multiply(BigDecimal.valueOf(minutes))
                .multiply(BigDecimal.valueOf(hourly));
        if (usage != null) {
            v = v.multiply(BigDecimal.valueOf(usage));
        }
        return v.divide(MINUTES_AN_HOUR, MathContext.DECIMAL128).subtract(BigDecimal.valueOf(cost));
    }

    /** A running sum in decimal. */
    public static final class Sum {
        private BigDecimal sum = BigDecimal.ZERO;

        public void add(double v) {
            sum = sum.add(BigDecimal.valueOf(v));
        }

        /** Adds a value; null adds nothing. */
        public void add(BigDecimal v) {
            if (v != null) {
                sum = sum.add(v);
            }
        }

        /** The sum as the nearest double. */
        public double value() {
            return sum.doubleValue();
        }
    }
}
