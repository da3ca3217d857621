package fi.digikunta.report;

import fi.digikunta.schema.Lang;
import java.util.List;

/**
 * Colours and words of the maps ({@link FinlandMap}).
 *
 * <p>Palette: ColorBrewer "YlGnBu", 5 classes (Cynthia Brewer, colorbrewer2.org), a sequential scheme
 * that ColorBrewer marks colour-blind safe, print friendly and photocopy safe: light yellow for level 0
 * through green and blue to dark blue for level 4, so the order reads from lightness alone (also in
 * greyscale and for deuteranopes and protanopes). Municipalities or regions without data are a neutral
 * grey with diagonal hatching, a hue and a texture that no class of the scale has.
 */
final class MapStyle {
    /** ColorBrewer YlGnBu, 5 classes, light to dark. */
    static final List<String> SCALE = List.of("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494");
    /** Fill of shapes that are not part of the data (e.g. merged away in a newer list). */
    static final String BACKGROUND = "#e6e6e6";
    static final String NO_DATA_BASE = "#d9d9d9";
    static final String NO_DATA_LINE = "#969696";
    static final String BORDER = "#ffffff";
    static final String OUTLINE = "#303030";
    static final String TEXT = "#202020";
    static final String HIGHLIGHT = "#d95f02";

    private MapStyle() {
    }

    /** The class colour 0..4; out of range values are clamped. */
    static String colour(int level) {
        return SCALE.get(Math.max(0, Math.min(SCALE.size() - 1, level)));
    }

    /** The hatch pattern for "no data" with the given id. */
    static String hatch(String id, int spacing) {
        return "<pattern id=\"" + id + "\" width=\"" + spacing + "\" height=\"" + spacing
                + "\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"" + spacing
                + "\" height=\"" + spacing + "\" fill=\"" + NO_DATA_BASE + "\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\""
                + spacing + "\" stroke=\"" + NO_DATA_LINE + "\" stroke-width=\"" + Math.max(1, spacing / 3)
                + "\"/></pattern>";
    }

    /** Text for XML content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** "Helsinki: indeksi 45,3, taso 2" and the like. */
    static String levelTitle(Lang lang, String name, String index, int level) {
        return switch (lang) {
            case SV -> name + ": index " + index + ", nivå " + level;
            case EN -> name + ": index " + index + ", level " + level;
            default -> name + ": indeksi " + index + ", taso " + level;
        };
    }

    static String indexTitle(Lang lang, String name, String index) {
        return name + ": " + (lang == Lang.FI ? "indeksi " : "index ") + index;
    }

    static String noReturnTitle(Lang lang, String name) {
        return name + ": " + noReturn(lang).toLowerCase(lang.locale());
    }

    static String noReturn(Lang lang) {
        return switch (lang) {
            case SV -> "Inget godkänt svar";
            case EN -> "No accepted return";
            default -> "Ei hyväksyttyä palautusta";
        };
    }

    static String noData(Lang lang) {
        return switch (lang) {
            case SV -> "Inga svar";
            case EN -> "No returns";
            default -> "Ei vastauksia";
        };
    }

    static String levelLegend(Lang lang, int level, int count) {
        return switch (lang) {
            case SV -> "Nivå " + level + ": " + count + (count == 1 ? " kommun" : " kommuner");
            case EN -> "Level " + level + ": " + count + (count == 1 ? " municipality" : " municipalities");
            default -> "Taso " + level + ": " + count + (count == 1 ? " kunta" : " kuntaa");
        };
    }

    static String levelHeading(Lang lang) {
        return switch (lang) {
            case SV -> "Kommunens nivå";
            case EN -> "Municipality's level";
            default -> "Kunnan taso";
        };
    }

    /** Two lines separated by '|'. */
    static String regionHeading(Lang lang) {
        return switch (lang) {
            case SV -> "Index|(befolkningsviktat medelvärde)";
            case EN -> "Index|(population-weighted mean)";
            default -> "Indeksi|(väestöllä painotettu keskiarvo)";
        };
    }
}
