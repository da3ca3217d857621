package fi.digikunta.model;

/**
 * Summary statistics of one figure over the respondents. Percentiles by linear interpolation
 * between order statistics (R type 7). All but {@code n} are null when there are no values.
 */
public record Distribution(int n, Double mean, Double weightedMean, Double median, Double p25, Double p75,
        Double min, Double max) {
}
