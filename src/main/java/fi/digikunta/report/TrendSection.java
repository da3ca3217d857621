package fi.digikunta.report;

import fi.digikunta.model.Distribution;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.NationalTrend;
import fi.digikunta.model.TrendPoint;
import fi.digikunta.model.Trends;
import fi.digikunta.report.HtmlModel.LevelName;
import fi.digikunta.report.HtmlModel.LevelRow;
import fi.digikunta.report.TrendChart.Band;
import fi.digikunta.report.TrendChart.Series;
import fi.digikunta.report.TrendChart.VersionMark;
import fi.digikunta.schema.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The trend pictures of a run over several rounds (the {@link Trends} of {@code RunResult.rounds},
 * numbers and changes as compute.TrendCalculator gives them): on report.html the
 * national median index per area by round and the level distribution by round; on a municipality's
 * page its own index per area by round beside the national median, and in words what moved since
 * the previous round it answered. A run of one round has none (null), so its pages stay as they
 * were. The templates get the section as the global {@code trend} (trend-national.ftlh,
 * trend-municipality.ftlh).
 */
public final class TrendSection {
    /** One small chart: the area's name (shown above it) and its SVG, escaped already. */
    public record Panel(String code, String name, String svg) {
    }

    /** A round as a column: its label, the form version its figures used, and whether that changed before it. */
    public record Round(String label, String version, boolean versionChanged) {
    }

    /** One table row: a name and one cell per round ("–" for none). */
    public record Row(String name, List<String> cells) {
    }

    /** What moved in one area (or the whole municipality), in words. */
    public record Moved(String area, String words) {
    }

    /** @param levelChart the level distribution by round as SVG, escaped already */
    public record National(List<Round> rounds, List<Panel> panels, List<Row> medians, List<LevelRow> levels,
            String levelChart, List<LevelName> levelNames, boolean versionChanged) {
    }

    /**
     * @param from the round the change is counted from (the municipality's previous answered round), or null
     * @param to the municipality's latest answered round
     * @param versionChanged true when the form version differs between {@code from} and {@code to}
     */
    public record Municipality(List<Round> rounds, List<Panel> panels, List<Row> rows, String from, String to,
            List<Moved> moved, boolean versionChanged) {
    }

    private TrendSection() {
    }

