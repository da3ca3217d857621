package fi.digikunta.report;

import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.Figures;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
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
 * The trend pictures of a run over several rounds ({@code RunResult.rounds}): on report.html the
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

    public record National(List<Round> rounds, List<Panel> panels, List<Row> medians, List<LevelRow> levels,
            List<LevelName> levelNames, boolean versionChanged) {
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
        List<Figures> rounds = ctx.run.rounds();
        if (rounds.size() < 2) {
            return null;
        }
        Fmt f = new Fmt(ctx.options.lang());
        List<String> labels = rounds.stream().map(r -> label(r.round())).toList();
        List<String> versions = rounds.stream().map(Figures::schemaVersion).toList();
        List<VersionMark> marks = marks(versions);
        List<Panel> panels = new ArrayList<>();
        List<Row> medians = new ArrayList<>();
        for (String key : ctx.allAndAreas()) {
            List<Distribution> ds = rounds.stream().map(r -> Tables.get(r.national().index(), key)).toList();
            List<Double> median = ds.stream().map(d -> d == null ? null : d.median()).toList();
            Band band = new Band(ds.stream().map(d -> d == null ? null : d.p25()).toList(),
                    ds.stream().map(d -> d == null ? null : d.p75()).toList());
            String name = name(ctx, key, ctx.options.lang(), t);
            Series s = new Series(t.get("national_median"), TrendChart.MEDIAN, false, true, median);
            String desc = describe(List.of(s), labels, f);
            panels.add(new Panel(key, name, TrendChart.svg("trend-" + key, name + ": " + t.get("trend_national_title"),
                    desc, labels, marks, band, List.of(s), f)));
            medians.add(new Row(name, median.stream().map(f::dec1).toList()));
        }
        List<LevelRow> levels = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            Map<Integer, Integer> lv = Tables.get(rounds.get(i).national().levels(), NationalFigures.ALL);
            levels.add(NationalPage.levelRow(ctx, labels.get(i), roundName(labels.get(i), versions, i, t),
                    lv == null ? Map.of() : lv));
        }
        List<LevelName> levelNames = ctx.levels().stream().map(l -> new LevelName(l, ctx.levelName(l))).toList();
        return new National(columns(labels, versions), panels, medians, levels, levelNames, !marks.isEmpty());
    }

    /** A municipality page's trend section; null for a run of fewer than two rounds or a municipality without figures. */
    static Municipality municipality(ReportContext ctx, Map<String, String> t, Lang lang, String code) {
        List<Figures> rounds = ctx.run.rounds();
        if (rounds.size() < 2) {
            return null;
        }
        List<MunicipalityFigures> own = rounds.stream().map(r -> r.municipalities().stream()
                .filter(m -> m.code().equals(code)).findFirst().orElse(null)).toList();
        List<Integer> answered = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i) != null) {
                answered.add(i);
            }
        }
        if (answered.isEmpty()) {
            return null;
        }
        Fmt f = new Fmt(lang);
        List<String> labels = rounds.stream().map(r -> label(r.round())).toList();
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            versions.add(own.get(i) == null ? null : ctx.file(own.get(i).file()).map(x -> x.ret())
                    .filter(Objects::nonNull).map(x -> x.schemaVersion()).orElse(rounds.get(i).schemaVersion()));
        }
        List<VersionMark> marks = marks(versions);
        List<Panel> panels = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        int from = answered.size() < 2 ? -1 : answered.get(answered.size() - 2);
        int to = answered.get(answered.size() - 1);
        for (String key : ctx.allAndAreas()) {
            List<Double> mine = own.stream().map(m -> index(m, key)).toList();
            List<Double> median = rounds.stream().map(r -> Tables.get(r.national().index(), key))
                    .map(d -> d == null ? null : d.median()).toList();
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
            if (from >= 0) {
                moved.add(new Moved(name, words(t, f, mine.get(from), mine.get(to), level(own.get(from), key),
                        level(own.get(to), key))));
            }
        }
        return new Municipality(columns(labels, versions), panels, rows, from < 0 ? null : labels.get(from),
                labels.get(to), moved, from >= 0 && !Objects.equals(versions.get(from), versions.get(to)));
    }

    /**
     * "indeksi nousi 41,0 → 52,5; taso 2 → 3": the index as shown (to 0.1; equal when equal as shown),
     * then the level.
     */
    static String words(Map<String, String> t, Fmt f, Double before, Double after, Integer levelBefore,
            Integer levelAfter) {
        String b = f.dec1(before);
        String a = f.dec1(after);
        String index = b.equals(a) ? t.get("trend_index_same").replace("{0}", a)
                : t.get(after > before ? "trend_index_rose" : "trend_index_fell").replace("{0}", b).replace("{1}", a);
        String level = Objects.equals(levelBefore, levelAfter)
                ? t.get("trend_level_same").replace("{0}", String.valueOf(levelAfter))
                : t.get("trend_level_changed").replace("{0}", String.valueOf(levelBefore))
                        .replace("{1}", String.valueOf(levelAfter));
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

    /** A mark before each round whose version differs from that of the last earlier round that had one. */
    private static List<VersionMark> marks(List<String> versions) {
        List<VersionMark> marks = new ArrayList<>();
        String last = null;
        for (int i = 0; i < versions.size(); i++) {
            String v = versions.get(i);
            if (v != null && last != null && !v.equals(last)) {
                marks.add(new VersionMark(i, last, v));
            }
            last = v != null ? v : last;
        }
        return marks;
    }

    private static List<Round> columns(List<String> labels, List<String> versions) {
        List<VersionMark> marks = marks(versions);
        List<Round> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            out.add(new Round(labels.get(i), versions.get(i), marks.stream().anyMatch(m -> m.index() == index)));
        }
        return out;
    }

    private static String roundName(String label, List<String> versions, int i, Map<String, String> t) {
        return versions.get(i) == null ? label : label + " (" + t.get("trend_form") + " v" + versions.get(i) + ")";
    }

    private static String label(Integer round) {
        return round == null ? "?" : String.valueOf(round);
    }

    private static String name(ReportContext ctx, String key, Lang lang, Map<String, String> t) {
        return NationalFigures.ALL.equals(key) ? t.get("all_areas") : HtmlModel.areaName(ctx, key, lang);
    }

    private static Double index(MunicipalityFigures m, String key) {
        if (m == null) {
            return null;
        }
        if (NationalFigures.ALL.equals(key)) {
            return m.index();
        }
        return m.areas().stream().filter(a -> a.area().equals(key)).findFirst().map(AreaFigures::index).orElse(null);
    }

    private static Integer level(MunicipalityFigures m, String key) {
        if (m == null) {
            return null;
        }
        if (NationalFigures.ALL.equals(key)) {
            return m.level();
        }
        return m.areas().stream().filter(a -> a.area().equals(key)).findFirst().map(AreaFigures::level).orElse(null);
    }
}
