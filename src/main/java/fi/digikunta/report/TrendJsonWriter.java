package fi.digikunta.report;

import fi.digikunta.model.NationalTrend;
import fi.digikunta.model.TrendPoint;
import fi.digikunta.model.TrendValues;
import fi.digikunta.model.Trends;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code trends} and {@code national_trends} of report.json: the rows of trends.csv, and each
 * round's national figures in the shape of {@code national} (docs/report.schema.json).
 */
final class TrendJsonWriter {
    private TrendJsonWriter() {
    }

    /** Figures that a trend follows, or their change; rounded as in the CSV. */
    public record ValuesJson(BigDecimal coverage, BigDecimal depth, BigDecimal usage, BigDecimal index,
            Integer level, BigDecimal realisedNet, BigDecimal potentialNet) {
    }

    /** One row of trends.csv, its changes in {@code change} (null without a previous round). */
    public record TrendJson(Integer round, String municipalityCode, String area, String schemaVersion,
            Integer previousRound, boolean afterGap, boolean versionChanged, BigDecimal coverage, BigDecimal depth,
            BigDecimal usage, BigDecimal index, int level, BigDecimal realisedNet, BigDecimal potentialNet,
            int computableInUse, ValuesJson change) {
    }

    /**
     * One round's national figures; {@code change} per area ({@code ALL} first): the medians of
     * coverage, depth, usage and index and the savings sums, minus those of {@code previous_round}.
     */
    public record NationalTrendJson(Integer round, String schemaVersion, Integer previousRound,
            boolean versionChanged, JsonReportWriter.NationalJson national, Map<String, ValuesJson> change) {
    }

    static List<TrendJson> trends(ReportContext ctx) {
        List<TrendJson> out = new ArrayList<>();
        for (TrendPoint p : ctx.trends().municipalities()) {
            TrendValues v = p.values();
            out.add(new TrendJson(p.round(), p.municipalityCode(), p.area(), p.schemaVersion(), p.previousRound(),
                    p.afterGap(), p.versionChanged(), Num.share(v.coverage()), Num.share(v.depth()),
                    Num.share(v.usage()), Num.share(v.index()), v.level(), Num.euro(v.realisedNet()),
                    Num.euro(v.potentialNet()), p.computableInUse(), values(p.change())));
        }
        return out;
    }

    static List<NationalTrendJson> nationalTrends(ReportContext ctx) {
        Trends t = ctx.trends();
        List<NationalTrendJson> out = new ArrayList<>();
        for (var f : ctx.run.rounds()) {
            if (f.municipalities().isEmpty()) {
                continue;
            }
            List<NationalTrend> areas = t.national().stream()
                    .filter(n -> java.util.Objects.equals(n.round(), f.round())).toList();
            NationalTrend first = areas.get(0);
            Map<String, ValuesJson> change = null;
            if (first.change() != null) {
                change = new LinkedHashMap<>();
                for (NationalTrend n : areas) {
                    change.put(n.area(), values(n.change()));
                }
            }
            out.add(new NationalTrendJson(f.round(), f.schemaVersion(), first.previousRound(), first.versionChanged(),
                    JsonReportWriter.national(ctx, f.national()), change));
        }
        return out;
    }

    private static ValuesJson values(TrendValues v) {
        return v == null ? null
                : new ValuesJson(Num.share(v.coverage()), Num.share(v.depth()), Num.share(v.usage()),
                        Num.share(v.index()), v.level(), Num.euro(v.realisedNet()), Num.euro(v.potentialNet()));
    }
}
