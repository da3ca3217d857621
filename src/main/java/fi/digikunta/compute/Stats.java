package fi.digikunta.compute;

import java.util.Arrays;
import java.util.List;
import fi.digikunta.model.Distribution;

/** Means and distributions over values taken in a fixed order, so sums are reproducible. */
final class Stats {
    private Stats() {
    }

    /** Mean of the values in list order; null when there are none. */
    static Double mean(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    /**
     * The distribution of the values; {@code weights} (same length) are the populations for the
     * weighted mean, which is null when they add up to 0. Sums run in list order.
     */
    static Distribution distribution(List<Double> values, List<Long> weights) {
        if (values.size() != weights.size()) {
            throw new IllegalArgumentException("values and weights differ in length");
        }
        int n = values.size();
        if (n == 0) {
            return new Distribution(0, null, null, null, null, null, null, null);
        }
        double sum = 0;
        double weighted = 0;
        long weightSum = 0;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            double v = values.get(i);
            long w = weights.get(i);
            sum += v;
            weighted += w * v;
            weightSum += w;
            sorted[i] = v;
        }
        Arrays.sort(sorted);
        return new Distribution(n, sum / n, weightSum == 0 ? null : weighted / weightSum,
                Percentile.type7Sorted(sorted, 0.5), Percentile.type7Sorted(sorted, 0.25),
                Percentile.type7Sorted(sorted, 0.75), sorted[0], sorted[n - 1]);
    }
}
