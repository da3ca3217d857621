package fi.digikunta.report;

import fi.digikunta.model.Distribution;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.Savings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The national statistics of figures.md in long form (area, statistic, value, unit), unrounded:
 * the rows of national.csv, and of national_trends.csv round by round, where the change from the
 * previous round is taken before rounding (figures.md: round only on output).
 */
final class NationalRows {
    /** One statistic; {@code value} is an Integer or Long (count, persons) or a Double (share, index, eur). */
    record Stat(String area, String statistic, Number value, String unit) {
        /** The value rounded for output (counts as they are). */
        Object rounded() {
            return round(value, unit);
        }
    }

    private NationalRows() {
    }

    static Object round(Number v, String unit) {
        if (v == null || v instanceof Integer || v instanceof Long) {
            return v;
        }
        BigDecimal d = "eur".equals(unit) ? Num.euro(v.doubleValue()) : Num.share(v.doubleValue());
        return d;
    }

    /** This minus {@code before} (counts stay whole numbers); null where either is null. */
    static Number minus(Number now, Number before) {
        if (now == null || before == null) {
            return null;
        }
        if ((now instanceof Integer || now instanceof Long) && (before instanceof Integer || before instanceof Long)) {
            return now.longValue() - before.longValue();
        }
        return now.doubleValue() - before.doubleValue();
    }

    /** The rows of {@code n}: the ALL totals first, then per key of {@code allAndAreas}. */
    static List<Stat> of(NationalFigures n, List<String> allAndAreas, List<Integer> levels) {
        List<Stat> t = new ArrayList<>();
        String all = NationalFigures.ALL;
        t.add(new Stat(all, "respondents", n.respondents(), "count"));
        t.add(new Stat(all, "reference_count", n.referenceCount(), "count"));
        t.add(new Stat(all, "response_rate", n.responseRate(), "share"));
        t.add(new Stat(all, "population_covered", n.populationCovered(), "persons"));
        t.add(new Stat(all, "population_total", n.populationTotal(), "persons"));
        t.add(new Stat(all, "population_share", n.populationShare(), "share"));
        for (String key : allAndAreas) {
            distribution(t, key, "", Tables.get(n.index(), key), "index");
            distribution(t, key, "coverage_", Tables.get(n.coverage(), key), "share");
            distribution(t, key, "depth_", Tables.get(n.depth(), key), "share");
            distribution(t, key, "usage_", Tables.get(n.usage(), key), "share");
            Map<Integer, Integer> lv = Tables.get(n.levels(), key);
            if (lv != null) {
                for (int level : levels) {
                    t.add(new Stat(key, "level_" + level, lv.getOrDefault(level, 0), "count"));
                }
            }
            Savings s = Tables.get(n.savings(), key);
            if (s != null) {
                t.add(new Stat(key, "realised_net", s.realisedNet(), "eur"));
                t.add(new Stat(key, "potential_net", s.potentialNet(), "eur"));
                t.add(new Stat(key, "target", s.target(), "eur"));
                t.add(new Stat(key, "computable_in_use", s.computableInUse(), "count"));
            }
        }
        return t;
    }

    private static void distribution(List<Stat> t, String area, String prefix, Distribution d, String unit) {
        if (d == null) {
            return;
        }
        t.add(new Stat(area, prefix + "n", d.n(), "count"));
        t.add(new Stat(area, prefix + "mean", d.mean(), unit));
        t.add(new Stat(area, prefix + "weighted_mean", d.weightedMean(), unit));
        t.add(new Stat(area, prefix + "median", d.median(), unit));
        t.add(new Stat(area, prefix + "p25", d.p25(), unit));
        t.add(new Stat(area, prefix + "p75", d.p75(), unit));
        t.add(new Stat(area, prefix + "min", d.min(), unit));
        t.add(new Stat(area, prefix + "max", d.max(), unit));
    }
}
