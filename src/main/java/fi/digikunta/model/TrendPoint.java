package fi.digikunta.model;

/**
 * One municipality in one area (or {@code ALL}) in one round it answered. A round it skipped has no
 * point (a gap, never a zero).
 *
 * @param round the round; null for returns whose round is not known (they sort first)
 * @param schemaVersion the form version of the municipality's return in this round
 * @param previousRound the latest earlier round the municipality answered; null when none
 * @param afterGap the municipality skipped at least one round of the run since {@code previousRound}
 * @param versionChanged the return's form version differs from that of {@code previousRound}'s
 *     return (the catalogues differ, so the change is not like for like)
 * @param computableInUse in-use services whose realised saving was computable (the savings' coverage)
 * @param change {@code values} minus those of {@code previousRound}; null when there is no previous round
 */
public record TrendPoint(Integer round, String municipalityCode, String area, String schemaVersion,
        Integer previousRound, boolean afterGap, boolean versionChanged, TrendValues values, int computableInUse,
        TrendValues change) {
}
