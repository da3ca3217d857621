package fi.digikunta.model;

import java.math.BigDecimal;

/**
 * The figures a trend follows in one area (or {@code ALL}) and one round, or their change from an
 * earlier round. For a municipality: its coverage, depth, usage, index, level and savings sums
 * (coverage, depth and usage are per area only: figures.md defines none for {@code ALL}). For the
 * country: the medians of coverage, depth, usage and index over the respondents, no level (the
 * level distribution is a count per level), and the national savings sums. A null is a figure that
 * cannot be computed; in a change, a figure that either round lacks.
 */
public record TrendValues(Double coverage, Double depth, Double usage, Double index, Integer level,
        Double realisedNet, Double potentialNet) {

    /** This minus {@code earlier}, figure by figure; null where either is null. */
    public TrendValues minus(TrendValues earlier) {
        return new TrendValues(diff(coverage, earlier.coverage), diff(depth, earlier.depth),
                diff(usage, earlier.usage), diff(index, earlier.index),
                level == null || earlier.level == null ? null : level - earlier.level,
                diff(realisedNet, earlier.realisedNet), diff(potentialNet, earlier.potentialNet));
    }

    /**
     * Subtracted as the decimals the doubles stand for (as the writers round them): 142137.8 −
     * 337859.255 is −195721.455, a half cent that double subtraction can put on either side.
     */
    private static Double diff(Double now, Double then) {
        return now == null || then == null ? null
                : BigDecimal.valueOf(now).subtract(BigDecimal.valueOf(then)).doubleValue();
    }
}
