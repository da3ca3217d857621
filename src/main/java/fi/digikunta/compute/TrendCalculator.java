package fi.digikunta.compute;

import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.Figures;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.NationalTrend;
import fi.digikunta.model.Savings;
import fi.digikunta.model.TrendPoint;
import fi.digikunta.model.TrendValues;
import fi.digikunta.model.Trends;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of every round side by side, and the change from the round before (a pure function of
 * {@code RoundFigures.byRound}). A municipality's change is from the latest earlier round it
 * answered: a skipped round is a gap, never a zero. A change across a change of form version is
 * marked, since the catalogues differ.
 */
public final class TrendCalculator {
    private static final String ALL = NationalFigures.ALL;

    private TrendCalculator() {
    }

    /**
     * The trends of the rounds, given oldest first (as {@code RunResult.rounds}). A round without a
     * counting return (an empty run's figures) has no rows.
     */
    public static Trends of(List<Figures> all) {
        List<Figures> rounds = all.stream().filter(r -> !r.municipalities().isEmpty()).toList();
        List<Integer> roundIds = new ArrayList<>();
        List<TrendPoint> points = new ArrayList<>();
        List<NationalTrend> national = new ArrayList<>();
        // code -> (round index, figures) of the latest round seen so far
        Map<String, Integer> lastIndex = new HashMap<>();
        Map<String, MunicipalityFigures> last = new HashMap<>();
        Figures previousRound = null;
        for (int i = 0; i < rounds.size(); i++) {
            Figures r = rounds.get(i);
            roundIds.add(r.round());
            for (MunicipalityFigures m : r.municipalities()) {
                MunicipalityFigures before = last.get(m.code());
                Integer beforeIndex = lastIndex.get(m.code());
                points.addAll(points(r.round(), m, before,
                        before == null ? null : rounds.get(beforeIndex).round(),
                        beforeIndex != null && beforeIndex < i - 1));
                last.put(m.code(), m);
                lastIndex.put(m.code(), i);
            }
            national.addAll(national(r, previousRound));
            previousRound = r;
        }
        return new Trends(roundIds, points, national);
    }

    /** One municipality's points of one round: ALL, then each area in schema order. */
    private static List<TrendPoint> points(Integer round, MunicipalityFigures m, MunicipalityFigures before,
            Integer beforeRound, boolean afterGap) {
        boolean versionChanged = before != null && m.schemaVersion() != null && before.schemaVersion() != null
                && !m.schemaVersion().equals(before.schemaVersion());
        Map<String, TrendValues> then = before == null ? Map.of() : values(before);
        List<TrendPoint> out = new ArrayList<>();
        values(m).forEach((area, v) -> {
            TrendValues earlier = then.get(area);
            out.add(new TrendPoint(round, m.code(), area, m.schemaVersion(), beforeRound, afterGap, versionChanged, v,
                    savingsOf(m, area).computableInUse(), earlier == null ? null : v.minus(earlier)));
        });
        return out;
    }

    /** A municipality's values keyed by ALL and its areas, in that order. */
    private static Map<String, TrendValues> values(MunicipalityFigures m) {
        Map<String, TrendValues> out = new LinkedHashMap<>();
        out.put(ALL, new TrendValues(null, null, null, m.index(), m.level(), m.savings().realisedNet(),
                m.savings().potentialNet()));
        for (AreaFigures a : m.areas()) {
            out.put(a.area(), new TrendValues(a.coverage(), a.depth(), a.usage(), a.index(), a.level(),
                    a.savings().realisedNet(), a.savings().potentialNet()));
        }
        return out;
    }

    private static Savings savingsOf(MunicipalityFigures m, String area) {
        if (ALL.equals(area)) {
            return m.savings();
        }
        return m.areas().stream().filter(a -> a.area().equals(area)).findFirst().orElseThrow().savings();
    }

    /** The national figures of one round: ALL, then each area in schema order. */
    private static List<NationalTrend> national(Figures r, Figures before) {
        boolean versionChanged = before != null && !Objects.equals(r.schemaVersion(), before.schemaVersion());
        List<NationalTrend> out = new ArrayList<>();
        NationalFigures n = r.national();
        for (String area : n.index().keySet()) {
            TrendValues medians = medians(n, area);
            TrendValues change = before == null ? null : medians.minus(medians(before.national(), area));
            out.add(new NationalTrend(r.round(), area, r.schemaVersion(), before == null ? null : before.round(),
                    versionChanged, n.respondents(), n.index().get(area), n.coverage().get(area),
                    n.depth().get(area), n.usage().get(area), n.levels().get(area), n.savings().get(area), medians,
                    change));
        }
        return out;
    }

    private static TrendValues medians(NationalFigures n, String area) {
        Savings s = n.savings().get(area);
        return new TrendValues(median(n.coverage().get(area)), median(n.depth().get(area)),
                median(n.usage().get(area)), median(n.index().get(area)), null,
                s == null ? null : s.realisedNet(), s == null ? null : s.potentialNet());
    }

    private static Double median(Distribution d) {
        return d == null ? null : d.median();
    }
}
