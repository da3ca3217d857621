package fi.digikunta.report;

import fi.digikunta.compute.FiguresCalculator;
import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.reference.Municipality;
import fi.digikunta.schema.Lang;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the maps of the HTML pages with {@link FinlandMap} (one instance per page, so ids are unique
 * on it): report.html's municipalities by level, six small multiples by area and the regions by
 * population-weighted mean index; a municipality page's locator map. The templates get them as the
 * global {@code finlandMap} (templates map-national.ftlh and map-locator.ftlh).
 */
public final class MapSection {
    /**
     * The maps of report.html: inline SVG (every text in it escaped already) and the municipalities
     * of the list that have no shape, as "code name" (e.g. from a newer {@code --municipalities} list).
     */
    public record NationalMap(String levels, List<SmallMap> areas, String regions, List<String> missing) {
    }

    /** One small multiple: the area's name (shown above the map, where it can wrap) and the map. */
    public record SmallMap(String name, String svg) {
    }

    /** A municipality page's locator map; {@code svg} is null and {@code missing} its code when it has no shape. */
    public record LocatorMap(String svg, String missing) {
    }

    private MapSection() {
    }

    /** The maps of report.html; null when no return counts (then there is nothing to colour). */
    static NationalMap national(ReportContext ctx, Map<String, String> t) {
        if (ctx.municipalities.isEmpty()) {
            return null;
        }
        Lang lang = ctx.options.lang();
        FinlandMap map = FinlandMap.of(lang);
        Map<String, MunicipalityFigures> figures = new LinkedHashMap<>();
        ctx.municipalities.forEach(m -> figures.put(m.code(), m));
        Set<String> pages = HtmlModel.pageCodes(ctx);
        Map<String, String> names = names(ctx, lang);
        List<FinlandMap.Entry> all = new ArrayList<>();
        names.forEach((code, name) -> {
            MunicipalityFigures m = figures.get(code);
            all.add(new FinlandMap.Entry(code, name, m == null ? null : m.level(), m == null ? null : m.index(),
                    pages.contains(code) ? HtmlModel.href(code, "") : null));
        });
        FinlandMap.Svg levels = map.levels(all, t.get("map_levels_caption"));
        List<SmallMap> areas = new ArrayList<>();
        for (String area : ctx.schema.areaCodes()) {
            List<FinlandMap.Entry> entries = new ArrayList<>();
            names.forEach((code, name) -> {
                AreaFigures a = area(figures.get(code), area);
                // no links here: the big map has them, and 6 x 308 hrefs would cost some 60 KB
                entries.add(new FinlandMap.Entry(code, name, a == null ? null : a.level(),
                        a == null ? null : a.index(), null));
            });
            String name = HtmlModel.areaName(ctx, area);
            areas.add(new SmallMap(name, inline(map.smallLevels(entries, name, false).svg())));
        }
        List<FinlandMap.RegionEntry> regions = new ArrayList<>();
        FiguresCalculator.regionWeightedMeans(ctx.municipalities)
                .forEach((region, mean) -> regions.add(new FinlandMap.RegionEntry(region, null, mean)));
        FinlandMap.Svg regionMap = map.regions(regions, t.get("map_regions_caption"));
        Set<String> missing = new LinkedHashSet<>();
        levels.missing().forEach(code -> missing.add(code + " " + names.getOrDefault(code, "")));
        missing.addAll(regionMap.missing());
        return new NationalMap(inline(levels.svg()), areas, inline(regionMap.svg()),
                missing.stream().map(String::strip).toList());
    }

    /** The locator map of one municipality's page. */
    static LocatorMap locator(ReportContext ctx, String code, Lang lang) {
        FinlandMap map = FinlandMap.of(lang);
        Municipality m = ctx.referenceEntry(code).orElse(null);
        FinlandMap.Svg svg = m != null ? map.locator(m) : map.locator(code, code, null);
        return svg.missing().isEmpty() ? new LocatorMap(inline(svg.svg()), null) : new LocatorMap(null, code);
    }

    /** Name by code in the page's language: the list, then any municipality with figures the list lacks. */
    private static Map<String, String> names(ReportContext ctx, Lang lang) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Municipality m : ctx.reference) {
            names.put(m.code(), lang == Lang.SV && !m.nameSv().isBlank() ? m.nameSv() : m.nameFi());
        }
        for (MunicipalityFigures m : ctx.municipalities) {
            names.putIfAbsent(m.code(), Text.clean(HtmlModel.municipalityName(ctx, m)));
        }
        return names;
    }

    private static AreaFigures area(MunicipalityFigures m, String area) {
        return m == null ? null : m.areas().stream().filter(a -> area.equals(a.area())).findFirst().orElse(null);
    }

    /** Inline SVG in HTML takes its namespace from the parser; dropping xmlns keeps the page free of any URL. */
    private static String inline(String svg) {
        // A plain search: replaceFirst compiled a regular expression for each of the 308 pages.
        int i = svg.indexOf(XMLNS);
        return i < 0 ? svg : svg.substring(0, i) + svg.substring(i + XMLNS.length());
    }

    private static final String XMLNS = " xmlns=\"http://www.w3.org/2000/svg\"";
}
