package fi.digikunta.reference;

import fi.digikunta.schema.Labels;
import fi.digikunta.schema.Lang;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The borders of Finland's municipalities and regions for the maps of the reports, from the resource
 * {@code /fi/digikunta/reference/geo/borders.txt} written by {@code scripts/geo-resource} (National
 * Land Survey of Finland, municipal borders 2023, CC BY 4.0; projected to ETRS-TM35FIN, simplified,
 * Pertunmaa 588 merged into Mäntyharju 507). Shapes are SVG path data in the coordinates of
 * {@link #viewBox()}, to be filled with {@code fill-rule="evenodd"}; each comes in a detailed and a
 * coarse version (for small maps). The built-in borders are read once.
 *
 * <p>Line format of the resource (TAB separated, '#' starts a comment line):
 * {@code viewbox  0 0 W H}; {@code M  code  region  cx,cy,r  detail  coarse};
 * {@code R  code  name_fi  name_sv  detail  coarse}.
 */
public final class Borders {
    /** The resource, relative to this class. */
    public static final String RESOURCE = "geo/borders.txt";

    /**
     * A municipality's shape; {@code cx, cy} is the centre of its bounding box and {@code r} half the
     * box's diagonal (viewBox units), so a circle of radius r around the centre encloses the shape.
     */
    public record Shape(String code, String regionCode, int cx, int cy, int r, String detail, String coarse) {
        /** The detailed or the coarse path data. */
        public String path(boolean small) {
            return small ? coarse : detail;
        }
    }

    /** A region's (maakunta) shape and names as in the municipality list. */
    public record RegionShape(String code, String nameFi, String nameSv, String detail, String coarse) {
        public String path(boolean small) {
            return small ? coarse : detail;
        }
    }

    private final String viewBox;
    private final int width;
    private final int height;
    private final Map<String, Shape> municipalities;
    private final Map<String, RegionShape> regions;

    private Borders(String viewBox, Map<String, Shape> municipalities, Map<String, RegionShape> regions) {
        this.viewBox = viewBox;
        String[] v = viewBox.trim().split("\\s+");
        this.width = v.length == 4 ? Integer.parseInt(v[2]) : 0;
        this.height = v.length == 4 ? Integer.parseInt(v[3]) : 0;
        this.municipalities = Collections.unmodifiableMap(new TreeMap<>(municipalities));
        this.regions = Collections.unmodifiableMap(new TreeMap<>(regions));
    }

    private static final class BuiltIn {
        static final Borders INSTANCE = load();

        private static Borders load() {
            try (InputStream in = Borders.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " missing from the build");
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The borders shipped with this build, read on first use. */
    public static Borders builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** Borders from text in the resource's format; lines of an unknown kind are ignored. */
    public static Borders parse(Reader reader) throws IOException {
        String viewBox = "0 0 0 0";
        Map<String, Shape> m = new TreeMap<>();
        Map<String, RegionShape> r = new TreeMap<>();
        BufferedReader in = new BufferedReader(reader);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] f = line.split("\t", -1);
            if (line.startsWith("#") || f.length < 2) {
                continue;
            }
            if (f[0].equals("viewbox")) {
                viewBox = f[1].trim();
            } else if (f[0].equals("M") && f.length >= 6) {
                String[] c = f[3].split(",");
                m.put(f[1], new Shape(f[1], f[2], Integer.parseInt(c[0]), Integer.parseInt(c[1]),
                        c.length > 2 ? Integer.parseInt(c[2]) : 0, f[4], f[5]));
            } else if (f[0].equals("R") && f.length >= 6) {
                r.put(f[1], new RegionShape(f[1], f[2], f[3], f[4], f[5]));
            }
        }
        return new Borders(viewBox, m, r);
    }

    /** The SVG viewBox all shapes are drawn in: "0 0 W H" (1 unit = 500 m, north up). */
    public String viewBox() {
        return viewBox;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Optional<Shape> municipality(String code) {
        return Optional.ofNullable(code == null ? null : municipalities.get(code));
    }

    public Optional<RegionShape> region(String regionCode) {
        return Optional.ofNullable(regionCode == null ? null : regions.get(regionCode));
    }

    /** All municipality shapes by code (sorted). */
    public Collection<Shape> municipalities() {
        return municipalities.values();
    }

    /** All region shapes by code (sorted). */
    public Collection<RegionShape> regions() {
        return regions.values();
    }

    /**
     * The code of a region given its Finnish or Swedish name as written in the municipality list
     * ({@link Municipality#region()}), compared as {@link Labels#normalize} does; empty if unknown.
     */
    public Optional<String> regionCode(String regionName) {
        if (regionName == null) {
            return Optional.empty();
        }
        String n = Labels.normalize(regionName);
        return regions.values().stream()
                .filter(r -> Labels.normalize(r.nameFi()).equals(n) || Labels.normalize(r.nameSv()).equals(n))
                .map(RegionShape::code).findFirst();
    }

    /** The region code of a municipality: from its shape, else from its region name in the list. */
    public Optional<String> regionOf(Municipality m) {
        Optional<String> byShape = municipality(m.code()).map(Shape::regionCode);
        return byShape.isPresent() ? byShape : regionCode(m.region());
    }

    /** The credit line the licence (CC BY 4.0) asks for, in the given language. */
    public static String credit(Lang lang) {
        return switch (lang) {
            case SV -> "Lantmäteriverket, kommungränser 2023, CC BY 4.0";
            case EN -> "National Land Survey of Finland, municipal borders 2023, CC BY 4.0";
            default -> "Maanmittauslaitos, kuntarajat 2023, CC BY 4.0";
        };
    }
}
