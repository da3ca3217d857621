package fi.digikunta.report;

import fi.digikunta.model.Figures;
import fi.digikunta.model.TrendPoint;
import fi.digikunta.model.TrendValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * trends.csv and national_trends.csv: every round of the run side by side (docs/outputs.md). The
 * figures are those of {@code compute.TrendCalculator}; changes are taken before rounding.
 */
final class TrendTables {
    static final List<String> TREND_COLUMNS = List.of("round", "municipality_code", "area", "schema_version",
            "previous_round", "after_gap", "version_changed", "coverage", "depth", "usage", "index", "level",
            "realised_net", "potential_net", "computable_in_use", "coverage_change", "depth_change",
            "usage_change", "index_change", "level_change", "realised_net_change", "potential_net_change");
    static final List<String> NATIONAL_TREND_COLUMNS = List.of("round", "area", "statistic", "value", "unit",
            "change", "schema_version", "version_changed");

    private TrendTables() {
    }

    /** One row per municipality, area (ALL first) and round it answered; sorted by round, code, area. */
    static Table trends(ReportContext ctx) {
        Table.Builder t = new Table.Builder(Tables.TRENDS, TREND_COLUMNS);
        for (TrendPoint p : ctx.trends().municipalities()) {
            List<Object> r = new ArrayList<>();
            r.add(p.round());
            r.add(p.municipalityCode());
            r.add(p.area());
            r.add(p.schemaVersion());
            r.add(p.previousRound());
            r.add(p.afterGap());
            r.add(p.versionChanged());
            values(r, p.values());
            r.add(p.computableInUse());
            values(r, p.change());
            t.row(r);
        }
        return t.build();
    }

    /** coverage, depth, usage, index, level, realised_net, potential_net; empty cells for null. */
    private static void values(List<Object> r, TrendValues v) {
        r.add(v == null ? null : Num.share(v.coverage()));
        r.add(v == null ? null : Num.share(v.depth()));
        r.add(v == null ? null : Num.share(v.usage()));
        r.add(v == null ? null : Num.share(v.index()));
        r.add(v == null ? null : v.level());
        r.add(v == null ? null : Num.euro(v.realisedNet()));
        r.add(v == null ? null : Num.euro(v.potentialNet()));
    }

    /**
     * The rows of national.csv for every round with a counting return, with the change of each
     * statistic from the round before it in the run (empty for the first).
     */
    static Table nationalTrends(ReportContext ctx) {
        Table.Builder t = new Table.Builder(Tables.NATIONAL_TRENDS, NATIONAL_TREND_COLUMNS);
        Map<String, Number> before = null;
        String versionBefore = null;
        for (Figures f : ctx.run.rounds()) {
            if (f.municipalities().isEmpty()) {
                continue;
            }
            boolean versionChanged = before != null && !Objects.equals(versionBefore, f.schemaVersion());
            Map<String, Number> now = new HashMap<>();
            for (NationalRows.Stat s : NationalRows.of(f.national(), ctx.allAndAreas(), ctx.levels())) {
                String key = s.area() + "/" + s.statistic();
                now.put(key, s.value());
                Number change = before == null ? null : NationalRows.minus(s.value(), before.get(key));
                t.row(f.round(), s.area(), s.statistic(), s.rounded(), s.unit(), NationalRows.round(change, s.unit()),
                        f.schemaVersion(), versionChanged);
            }
            before = now;
            versionBefore = f.schemaVersion();
        }
        return t.build();
    }
}
