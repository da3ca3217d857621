package fi.digikunta.model;

/** National figures of one catalogue service; shares are of the respondents (0..1). */
public record ServiceStats(String id, String area, double inUseShare, double plannedShare,
        double notAdoptedShare, double unansweredShare, Double meanUsage, Double meanDepth) {
}
