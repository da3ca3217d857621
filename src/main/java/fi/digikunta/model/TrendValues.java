package fi.digikunta.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
     * Subtracted as the decimals the doubles stand for (as the writers round them), to 8 decimals:
     * two sums of amounts like 1234.5666… (x/60) can differ by exactly a half cent, which their
     * doubles, each a little off, put on either side (three trend changes of the sample rounds);
     * 8 decimals is far below every figure's own and far above that error.
     */
    private static Double diff(Double now, Double then) {
        return now == null || then == null ? null
                : BigDecimal.valueOf(now).subtract(BigDecimal.valueOf(then)).setScale(8, RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
