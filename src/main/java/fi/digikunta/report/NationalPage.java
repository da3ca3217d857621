package fi.digikunta.report;

import fi.digikunta.findings.Severity;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.RegionStats;
import fi.digikunta.model.Savings;
import fi.digikunta.model.ServiceStats;
import fi.digikunta.report.HtmlModel.FileRow;
import fi.digikunta.report.HtmlModel.Headline;
import fi.digikunta.report.HtmlModel.LevelName;
import fi.digikunta.report.HtmlModel.LevelRow;
import fi.digikunta.report.HtmlModel.LevelSegment;
import fi.digikunta.report.HtmlModel.MunicipalityRow;
import fi.digikunta.report.HtmlModel.National;
import fi.digikunta.report.HtmlModel.Region;
import fi.digikunta.report.HtmlModel.ServiceShare;
import fi.digikunta.report.HtmlModel.SpreadRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Builds the model of report.html: headline, spread and level charts, services, regions, municipalities. */
record NationalPage(ReportContext ctx, Map<String, String> t, Fmt f, NationalFigures n) {
    static National model(ReportContext ctx, Map<String, String> t) {
        return new NationalPage(ctx, t, new Fmt(ctx.options.lang()), ctx.national).model();
    }

    private National model() {
        List<ServiceShare> shares = shares();
        List<ServiceShare> fastest = new ArrayList<>(shares);
        fastest.sort(Comparator.comparingDouble(ServiceShare::inUse).reversed().thenComparing(ServiceShare::id));
        List<ServiceShare> slowest = new ArrayList<>(shares);
        slowest.sort(Comparator.comparingDouble(ServiceShare::inUse).thenComparing(ServiceShare::id));
        int shown = n.respondents() == 0 ? 0 : Math.min(HtmlModel.SERVICES_SHOWN, shares.size() / 2);
        List<LevelName> levelNames = ctx.levels().stream().map(l -> new LevelName(l, ctx.levelName(l))).toList();
        List<FileRow> notCounted = ctx.files.stream().filter(x -> !x.outcome().counts())
                .map(x -> HtmlModel.fileRow(ctx, t, x, "", ctx.options.lang())).toList();
        int counted = (int) ctx.files.stream().filter(x -> x.outcome().counts()).count();
        return new National(ctx.options.lang().code(), t, HtmlModel.run(ctx, ctx.options.lang()), headline(),
                spread(), levels(),
                levelNames, fastest.subList(0, shown), slowest.subList(0, shown), regions(), municipalities(),
                notCounted, ctx.files.size(), counted, SinceSection.model(ctx, t));
    }

    private Headline headline() {
        Distribution all = Tables.get(n.index(), NationalFigures.ALL);
        Double nationalIndex = all == null ? null : all.mean();
        Integer level = nationalIndex == null ? null : ctx.schema.bandOf(nationalIndex);
        Savings s = Tables.get(n.savings(), NationalFigures.ALL);
        return new Headline(n.respondents(), n.referenceCount(), f.pct(n.responseRate()),
                f.integer(n.populationCovered()), f.pct(n.populationShare()), f.dec1(nationalIndex), level,
                level == null ? Fmt.NONE : ctx.levelName(level), f.euro(s == null ? null : s.realisedNet()),
                f.euro(s == null ? null : s.potentialNet()), f.euro(s == null ? null : s.target()),
                s == null ? 0 : s.computableInUse());
    }

    private String name(String key) {
        return key.equals(NationalFigures.ALL) ? t.get("all_areas") : HtmlModel.areaName(ctx, key);
    }

    private List<SpreadRow> spread() {
        List<SpreadRow> spread = new ArrayList<>();
        for (String k : ctx.allAndAreas()) {
            spread.add(HtmlModel.spreadRow(f, k, name(k), Tables.get(n.index(), k), null));
        }
        return spread;
    }

    private List<LevelRow> levels() {
        List<LevelRow> levels = new ArrayList<>();
        for (String k : ctx.allAndAreas()) {
            Map<Integer, Integer> lv = Tables.get(n.levels(), k);
            if (lv == null) {
                continue;
            }
            levels.add(levelRow(ctx, k, name(k), lv));
        }
        return levels;
    }

    /** One stacked bar: the counts per level of the schema's levels (a level missing from the map is 0). */
    static LevelRow levelRow(ReportContext ctx, String code, String name, Map<Integer, Integer> lv) {
        int total = lv.values().stream().mapToInt(Integer::intValue).sum();
        List<LevelSegment> segs = new ArrayList<>();
        for (int l : ctx.levels()) {
            int c = lv.getOrDefault(l, 0);
            segs.add(new LevelSegment(l, ctx.levelName(l), c, total == 0 ? 0 : (double) c / total));
        }
        return new LevelRow(code, name, total, segs);
    }

    private List<ServiceShare> shares() {
        List<ServiceShare> shares = new ArrayList<>();
        for (ServiceStats x : n.services()) {
            String name = ctx.serviceOfAnyVersion(x.id()).map(c -> c.name().get(ctx.options.lang())).orElse(x.id());
            shares.add(new ServiceShare(x.id(), x.area(), name, x.inUseShare(), f.pct(x.inUseShare()),
                    f.pct(x.plannedShare()), f.pct(x.meanDepth()), f.pct(x.meanUsage())));
        }
        return shares;
    }

    private List<Region> regions() {
        List<RegionStats> rs = new ArrayList<>(n.regions());
        rs.sort(Comparator.comparing(RegionStats::region, Comparator.nullsLast(Comparator.naturalOrder())));
        return rs.stream().map(r -> new Region(HtmlModel.regionName(r.region(), ctx.options.lang()), r.respondents(), f.dec1(r.meanIndex()))).toList();
    }

    private List<MunicipalityRow> municipalities() {
        List<MunicipalityRow> ms = new ArrayList<>();
        for (MunicipalityFigures m : ctx.municipalities) {
            FileResult file = ctx.file(m.file()).orElse(null);
            Savings s = m.savings();
            ms.add(new MunicipalityRow(m.code(), HtmlModel.municipalityName(ctx, m),
                    HtmlModel.regionName(m.region(), ctx.options.lang()),
                    f.integer(m.population()), f.dec1(m.index()), m.level(), ctx.levelName(m.level()),
                    f.euro(s == null ? null : s.realisedNet()), f.euro(s == null ? null : s.potentialNet()),
                    file == null ? "" : HtmlModel.outcome(t, file.outcome()),
                    file == null ? 0 : Tables.count(file, Severity.ERROR),
                    file == null ? 0 : Tables.count(file, Severity.WARNING), HtmlModel.href(m.code(), "")));
        }
        return ms;
    }
}
