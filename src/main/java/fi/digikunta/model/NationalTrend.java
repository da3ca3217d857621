package fi.digikunta.model;

import java.util.Map;

/**
 * The national figures of one area (or {@code ALL}) in one round.
 *
 * @param schemaVersion the catalogue version of the round's national figures (the newest its
 *     returns used)
 * @param previousRound the round before this one in the run; null for the first
 * @param versionChanged {@code schemaVersion} differs from that of {@code previousRound}
 * @param coverage null for {@code ALL} (figures.md defines coverage, depth and usage per area)
 * @param levels municipalities per level 0..4
 * @param medians the medians of the figures and the savings sums ({@link TrendValues})
 * @param change {@code medians} minus those of {@code previousRound}; null for the first round
 */
public record NationalTrend(Integer round, String area, String schemaVersion, Integer previousRound,
        boolean versionChanged, int respondents, Distribution index, Distribution coverage, Distribution depth,
        Distribution usage, Map<Integer, Integer> levels, Savings savings, TrendValues medians,
        TrendValues change) {
    public NationalTrend {
        levels = levels == null ? null : Map.copyOf(levels);
    }
}
