package fi.digikunta.compute;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Euros (and the minutes they come from) computed in decimal, so that they are right to the cent:
 * each input is the decimal its double stands for (as {@link BigDecimal#valueOf}, which the writers
 * round), a row's saving is kept as 60 times itself (volume × minutes × hourly needs no division,
 * so it and every sum of rows are exact), and what the figures hold is the double nearest the
 * decimal, whose {@link Double#toString} is that decimal when it has a few digits: a half cent
 * stays a half cent. In double arithmetic 73 cases × 29 min / 60 × 34.5 €/h − 1,090 € came out
 * 127.27499999999986 and was written 127.27 where the saving is 127.275, i.e. 127.28 (HALF_UP).
 */
public final class Euros {
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    /**
     * 15 digits: more than any euro figure has to the half cent, and few enough that BigDecimal
     * makes the double by one division instead of parsing text (it is on a run's path).
     */
    private static final MathContext DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private Euros() {
    }

    /**
     * A row's net saving a year, times 60: volume × usage (when given) × minutes × hourly − 60 × cost,
     * exact. {@link #euros} makes it the saving.
     */
    public static BigDecimal sixtyTimesNet(double volume, Double usage, double minutes, double hourly, double cost) {
        BigDecimal v = decimal(volume).multiply(decimal(minutes)).multiply(decimal(hourly));
        if (usage != null) {
            v = v.multiply(decimal(usage));
        }
        BigDecimal n = v.subtract(decimal(cost).multiply(SIXTY));
        // Inputs to the cent make at most 8 decimals: one scale keeps sums as long additions.
        return n.scale() <= SCALE ? n.setScale(SCALE) : n;
    }

    /** The scale of {@link #sixtyTimesNet}'s values when the inputs have at most two decimals each. */
    private static final int SCALE = 8;
    /** Below 2^53: a long a double holds exactly. */
    private static final long EXACT = 1L << 53;

    /**
     * A value kept as 60 times itself, in euros: the double nearest the decimal. Without a
     * BigDecimal division where the value has {@link #SCALE} decimals: n / (60 × 10^8) is exact as
     * (n / 3) / (2 × 10^9) when 3 divides n, and otherwise does not end in decimals (no half cent to
     * keep), so one double division is as good.
     */
    public static double euros(BigDecimal sixtyTimes) {
        if (sixtyTimes.scale() == SCALE && sixtyTimes.precision() <= 18) {
            long n = sixtyTimes.scaleByPowerOfTen(SCALE).longValue();
            if (n % 3 == 0 && Math.abs(n / 3) < EXACT) {
                return (double) (n / 3) / 2e9;
            }
            if (n % 3 != 0 && Math.abs(n) < EXACT) {
                return (double) n / 6e9;
            }
        }
        return sixtyTimes.divide(SIXTY, DIGITS).doubleValue();
    }

    /**
     * The decimal a double stands for, as {@link BigDecimal#valueOf(double)} gives it, without its
     * text for whole numbers and cents (most inputs): two decimals that near are never one double.
     */
    static BigDecimal decimal(double d) {
        if (Math.abs(d) < 1e13) {
            long k = Math.round(d * 100);
            if (k / 100.0 == d) {
                return k % 100 == 0 ? BigDecimal.valueOf(k / 100) : BigDecimal.valueOf(k, 2);
            }
        }
        return BigDecimal.valueOf(d);
    }

    /** A running sum in decimal. */
    public static final class Sum {
        private BigDecimal sum = BigDecimal.ZERO;

        public void add(double v) {
            sum = sum.add(decimal(v));
        }

        /** Adds a value; null adds nothing. */
        public void add(BigDecimal v) {
            if (v != null) {
                sum = sum.add(v);
            }
        }

        /** The sum as the nearest double. */
        public double value() {
            return sum.round(DIGITS).doubleValue();
        }

        /** A sum of values kept as 60 times themselves ({@link #sixtyTimesNet}), in euros. */
        public double euros() {
            return Euros.euros(sum);
        }
    }
}
