package fi.digikunta.model;

/** Respondents and mean overall index of one region (maakunta). */
public record RegionStats(String region, int respondents, Double meanIndex) {
}
