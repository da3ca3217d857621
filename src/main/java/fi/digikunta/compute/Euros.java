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
    /** The scale of {@link #sixtyTimesNet}'s values when the inputs have at most two decimals each. */
    private static final int SCALE = 8;
    /** Below 2^53: a long a double holds exactly. */
    private static final long EXACT = 1L << 53;
    private static final long NOT_CENTS = Long.MIN_VALUE;

    private Euros() {
    }

    /**
     * A row's net saving a year, times 60: volume × usage (when given) × minutes × hourly − 60 × cost,
     * exact. {@link #euros} makes it the saving.
     */
    public static BigDecimal sixtyTimesNet(double volume, Double usage, double minutes, double hourly, double cost) {
        // Inputs to the cent (nearly all): the product in units of 10^-8 as a long, one object a row.
        long kv = cents(volume);
        long km = cents(minutes);
        long kh = cents(hourly);
        long ku = usage == null ? 100 : cents(usage);
        long kc = cents(cost);
        if (kv != NOT_CENTS && km != NOT_CENTS && kh != NOT_CENTS && ku != NOT_CENTS && kc != NOT_CENTS) {
            try {
                long p = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(kv, km), kh), ku);
                return BigDecimal.valueOf(Math.subtractExact(p, Math.multiplyExact(kc, 60_000_000L)), SCALE);
            } catch (ArithmeticException tooLarge) {
                // as decimals below
            }
        }
        BigDecimal v = decimal(volume).multiply(decimal(minutes)).multiply(decimal(hourly));
        if (usage != null) {
            v = v.multiply(decimal(usage));
        }
        BigDecimal n = v.subtract(decimal(cost).multiply(SIXTY));
        return n.scale() <= SCALE ? n.setScale(SCALE) : n;
    }

    /** A double that stands for a whole number of cents, in cents; else {@link #NOT_CENTS}. */
    private static long cents(double d) {
        if (Math.abs(d) < 1e13) {
            long k = Math.round(d * 100);
            if (k / 100.0 == d) {
                return k;
            }
        }
        return NOT_CENTS;
    }

    /**
     * A value kept as 60 times itself, in euros: the double nearest the decimal. Without a
     * BigDecimal division where the value has {@link #SCALE} decimals: n / (60 × 10^8) is exact as
     * (n / 3) / (2 × 10^9) when 3 divides n, and otherwise does not end in decimals (no half cent to
     * keep), so one double division is as good.
     */
    public static double euros(BigDecimal sixtyTimes) {
        if (sixtyTimes.scale() == SCALE && sixtyTimes.precision() <= 18) {
            double d = euros(sixtyTimes.scaleByPowerOfTen(SCALE).longValue());
            if (!Double.isNaN(d)) {
                return d;
            }
        }
        return sixtyTimes.divide(SIXTY, DIGITS).doubleValue();
    }

    /** n units of 10^-8 of 60 times a value, as the value's nearest double; NaN past 2^53. */
    private static double euros(long n) {
        if (n % 3 == 0 && Math.abs(n / 3) < EXACT) {
            return (double) (n / 3) / 2e9;
        }
        if (n % 3 != 0 && Math.abs(n) < EXACT) {
            return (double) n / 6e9;
        }
        return Double.NaN;
    }

    /**
     * The decimal a double stands for, as {@link BigDecimal#valueOf(double)} gives it, without its
     * text for whole numbers and cents (most inputs): two decimals that near are never one double.
     */
    static BigDecimal decimal(double d) {
        long k = cents(d);
        if (k == NOT_CENTS) {
            return BigDecimal.valueOf(d);
        }
        return k % 100 == 0 ? BigDecimal.valueOf(k / 100) : BigDecimal.valueOf(k, 2);
    }

    /** A running sum in decimal. */
    public static final class Sum {
        private BigDecimal sum = BigDecimal.ZERO;
        /** What {@link #addEuros} added, in units of 10^-8 of 60 times the euros. */
        private long units;

        public void add(double v) {
            sum = sum.add(decimal(v));
        }

        /** Adds a value; null adds nothing. */
        public void add(BigDecimal v) {
            if (v != null) {
                sum = sum.add(v);
            }
        }

        /**
         * Adds a figure in euros that {@link Euros#euros} made (a return's sum), as the value 60 times
         * it is: below a million euros its n in units of 10^-8 is the nearest whole number to 60 × 10^8
         * times the double (the double is far closer than that), checked by turning n back; else its
         * decimal. A long sum: no object per figure.
         */
        public void addEuros(double d) {
            if (Math.abs(d) < 1e6) {
                long n = Math.round(d * 6e9);
                if (Euros.euros(n) == d) {
                    units += n;
                    return;
                }
            }
            sum = sum.add(decimal(d).multiply(SIXTY));
        }

        /** The sum as the nearest double. */
        public double value() {
            return sum.round(DIGITS).doubleValue();
        }

        /** A sum of values kept as 60 times themselves ({@link #sixtyTimesNet}), in euros. */
        public double euros() {
            return Euros.euros(units == 0 ? sum : sum.add(BigDecimal.valueOf(units, SCALE)));
        }
    }
}