    /** report.html's trend section; null for a run of fewer than two rounds. */
    static National national(ReportContext ctx, Map<String, String> t) {
        Trends trends = pictured(ctx);
        if (trends == null) {
            return null;
        }
        Fmt f = new Fmt(ctx.options.lang());
        List<String> labels = trends.rounds().stream().map(TrendSection::label).toList();
        List<NationalTrend> all = trends.national(NationalFigures.ALL);
        List<String> versions = all.stream().map(NationalTrend::schemaVersion).toList();
        List<VersionMark> marks = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).versionChanged()) {
                marks.add(new VersionMark(i, versions.get(i - 1), versions.get(i)));
            }
        }
        List<Panel> panels = new ArrayList<>();
        List<Row> medians = new ArrayList<>();
        for (String key : ctx.allAndAreas()) {
            List<Distribution> ds = trends.rounds().stream().map(r -> trends.national(r, key))
                    .map(n -> n == null ? null : n.index()).toList();
            List<Double> median = ds.stream().map(d -> d == null ? null : d.median()).toList();
            Band band = new Band(ds.stream().map(d -> d == null ? null : d.p25()).toList(),
                    ds.stream().map(d -> d == null ? null : d.p75()).toList());
            String name = name(ctx, key, ctx.options.lang(), t);
            Series s = new Series(t.get("national_median"), TrendChart.MEDIAN, false, true, median);
            panels.add(new Panel(key, name, TrendChart.svg("trend-" + key, name + ": " + t.get("trend_national_title"),
                    describe(List.of(s), labels, f), labels, marks, band, List.of(s), f)));
            medians.add(new Row(name, median.stream().map(f::dec1).toList()));
        }
        List<LevelRow> levels = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Map<Integer, Integer> lv = all.get(i).levels();
            levels.add(NationalPage.levelRow(ctx, labels.get(i), roundName(labels.get(i), versions.get(i), t),
                    lv == null ? Map.of() : lv));
        }
        List<LevelName> levelNames = ctx.levels().stream().map(l -> new LevelName(l, ctx.levelName(l))).toList();
        return new National(columns(labels, versions, marks), panels, medians, levels,
                TrendChart.levels("trend-levels", t.get("trend_levels_title"), t.get("trend_levels_desc"), levels),
                levelNames, !marks.isEmpty());
    }

    /** A municipality page's trend section; null for a run of fewer than two rounds or a municipality without figures. */
    static Municipality municipality(ReportContext ctx, Map<String, String> t, Lang lang, String code) {
        Trends trends = pictured(ctx);
        if (trends == null || trends.of(code, NationalFigures.ALL).isEmpty()) {
            return null;
        }
        Fmt f = new Fmt(lang);
        List<Integer> rounds = trends.rounds();
        List<String> labels = rounds.stream().map(TrendSection::label).toList();
        List<TrendPoint> overall = trends.of(code, NationalFigures.ALL);
        TrendPoint last = overall.get(overall.size() - 1);
        List<String> versions = rounds.stream().map(r -> at(overall, r)).map(p -> p == null ? null : p.schemaVersion())
                .toList();
        List<VersionMark> marks = new ArrayList<>();
        for (TrendPoint p : overall) {
            if (p.versionChanged()) {
                marks.add(new VersionMark(rounds.indexOf(p.round()),
                        at(overall, p.previousRound()).schemaVersion(), p.schemaVersion()));
            }
        }
        List<Panel> panels = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        for (String key : ctx.allAndAreas()) {
            List<TrendPoint> points = trends.of(code, key);
            List<Double> mine = rounds.stream().map(r -> at(points, r)).map(p -> p == null ? null : p.values().index())
                    .toList();
            List<Double> median = rounds.stream().map(r -> trends.national(r, key))
                    .map(n -> n == null || n.index() == null ? null : n.index().median()).toList();
            String name = name(ctx, key, lang, t);
            List<Series> series = List.of(new Series(t.get("national_median"), TrendChart.MEDIAN, true, false, median),
                    new Series(t.get("trend_own"), TrendChart.OWN, false, true, mine));
            panels.add(new Panel(key, name, TrendChart.svg("trend-" + key, name + ": " + t.get("trend_own_title"),
                    describe(series, labels, f), labels, marks, Band.NONE, series, f)));
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < rounds.size(); i++) {
                cells.add(f.dec1(mine.get(i)) + " / " + f.dec1(median.get(i)));
            }
            rows.add(new Row(name, cells));
            TrendPoint now = at(points, last.round());
            TrendPoint before = last.previousRound() == null ? null : at(points, last.previousRound());
            if (now != null && before != null) {
                moved.add(new Moved(name, words(t, f, before.values().index(), now.values().index(),
                        before.values().level(), now.values().level())));
            }
        }
        return new Municipality(columns(labels, versions, marks), panels, rows,
                last.previousRound() == null ? null : label(last.previousRound()), label(last.round()), moved,
                last.versionChanged());
    }

    /** The run's trends when it has two rounds or more (something to draw); null otherwise. */
    private static Trends pictured(ReportContext ctx) {
        return ctx.trends().rounds().size() < 2 ? null : ctx.trends();
    }

    /** The point of a round; null when the municipality did not answer it. */
    private static TrendPoint at(List<TrendPoint> points, Integer round) {
        return points.stream().filter(p -> Objects.equals(p.round(), round)).findFirst().orElse(null);
    }

    /**
     * "indeksi nousi 41,0 → 52,5; taso 2 → 3": the index as shown (to 0.1; equal when equal as shown),
     * then the level.
     */
    static String words(Map<String, String> t, Fmt f, Double before, Double after, Integer levelBefore,
            Integer levelAfter) {
        String b = f.dec1(before);
        String a = f.dec1(after);
        String index = b.equals(a) ? Letter.fill(t.get("trend_index_same"), a)
                : Letter.fill(t.get(after > before ? "trend_index_rose" : "trend_index_fell"), b, a);
        String level = Objects.equals(levelBefore, levelAfter)
                ? Letter.fill(t.get("trend_level_same"), levelAfter)
                : Letter.fill(t.get("trend_level_changed"), levelBefore, levelAfter);
        return index + "; " + level;
    }

    /** The chart's description for a screen reader: each series' value by round. */
    private static String describe(List<Series> series, List<String> labels, Fmt f) {
        List<String> parts = new ArrayList<>();
        for (Series s : series) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                values.add(labels.get(i) + " " + f.dec1(s.values().get(i)));
            }
            parts.add(s.name() + ": " + String.join(", ", values));
        }
        return String.join(". ", parts) + ".";
    }

    private static List<Round> columns(List<String> labels, List<String> versions, List<VersionMark> marks) {
        List<Round> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            out.add(new Round(labels.get(i), versions.get(i), marks.stream().anyMatch(m -> m.index() == index)));
        }
        return out;
    }

    private static String roundName(String label, String version, Map<String, String> t) {
        return version == null ? label : label + " (" + t.get("trend_form") + " v" + version + ")";
    }

    private static String label(Integer round) {
        return round == null ? "?" : String.valueOf(round);
    }

    private static String name(ReportContext ctx, String key, Lang lang, Map<String, String> t) {
        return NationalFigures.ALL.equals(key) ? t.get("all_areas") : HtmlModel.areaName(ctx, key, lang);
    }
}
