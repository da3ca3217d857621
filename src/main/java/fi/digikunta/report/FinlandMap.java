package fi.digikunta.report;

import static fi.digikunta.report.MapStyle.esc;

import fi.digikunta.reference.Borders;
import fi.digikunta.reference.Borders.RegionShape;
import fi.digikunta.reference.Borders.Shape;
import fi.digikunta.reference.Municipality;
import fi.digikunta.schema.Lang;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps of Finland as inline SVG (no scripts, no external files) for the HTML reports: municipalities
 * coloured by level (big, with a legend, or small for small multiples), regions coloured by an index,
 * and a locator map. Every map ends with the credit line of the borders' licence in the report's
 * language. A code that has no shape (e.g. a municipality formed after the border data) is drawn as
 * nothing and returned in {@link Svg#missing()}; nothing throws. Colours: see {@link MapStyle}.
 *
 * <p>Output is deterministic; ids inside one map are unique per {@code FinlandMap} instance, so use
 * one instance per page.
 */
public final class FinlandMap {
    /**
     * One municipality on a level map: {@code level} 0..4 and {@code index} 0..100, both null when
     * there is no accepted return; {@code href} may be null (then no link).
     */
    public record Entry(String code, String name, Integer level, Double index, String href) {
    }

    /** One region on the region map: {@code region} is its code ("01") or its Finnish or Swedish name. */
    public record RegionEntry(String region, String name, Double index) {
    }

    /** A rendered map and the codes that had no shape (in input order). */
    public record Svg(String svg, List<String> missing) {
    }

    /** Room for the legend right of the map: the longest line is Finnish "Ei hyväksyttyä palautusta: 308". */
    private static final int LEGEND_W = 1200;
    private static final int FOOT = 110;
    private static final int CAPTION = 150;
    /** Municipalities smaller than this (half bounding-box diagonal, 1 unit = 500 m) get a ring on locator maps. */
    private static final int SMALL_RADIUS = 60;

    private final Borders borders;
    private final Lang lang;
    private final Fmt fmt;
    private final int w;
    private final int h;
    private int seq;

    public FinlandMap(Borders borders, Lang lang) {
        this.borders = borders;
        this.lang = lang;
        this.fmt = new Fmt(lang);
        this.w = borders.width();
        this.h = borders.height();
    }

    /** A map for the built-in borders. */
    public static FinlandMap of(Lang lang) {
        return new FinlandMap(Borders.builtIn(), lang);
    }

    /** The big national map: municipalities by level, region outlines, legend with counts, credit. */
    public Svg levels(List<Entry> entries, String caption) {
        String id = nextId();
        StringBuilder b = open(id, w + LEGEND_W, h + FOOT, 0, 640, caption);
        b.append("<defs>").append(MapStyle.hatch(id + "h", 24)).append("</defs>");
        List<String> missing = municipalities(b, entries, id, false);
        regionOutlines(b, 5, false);
        levelLegend(b, entries, id, w + 20, 120, 56);
        credit(b, h + FOOT - 30, 48, 0);
        return new Svg(b.append("</svg>").toString(), missing);
    }

    /** A small multiple of {@link #levels}: coarse shapes, the caption on top, no legend, credit. */
    public Svg smallLevels(List<Entry> entries, String caption) {
        return smallLevels(entries, caption, true);
    }

    /**
     * {@link #smallLevels(List, String)}; with {@code drawCaption} false the caption only names the map
     * (its title) and the page shows it as text, where a long area name can wrap.
     */
    public Svg smallLevels(List<Entry> entries, String caption, boolean drawCaption) {
        String id = nextId();
        int top = caption == null || !drawCaption ? 0 : CAPTION;
        StringBuilder b = open(id, w, h + top + 2 * FOOT, top, 220, caption);
        b.append("<defs>").append(MapStyle.hatch(id + "h", 40)).append("</defs>");
        if (caption != null && drawCaption) {
            text(b, 10, -40, 110, "bold", caption);
        }
        List<String> missing = municipalities(b, entries, id, true);
        credit(b, h + 90, 64, 85);
        return new Svg(b.append("</svg>").toString(), missing);
    }

    /**
     * Regions coloured by an index (e.g. the population-weighted mean) in five equal classes over the
     * range of the values (rounded out to multiples of 5), with a legend and the credit.
     */
    public Svg regions(List<RegionEntry> entries, String caption) {
        String id = nextId();
        StringBuilder b = open(id, w + LEGEND_W, h + FOOT, 0, 640, caption);
        b.append("<defs>").append(MapStyle.hatch(id + "h", 24)).append("</defs>");
        double[] range = range(entries);
        Map<String, RegionEntry> byCode = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (RegionEntry e : entries) {
            Optional<String> code = regionCode(e.region());
            code.ifPresentOrElse(c -> byCode.put(c, e), () -> missing.add(String.valueOf(e.region())));
        }
        b.append("<g stroke=\"").append(MapStyle.BORDER).append("\" stroke-width=\"4\">");
        for (RegionShape r : borders.regions()) {
            RegionEntry e = byCode.get(r.code());
            String name = e == null || e.name() == null ? (lang == Lang.SV ? r.nameSv() : r.nameFi()) : e.name();
            boolean has = e != null && e.index() != null && Double.isFinite(e.index());
            String fill = has ? MapStyle.colour(classOf(e.index(), range)) : "url(#" + id + "h)";
            String title = has ? MapStyle.indexTitle(lang, name, fmt.dec1(e.index()))
                    : name + ": " + MapStyle.noData(lang).toLowerCase(lang.locale());
            b.append("<path fill=\"").append(fill).append("\" fill-rule=\"evenodd\" d=\"").append(r.detail())
                    .append("\"><title>").append(esc(title)).append("</title></path>");
        }
        b.append("</g>");
        regionLegend(b, range, id, w + 20, 120, 56);
        credit(b, h + FOOT - 30, 48, 0);
        return new Svg(b.append("</svg>").toString(), List.copyOf(missing));
    }

    /** A small locator map: the municipality highlighted (with a ring, so small ones show), its region outlined. */
    public Svg locator(String code, String name, String regionCode) {
        String id = nextId();
        StringBuilder b = open(id, w, h + 2 * FOOT, 0, 160, name);
        Optional<Shape> shape = borders.municipality(code);
        String region = regionCode != null ? regionCode : shape.map(Shape::regionCode).orElse(null);
        b.append("<g fill=\"").append(MapStyle.BACKGROUND).append("\" stroke=\"").append(MapStyle.BORDER)
                .append("\" stroke-width=\"6\">");
        for (RegionShape r : borders.regions()) {
            b.append("<path fill-rule=\"evenodd\" d=\"").append(r.coarse()).append("\"/>");
        }
        b.append("</g>");
        borders.region(region).ifPresent(r -> b.append("<path fill=\"#bdbdbd\" stroke=\"").append(MapStyle.OUTLINE)
                .append("\" stroke-width=\"10\" fill-rule=\"evenodd\" d=\"").append(r.coarse()).append("\"/>"));
        shape.ifPresent(s -> {
            b.append("<path fill=\"").append(MapStyle.HIGHLIGHT).append("\" fill-rule=\"evenodd\" d=\"")
                    .append(s.coarse()).append("\"/>");
            if (s.r() < SMALL_RADIUS) { // small on this scale: a ring around it so it can be found
                b.append("<circle cx=\"").append(s.cx()).append("\" cy=\"").append(s.cy()).append("\" r=\"")
                        .append(Math.max(50, s.r() + 25)).append("\" fill=\"none\" stroke=\"")
                        .append(MapStyle.HIGHLIGHT).append("\" stroke-width=\"14\"/>");
            }
        });
        credit(b, h + 90, 72, 95);
        return new Svg(b.append("</svg>").toString(), shape.isPresent() ? List.of() : List.of(String.valueOf(code)));
    }

    /** {@link #locator(String, String, String)} for a municipality of the list, named in the map's language. */
    public Svg locator(Municipality m) {
        String name = lang == Lang.SV && !m.nameSv().isBlank() ? m.nameSv() : m.nameFi();
        return locator(m.code(), name, borders.regionOf(m).orElse(null));
    }

    private String nextId() {
        return "fmap" + (++seq);
    }

    private StringBuilder open(String id, int width, int height, int top, int px, String label) {
        StringBuilder b = new StringBuilder(64_000);
        int pxh = Math.round((float) px * height / width);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"finland-map\" id=\"").append(id)
                .append("\" viewBox=\"0 ").append(-top).append(' ').append(width).append(' ').append(height)
                .append("\" width=\"").append(px).append("\" height=\"").append(pxh)
                .append("\" role=\"img\" font-family=\"sans-serif\"");
        if (label != null) {
            b.append(" aria-label=\"").append(esc(label)).append("\"><title>").append(esc(label))
                    .append("</title>");
        } else {
            b.append('>');
        }
        return b;
    }

    /** Municipality shapes grouped by fill; shapes not among the entries are a plain background. */
    private List<String> municipalities(StringBuilder b, List<Entry> entries, String id, boolean small) {
        Map<String, List<String>> byFill = new TreeMap<>();
        Set<String> drawn = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        for (Entry e : entries) {
            Optional<Shape> s = borders.municipality(e.code());
            if (s.isEmpty()) {
                missing.add(String.valueOf(e.code()));
                continue;
            }
            if (!drawn.add(e.code())) {
                continue;
            }
            boolean has = e.level() != null;
            String fill = has ? MapStyle.colour(e.level()) : "url(#" + id + "h)";
            String name = e.name() == null ? e.code() : e.name();
            String title = has ? MapStyle.levelTitle(lang, name, fmt.dec1(e.index()), e.level())
                    : MapStyle.noReturnTitle(lang, name);
            byFill.computeIfAbsent(fill, k -> new ArrayList<>()).add(shape(s.get().path(small), title, e.href()));
        }
        for (Shape s : borders.municipalities()) {
            if (!drawn.contains(s.code())) {
                byFill.computeIfAbsent(MapStyle.BACKGROUND, k -> new ArrayList<>())
                        .add("<path d=\"" + s.path(small) + "\"/>");
            }
        }
        b.append("<g stroke=\"").append(MapStyle.BORDER).append("\" stroke-width=\"").append(small ? 3 : 2)
                .append("\" fill-rule=\"evenodd\">");
        byFill.forEach((fill, shapes) -> {
            b.append("<g fill=\"").append(fill).append("\">");
            shapes.forEach(b::append);
            b.append("</g>");
        });
        b.append("</g>");
        return List.copyOf(missing);
    }

    private static String shape(String d, String title, String href) {
        String inner = "<title>" + esc(title) + "</title><path d=\"" + d + "\"/>";
        return href == null ? "<g>" + inner + "</g>" : "<a href=\"" + esc(href) + "\">" + inner + "</a>";
    }

    private void regionOutlines(StringBuilder b, int width, boolean small) {
        b.append("<g fill=\"none\" stroke=\"").append(MapStyle.OUTLINE).append("\" stroke-width=\"").append(width)
                .append("\" stroke-linejoin=\"round\" pointer-events=\"none\">");
        for (RegionShape r : borders.regions()) {
            b.append("<path d=\"").append(r.path(small)).append("\"/>");
        }
        b.append("</g>");
    }

    private void levelLegend(StringBuilder b, List<Entry> entries, String id, int x, int y, int font) {
        int[] counts = new int[MapStyle.SCALE.size()];
        int none = 0;
        for (Entry e : entries) {
            if (e.level() == null) {
                none++;
            } else {
                counts[Math.max(0, Math.min(counts.length - 1, e.level()))]++;
            }
        }
        text(b, x, y, font, "bold", MapStyle.levelHeading(lang));
        for (int i = 0; i < counts.length; i++) {
            swatch(b, x, y + (i + 1) * font * 2, font, MapStyle.colour(i), MapStyle.levelLegend(lang, i, counts[i]));
        }
        swatch(b, x, y + (counts.length + 1) * font * 2, font, "url(#" + id + "h)",
                MapStyle.noReturn(lang) + ": " + none);
    }

    private void regionLegend(StringBuilder b, double[] range, String id, int x, int y, int font) {
        String[] heading = MapStyle.regionHeading(lang).split("\\|");
        text(b, x, y - font * 6 / 5, font, "bold", heading[0]);
        text(b, x, y, font * 4 / 5, null, heading[1]);
        double step = (range[1] - range[0]) / MapStyle.SCALE.size();
        for (int i = 0; i < MapStyle.SCALE.size(); i++) {
            String label = fmt.dec1(range[0] + i * step) + "\u2013" + fmt.dec1(range[0] + (i + 1) * step);
            swatch(b, x, y + (i + 1) * font * 2, font, MapStyle.colour(i), label);
        }
        swatch(b, x, y + (MapStyle.SCALE.size() + 1) * font * 2, font, "url(#" + id + "h)", MapStyle.noData(lang));
    }

    private static void swatch(StringBuilder b, int x, int y, int font, String fill, String label) {
        b.append("<rect x=\"").append(x).append("\" y=\"").append(y - font).append("\" width=\"").append(font * 3 / 2)
                .append("\" height=\"").append(font * 5 / 4).append("\" fill=\"").append(fill)
                .append("\" stroke=\"").append(MapStyle.NO_DATA_LINE).append("\" stroke-width=\"2\"/>");
        text(b, x + font * 2, y, font, null, label);
    }

    private static void text(StringBuilder b, int x, int y, int font, String weight, String s) {
        b.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(font)
                .append("\" fill=\"").append(MapStyle.TEXT).append('"');
        if (weight != null) {
            b.append(" font-weight=\"").append(weight).append('"');
        }
        b.append('>').append(esc(s)).append("</text>");
    }

    /** The credit line, on two lines when {@code second > 0} (small maps). */
    private void credit(StringBuilder b, int y, int font, int second) {
        String c = Borders.credit(lang);
        int cut = c.indexOf(", ");
        if (second > 0 && cut > 0) {
            text(b, 10, y, font, null, c.substring(0, cut + 1));
            text(b, 10, y + second, font, null, c.substring(cut + 2));
        } else {
            text(b, 10, y, font, null, c);
        }
    }

    private Optional<String> regionCode(String region) {
        if (region == null) {
            return Optional.empty();
        }
        return borders.region(region).isPresent() ? Optional.of(region) : borders.regionCode(region);
    }

    /** Lowest and highest value rounded out to multiples of 5 (0..100 when there is no value). */
    static double[] range(List<RegionEntry> entries) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RegionEntry e : entries) {
            if (e.index() != null && Double.isFinite(e.index())) {
                lo = Math.min(lo, e.index());
                hi = Math.max(hi, e.index());
            }
        }
        if (lo > hi) {
            return new double[] {0, 100};
        }
        lo = Math.floor(lo / 5) * 5;
        hi = Math.max(lo + 5, Math.ceil(hi / 5) * 5);
        return new double[] {lo, hi};
    }

    static int classOf(double v, double[] range) {
        int n = MapStyle.SCALE.size();
        int c = (int) Math.floor((v - range[0]) / (range[1] - range[0]) * n);
        return Math.max(0, Math.min(n - 1, c));
    }
}
