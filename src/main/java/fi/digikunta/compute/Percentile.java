package fi.digikunta.compute;

import java.util.Arrays;

/**
 * Percentiles by linear interpolation between order statistics: R's {@code quantile(type = 7)},
 * Excel's PERCENTILE.INC and numpy's default. For sorted values x[0..n-1] and 0 <= p <= 1, with
 * h = (n - 1) p and j = floor(h): Q(p) = x[j] + (h - j) (x[j+1] - x[j]).
 */
public final class Percentile {
    private Percentile() {
    }

    /**
     * The p-th quantile (0..1) of the values, in any order; null when there are none. The array is
     * not modified.
     *
     * @throws IllegalArgumentException when p is outside 0..1 or a value is NaN
     */
    public static Double type7(double[] values, double p) {
        if (values.length == 0) {
            checkP(p);
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return type7Sorted(sorted, p);
    }

    /** As {@link #type7}, for values already sorted ascending and not empty (spares a copy). */
    public static double type7Sorted(double[] sorted, double p) {
        checkP(p);
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        for (double v : sorted) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("NaN among the values");
            }
        }
        double h = (sorted.length - 1) * p;
        int j = (int) Math.floor(h);
        if (j >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]);
    }

    private static void checkP(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be within 0..1, was " + p);
        }
    }
}
