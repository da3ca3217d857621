package fi.digikunta.report;

import com.fasterxml.jackson.databind.JsonNode;
import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.RegionStats;
import fi.digikunta.model.Savings;
import fi.digikunta.model.ServiceFigures;
import fi.digikunta.model.ServiceStats;
import fi.digikunta.model.SincePreviousRun;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.model.StageLevel;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the HTML templates see: plain records of display strings (formatted by {@link Fmt}, in the
 * report language) and of the raw numbers the SVG charts need. All text from workbooks passes
 * through {@link Text#clean}; escaping is the templates' auto-escaping (.ftlh).
 */
public final class HtmlModel {
    /** Municipality codes that may name a page file; anything else gets no page (never a path from text). */
    static final Pattern CODE = Pattern.compile("[0-9]{3}");
    static final int SERVICES_SHOWN = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HtmlModel() {
    }

    public record Run(String toolVersion, String schemaVersion, String generatedAt) {
    }

    public record Headline(int respondents, int referenceCount, String responseRate, String populationCovered,
            String populationShare, String index, Integer level, String levelName, String realised,
            String potential, String target, int computableInUse) {
    }

    /** One row of a spread chart: national distribution, and optionally one municipality's value. */
    public record SpreadRow(String code, String name, int n, Double min, Double p25, Double median, Double p75,
            Double max, Double mean, Double value, String minText, String p25Text, String medianText,
            String p75Text, String maxText, String meanText, String valueText) {
    }

    public record LevelSegment(int level, String name, int count, double share) {
    }

    public record LevelRow(String code, String name, int total, List<LevelSegment> segments) {
    }

    public record LevelName(int level, String name) {
    }

    public record ServiceShare(String id, String area, String name, double inUse, String inUseText,
            String plannedText, String meanDepthText, String meanUsageText) {
    }

    public record Region(String name, int respondents, String meanIndex) {
    }

    public record MunicipalityRow(String code, String name, String region, String population, String index,
            int level, String levelName, String realised, String potential, String outcome, int errors,
            int warnings, String href) {
    }

    public record FileRow(String file, String outcome, String outcomeId, String municipalityCode, String reason,
            String reasonCode, String href) {
    }

    public record National(String lang, Map<String, String> t, Run run, Headline headline, List<SpreadRow> spread,
            List<LevelRow> levels, List<LevelName> levelNames, List<ServiceShare> fastest,
            List<ServiceShare> slowest, List<Region> regions, List<MunicipalityRow> municipalities,
            List<FileRow> notCounted, int fileCount, int countedFiles, Since since) {
    }

    /**
     * The "since the previous run" section; null when the run has none (no output folder).
     *
     * @param previousGeneratedAt the previous report's time as shown, or null
     * @param noChanges true when the runs were compared and every list is empty
     * @param ownFiguresOnly true when some municipality (new or gone) shows only its own figures
     */
    public record Since(boolean firstRun, boolean previousUnreadable, String previousGeneratedAt,
            List<SinceFile> newReturns, List<SinceFile> superseded, List<SinceFile> newlyRejected,
            List<SinceMunicipality> changedFigures, boolean noChanges, boolean ownFiguresOnly) {
    }

    /** One file of a since list; previousOutcome is the label of the earlier outcome, or "not there before". */
    public record SinceFile(String file, String municipalityCode, String href, String outcome, String outcomeId,
            String previousOutcome, String reason, String reasonCode) {
    }

    /** One municipality's changed figures; statusId is new, gone or changed. */
    public record SinceMunicipality(String code, String name, String href, String status, String statusId,
            List<SinceFigure> changes) {
    }

    /** One figure, old and new value as shown; area is the area's name or "whole municipality". */
    public record SinceFigure(String field, String area, String before, String after) {
    }

    public record AreaRow(String code, String name, int inUse, int planned, int notAdopted, int unanswered,
            String coverage, String depth, String usage, String index, int level, String levelName,
            String nationalMedian, String realised, String potential, String target, int computableInUse) {
    }

    public record StageCell(String css, String symbol, String label) {
    }

    public record ServiceLine(String id, String name, boolean own, String statusCss, String statusSymbol,
            String status, List<StageCell> stages, String usage, String realised, String potential,
            String system) {
    }

    public record AreaServices(String code, String name, List<ServiceLine> services) {
    }

    public record StageHeader(String code, String label) {
    }

    public record FindingLine(String sheet, String cell, String severity, String severityId, String code,
            String message) {
    }

    public record FileFindings(String file, String outcome, String outcomeId, String reason, boolean truncated,
            List<FindingLine> findings) {
    }

    public record Municipality(String lang, Map<String, String> t, Run run, String code, String name,
            String region, String population, String file, String outcome, boolean counted, String index,
            Integer level, String levelName, String realised, String potential, String target,
            int computableInUse, List<SpreadRow> spread, List<AreaRow> areas, List<StageHeader> stageHeaders,
            List<StageCell> stageLegend, List<AreaServices> services, List<FileRow> files,
            List<FileFindings> findings) {
    }

    // ---------------------------------------------------------------- building

    static Run run(ReportContext ctx) {
        return new Run(ctx.run.toolVersion(), ctx.run.schemaVersion(),
                ctx.run.generatedAt() == null ? null : TIME.format(ctx.run.generatedAt()));
    }

    static String areaName(ReportContext ctx, String code) {
        return ctx.schema.area(code).map(a -> a.tab().get(ctx.options.lang())).orElse(code);
    }

    static String outcome(Map<String, String> t, Outcome o) {
        return t.getOrDefault("outcome_" + o.id(), o.id());
    }

    static String municipalityName(ReportContext ctx, MunicipalityFigures m) {
        return ctx.options.lang() == Lang.SV ? m.nameSv() : m.nameFi();
    }

    static National national(ReportContext ctx, Map<String, String> t) {
        Fmt f = new Fmt(ctx.options.lang());
        NationalFigures n = ctx.national;
        Distribution all = Tables.get(n.index(), NationalFigures.ALL);
        Double nationalIndex = all == null ? null : all.mean();
        Integer level = nationalIndex == null ? null : nationalLevel(ctx, nationalIndex);
        Savings s = Tables.get(n.savings(), NationalFigures.ALL);
        Headline h = new Headline(n.respondents(), n.referenceCount(), f.pct(n.responseRate()),
                f.integer(n.populationCovered()), f.pct(n.populationShare()), f.dec1(nationalIndex), level,
                level == null ? Fmt.NONE : ctx.levelName(level), f.euro(s == null ? null : s.realisedNet()),
                f.euro(s == null ? null : s.potentialNet()), f.euro(s == null ? null : s.target()),
                s == null ? 0 : s.computableInUse());

        List<SpreadRow> spread = new ArrayList<>();
        for (String k : ctx.allAndAreas()) {
            Distribution d = Tables.get(n.index(), k);
            String name = k.equals(NationalFigures.ALL) ? t.get("all_areas") : areaName(ctx, k);
            spread.add(spreadRow(f, k, name, d, null));
        }

        List<LevelRow> levels = new ArrayList<>();
        for (String k : ctx.allAndAreas()) {
            Map<Integer, Integer> lv = Tables.get(n.levels(), k);
            if (lv == null) {
                continue;
            }
            int total = lv.values().stream().mapToInt(Integer::intValue).sum();
            List<LevelSegment> segs = new ArrayList<>();
            for (int l : ctx.levels()) {
                int c = lv.getOrDefault(l, 0);
                segs.add(new LevelSegment(l, ctx.levelName(l), c, total == 0 ? 0 : (double) c / total));
            }
            String name = k.equals(NationalFigures.ALL) ? t.get("all_areas") : areaName(ctx, k);
            levels.add(new LevelRow(k, name, total, segs));
        }
        List<LevelName> levelNames = ctx.levels().stream().map(l -> new LevelName(l, ctx.levelName(l))).toList();

        List<ServiceShare> shares = new ArrayList<>();
        for (ServiceStats x : n.services()) {
            String name = ctx.schema.service(x.id()).map(c -> c.name().get(ctx.options.lang())).orElse(x.id());
            shares.add(new ServiceShare(x.id(), x.area(), name, x.inUseShare(), f.pct(x.inUseShare()),
                    f.pct(x.plannedShare()), f.pct(x.meanDepth()), f.pct(x.meanUsage())));
        }
        List<ServiceShare> fastest = new ArrayList<>(shares);
        fastest.sort(Comparator.comparingDouble(ServiceShare::inUse).reversed().thenComparing(ServiceShare::id));
        List<ServiceShare> slowest = new ArrayList<>(shares);
        slowest.sort(Comparator.comparingDouble(ServiceShare::inUse).thenComparing(ServiceShare::id));
        int shown = Math.min(SERVICES_SHOWN, shares.size() / 2);
        if (n.respondents() == 0) {
            shown = 0;
        }

        List<RegionStats> rs = new ArrayList<>(n.regions());
        rs.sort(Comparator.comparing(RegionStats::region, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Region> regions = rs.stream()
                .map(r -> new Region(r.region(), r.respondents(), f.dec1(r.meanIndex()))).toList();

        List<MunicipalityRow> ms = new ArrayList<>();
        for (MunicipalityFigures m : ctx.municipalities) {
            FileResult file = ctx.file(m.file()).orElse(null);
            Savings ms0 = m.savings();
            ms.add(new MunicipalityRow(m.code(), municipalityName(ctx, m), m.region(), f.integer(m.population()),
                    f.dec1(m.index()), m.level(), ctx.levelName(m.level()),
                    f.euro(ms0 == null ? null : ms0.realisedNet()), f.euro(ms0 == null ? null : ms0.potentialNet()),
                    file == null ? "" : outcome(t, file.outcome()),
                    file == null ? 0 : Tables.count(file, fi.digikunta.findings.Severity.ERROR),
                    file == null ? 0 : Tables.count(file, fi.digikunta.findings.Severity.WARNING), href(m.code(), "")));
        }

        List<FileRow> notCounted = ctx.files.stream().filter(x -> !x.outcome().counts())
                .map(x -> fileRow(ctx, t, x, "")).toList();
        int counted = (int) ctx.files.stream().filter(x -> x.outcome().counts()).count();
        return new National(ctx.options.lang().code(), t, run(ctx), h, spread, levels, levelNames,
                fastest.subList(0, shown), slowest.subList(0, shown), regions, ms, notCounted, ctx.files.size(),
                counted, since(ctx, t));
    }

    static Since since(ReportContext ctx, Map<String, String> t) {
        SincePreviousRun s = ctx.run.sincePreviousRun();
        if (s == null) {
            return null;
        }
        Fmt f = new Fmt(ctx.options.lang());
        Set<String> pages = pageCodes(ctx);
        Map<String, String> names = new LinkedHashMap<>();
        ctx.municipalities.forEach(m -> names.put(m.code(), municipalityName(ctx, m)));
        List<SinceMunicipality> changed = new ArrayList<>();
        for (SincePreviousRun.MunicipalityChange m : s.changedFigures()) {
            // A municipality that is new or gone shows its own figures only; its areas are on its page.
            boolean own = !"changed".equals(m.status());
            List<SinceFigure> figures = m.changes().stream().filter(c -> !own || c.area() == null)
                    .map(c -> sinceFigure(ctx, t, f, c)).toList();
            changed.add(new SinceMunicipality(m.code(), names.get(m.code()),
                    pages.contains(m.code()) ? href(m.code(), "") : null,
                    t.getOrDefault("since_status_" + m.status(), m.status()), m.status(), figures));
        }
        boolean none = !s.firstRun() && !s.previousUnreadable() && s.newReturns().isEmpty()
                && s.supersededReturns().isEmpty() && s.newlyRejected().isEmpty() && s.changedFigures().isEmpty();
        return new Since(s.firstRun(), s.previousUnreadable(), time(s.previousGeneratedAt()),
                sinceFiles(ctx, t, pages, s.newReturns()), sinceFiles(ctx, t, pages, s.supersededReturns()),
                sinceFiles(ctx, t, pages, s.newlyRejected()), changed, none,
                changed.stream().anyMatch(m -> !"changed".equals(m.statusId())));
    }

    private static List<SinceFile> sinceFiles(ReportContext ctx, Map<String, String> t, Set<String> pages,
            List<SincePreviousRun.FileChange> changes) {
        List<SinceFile> out = new ArrayList<>();
        for (SincePreviousRun.FileChange c : changes) {
            FileResult now = ctx.file(c.file()).orElse(null);
            String reason = now == null || now.reason() == null ? null : Text.clean(now.reason().get(ctx.options.lang()));
            String code = c.municipalityCode();
            out.add(new SinceFile(Text.clean(c.file()), code, code != null && pages.contains(code) ? href(code, "")
                    : null, outcomeLabel(t, c.outcome()), c.outcome(),
                    c.previousOutcome() == null ? t.get("since_not_before") : outcomeLabel(t, c.previousOutcome()),
                    reason, c.reasonCode()));
        }
        return out;
    }

    private static String outcomeLabel(Map<String, String> t, String id) {
        return id == null ? Fmt.NONE : t.getOrDefault("outcome_" + id, id);
    }

    /** An ISO instant as the report shows times; other text as it is. */
    static String time(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return TIME.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return Text.clean(iso);
        }
    }

    private static SinceFigure sinceFigure(ReportContext ctx, Map<String, String> t, Fmt f,
            SincePreviousRun.FigureChange c) {
        String key = c.field().startsWith("savings.") ? c.field().substring("savings.".length()) : c.field();
        String label = t.getOrDefault("since_field_" + key, c.field());
        String area = c.area() == null ? t.get("since_whole") : areaName(ctx, c.area());
        String before = figure(ctx, f, c.field(), c.before(), false);
        String after = figure(ctx, f, c.field(), c.after(), false);
        if (before.equals(after)) {
            // A change below the shown precision: show both as report.json has them.
            before = figure(ctx, f, c.field(), c.before(), true);
            after = figure(ctx, f, c.field(), c.after(), true);
        }
        return new SinceFigure(label, area, before, after);
    }

    /** A figure as the rest of the report shows it (index 1 decimal, whole euros, level with its name). */
    static String figure(ReportContext ctx, Fmt f, String field, JsonNode v, boolean exact) {
        if (v == null || v.isNull()) {
            return Fmt.NONE;
        }
        if (!v.isNumber()) {
            return Text.clean(v.asText());
        }
        BigDecimal d = v.decimalValue();
        if (exact) {
            return f.exact(d);
        }
        switch (field) {
            case "index":
                return f.dec1(d.doubleValue());
            case "level":
                int l = d.intValue();
                return ctx.levels().contains(l) && d.compareTo(BigDecimal.valueOf(l)) == 0
                        ? l + " " + ctx.levelName(l) : f.exact(d);
            case "savings.computable_in_use":
                return f.exact(d);
            default:
                return field.startsWith("savings.") ? f.euro(d.doubleValue()) : f.exact(d);
        }
    }

    /** The level of the national mean index, by the schema's bands (0 only when it is 0 with no value). */
    static int nationalLevel(ReportContext ctx, double index) {
        return ctx.schema.bandOf(index);
    }

    static String href(String code, String prefix) {
        return code != null && CODE.matcher(code).matches() ? prefix + "municipalities/" + code + ".html" : null;
    }

    static FileRow fileRow(ReportContext ctx, Map<String, String> t, FileResult x, String prefix) {
        return new FileRow(Text.clean(x.file()), outcome(t, x.outcome()), x.outcome().id(), x.municipalityCode(),
                x.reason() == null ? null : Text.clean(x.reason().get(ctx.options.lang())), x.reasonCode(),
                href(x.municipalityCode(), prefix));
    }

    static SpreadRow spreadRow(Fmt f, String code, String name, Distribution d, Double value) {
        if (d == null) {
            return new SpreadRow(code, name, 0, null, null, null, null, null, null, value, Fmt.NONE, Fmt.NONE,
                    Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, f.dec1(value));
        }
        return new SpreadRow(code, name, d.n(), d.min(), d.p25(), d.median(), d.p75(), d.max(), d.mean(), value,
                f.dec1(d.min()), f.dec1(d.p25()), f.dec1(d.median()), f.dec1(d.p75()), f.dec1(d.max()),
                f.dec1(d.mean()), f.dec1(value));
    }

    /** The codes that get a page: every municipality with figures or with a file, if its code is well-formed. */
    static Set<String> pageCodes(ReportContext ctx) {
        Set<String> codes = new TreeSet<>();
        ctx.municipalities.forEach(m -> codes.add(m.code()));
        ctx.files.forEach(x -> {
            if (x.municipalityCode() != null) {
                codes.add(x.municipalityCode());
            }
        });
        codes.removeIf(c -> !CODE.matcher(c).matches());
        return codes;
    }

    static StageCell stageCell(ReportContext ctx, Map<String, String> t, StageLevel level) {
        if (level == null) {
            return new StageCell("st-none", "?", t.get("unanswered"));
        }
        String label = ctx.schema.stageLevels().stream().filter(d -> d.code().equals(level.name())).findFirst()
                .map(d -> d.label().get(ctx.options.lang())).orElse(level.name());
        Integer value = ctx.schema.stageLevels().stream().filter(d -> d.code().equals(level.name())).findFirst()
                .map(Schema.StageLevelDef::value).orElse(null);
        return switch (level) {
            case MANUAL -> new StageCell("st-0", "\u25CB " + value, label);
            case ELECTRONIC -> new StageCell("st-1", "\u25D0 " + value, label);
            case DIGITAL -> new StageCell("st-2", "\u25CF " + value, label);
            case NOT_APPLICABLE -> new StageCell("st-na", "\u2014", label);
        };
    }

    static String statusLabel(ReportContext ctx, Map<String, String> t, ServiceFigures s) {
        if (s.status() == null) {
            return t.get("unanswered");
        }
        return ctx.schema.statuses().stream().filter(c -> c.code().equals(s.status().name())).findFirst()
                .map(c -> c.label().get(ctx.options.lang())).orElse(Tables.id(s.status()));
    }

    static Municipality municipality(ReportContext ctx, Map<String, String> t, String code) {
        Fmt f = new Fmt(ctx.options.lang());
        Lang lang = ctx.options.lang();
        MunicipalityFigures m = ctx.municipalities.stream().filter(x -> x.code().equals(code)).findFirst()
                .orElse(null);
        List<FileResult> files = ctx.files.stream().filter(x -> code.equals(x.municipalityCode())).toList();
        List<FileRow> fileRows = files.stream().map(x -> fileRow(ctx, t, x, "../")).toList();
        List<FileFindings> findings = new ArrayList<>();
        for (FileResult x : files) {
            if (x.outcome() == Outcome.SUPERSEDED || x.outcome() == Outcome.PENDING) {
                continue;
            }
            List<FindingLine> lines = new ArrayList<>();
            for (Finding fd : x.findings()) {
                lines.add(new FindingLine(Text.clean(fd.sheet()), fd.cell(),
                        t.getOrDefault("severity_" + Tables.id(fd.severity()), Tables.id(fd.severity())),
                        Tables.id(fd.severity()), fd.id(),
                        fd.message() == null ? "" : Text.clean(fd.message().get(lang))));
            }
            findings.add(new FileFindings(Text.clean(x.file()), outcome(t, x.outcome()), x.outcome().id(),
                    x.reason() == null ? null : Text.clean(x.reason().get(lang)), x.findingsTruncated(), lines));
        }
        List<StageHeader> stageHeaders = ctx.schema.stages().stream().map(st -> new StageHeader(st,
                ctx.schema.column("stage." + st).map(c -> c.label().get(lang)).orElse(st))).toList();
        List<StageCell> legend = new ArrayList<>();
        for (StageLevel l : StageLevel.values()) {
            legend.add(stageCell(ctx, t, l));
        }
        legend.add(stageCell(ctx, t, null));
        if (m == null) {
            return new Municipality(lang.code(), t, run(ctx), code, null, null, null, null, null, false, Fmt.NONE,
                    null, null, Fmt.NONE, Fmt.NONE, Fmt.NONE, 0, List.of(), List.of(), stageHeaders, legend,
                    List.of(), fileRows, findings);
        }
        NationalFigures n = ctx.national;
        List<SpreadRow> spread = new ArrayList<>();
        spread.add(spreadRow(f, NationalFigures.ALL, t.get("all_areas"), Tables.get(n.index(), NationalFigures.ALL),
                m.index()));
        List<AreaRow> areas = new ArrayList<>();
        for (AreaFigures a : m.areas()) {
            Distribution d = Tables.get(n.index(), a.area());
            spread.add(spreadRow(f, a.area(), areaName(ctx, a.area()), d, a.index()));
            Savings s = a.savings();
            areas.add(new AreaRow(a.area(), areaName(ctx, a.area()), a.inUse(), a.planned(), a.notAdopted(),
                    a.unanswered(), f.pct(a.coverage()), f.pct(a.depth()), f.pct(a.usage()), f.dec1(a.index()),
                    a.level(), ctx.levelName(a.level()), f.dec1(d == null ? null : d.median()),
                    f.euro(s == null ? null : s.realisedNet()), f.euro(s == null ? null : s.potentialNet()),
                    f.euro(s == null ? null : s.target()), s == null ? 0 : s.computableInUse()));
        }
        Map<String, List<ServiceLine>> byArea = new LinkedHashMap<>();
        ctx.schema.areaCodes().forEach(a -> byArea.put(a, new ArrayList<>()));
        for (ServiceFigures s : m.services()) {
            ServiceRow row = ctx.row(m, s).orElse(null);
            List<StageCell> cells = ctx.schema.stages().stream().map(st -> stageCell(ctx, t, s.stages().get(st)))
                    .toList();
            String statusId = s.status() == null ? "unanswered" : Tables.id(s.status());
            String symbol = switch (statusId) {
                case "in_use" -> "\u2714";
                case "planned" -> "\u25F7";
                case "not_adopted" -> "\u2716";
                default -> "?";
            };
            String name = s.id() != null
                    ? ctx.schema.service(s.id()).map(c -> c.name().get(lang)).orElse(Text.clean(s.name()))
                    : Text.clean(s.name());
            byArea.computeIfAbsent(s.area(), k -> new ArrayList<>()).add(new ServiceLine(s.id(), name,
                    s.id() == null, "status-" + statusId, symbol, statusLabel(ctx, t, s),
                    cells, f.pct(s.usage()), f.euro(s.realisedNet()), f.euro(s.potentialNet()),
                    row == null ? null : Text.clean(row.system())));
        }
        List<AreaServices> services = new ArrayList<>();
        byArea.forEach((a, list) -> services.add(new AreaServices(a, areaName(ctx, a), list)));
        FileResult file = ctx.file(m.file()).orElse(null);
        Savings s = m.savings();
        return new Municipality(lang.code(), t, run(ctx), code, municipalityName(ctx, m), m.region(),
                f.integer(m.population()), Text.clean(m.file()), file == null ? null : outcome(t, file.outcome()),
                true, f.dec1(m.index()), m.level(), ctx.levelName(m.level()),
                f.euro(s == null ? null : s.realisedNet()), f.euro(s == null ? null : s.potentialNet()),
                f.euro(s == null ? null : s.target()), s == null ? 0 : s.computableInUse(), spread, areas,
                stageHeaders, legend, services, fileRows, findings);
    }
}
