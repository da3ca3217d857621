package fi.digikunta.model;

import java.util.List;
import java.util.Map;

/**
 * The national figures over the accepted returns (figures.md, "National"). Maps keyed by area code
 * keep schema order and use the key {@code "ALL"} for the overall figure where there is one.
 *
 * @param index "ALL" and each area code
 * @param coverage each area code
 * @param levels "ALL" and each area code, to counts per level 0..4 (every level present)
 * @param savings "ALL" and each area code
 */
public record NationalFigures(int respondents, int referenceCount, double responseRate, long populationCovered,
        long populationTotal, double populationShare, Map<String, Distribution> index,
        Map<String, Distribution> coverage, Map<String, Distribution> depth, Map<String, Distribution> usage,
        Map<String, Map<Integer, Integer>> levels, List<ServiceStats> services, List<RegionStats> regions,
        Map<String, Savings> savings) {
    public static final String ALL = "ALL";
}
