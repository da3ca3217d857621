package fi.digikunta.report;

import static fi.digikunta.report.MapStyle.esc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One small line chart of an index (0..100) over the rounds, as inline SVG: rounds evenly spaced
 * left to right, a line per series that breaks where a round has no value (a skipped round is a
 * gap, never a zero), an optional grey band (the national quartiles) and a dashed vertical mark
 * between two rounds whose form versions differ. Every text is escaped here, so the templates put
 * the result in with ?no_esc. The numbers are also in the table and the words beside the chart.
 */
final class TrendChart {
    static final int W = 300;
    static final int H = 196;
    private static final int L = 30;
    private static final int R = 12;
    private static final int T = 26;
    private static final int B = 24;
    static final String OWN = "#d94801";
    static final String MEDIAN = "#1a1a1a";
    static final String BAND = "#d9d9d9";
    static final String VERSION = "#7a4b00";

    /**
     * A line: one value per round, null where the round has none.
     *
     * @param labelled whether each point gets its value written beside it
     */
    record Series(String name, String colour, boolean dashed, boolean labelled, List<Double> values) {
    }

    /** Where the form version changed: before round {@code index}, from one version to the other. */
    record VersionMark(int index, String from, String to) {
    }

    /** The band's low and high per round (nulls where none); both lists empty for no band. */
    record Band(List<Double> low, List<Double> high) {
        static final Band NONE = new Band(List.of(), List.of());
    }

    private TrendChart() {
    }

    static String svg(String id, String title, String desc, List<String> rounds, List<VersionMark> marks, Band band,
            List<Series> series, Fmt f) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<svg class=\"trend-chart\" role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id)
                .append("-d\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\"><title id=\"").append(id)
                .append("-t\">").append(esc(title)).append("</title><desc id=\"").append(id).append("-d\">")
                .append(esc(desc)).append("</desc>");
        axes(b, rounds);
        band(b, band, rounds.size());
        for (VersionMark m : marks) {
            double x = (x(m.index() - 1, rounds.size()) + x(m.index(), rounds.size())) / 2;
            b.append("<line x1=\"").append(c(x)).append("\" y1=\"").append(T - 6).append("\" x2=\"").append(c(x))
                    .append("\" y2=\"").append(T + plotH()).append("\" stroke=\"").append(VERSION)
                    .append("\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/><text class=\"axis\" x=\"")
                    .append(c(x)).append("\" y=\"").append(T - 10).append("\" text-anchor=\"middle\" fill=\"")
                    .append(VERSION).append("\">").append(esc("v" + m.from() + " \u2192 v" + m.to()))
                    .append("</text>");
        }
        for (Series s : series) {
            line(b, s, series, rounds, f);
        }
        return b.append("</svg>").toString();
    }

    /**
     * The level distribution by round: one 100 % bar per round, a segment per level (its class gives
     * the colour of the page's level scale; the count inside where it fits). Narrower than the
     * national level chart, since a round's label is short, so that it stays readable on a phone.
     */
    static String levels(String id, String title, String desc, List<HtmlModel.LevelRow> rows) {
        int left = 112;
        int width = 250;
        int rowH = 30;
        StringBuilder b = new StringBuilder(2048);
        b.append("<svg class=\"trend-levels\" role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id)
                .append("-d\" viewBox=\"0 0 ").append(left + width + 48).append(' ').append(rows.size() * rowH + 6)
                .append("\"><title id=\"").append(id).append("-t\">").append(esc(title)).append("</title><desc id=\"")
                .append(id).append("-d\">").append(esc(desc)).append("</desc>");
        for (int r = 0; r < rows.size(); r++) {
            HtmlModel.LevelRow row = rows.get(r);
            int y = 4 + r * rowH;
            b.append("<text x=\"").append(left - 6).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\">").append(esc(row.name())).append("</text>");
            double x = left;
            for (HtmlModel.LevelSegment seg : row.segments()) {
                if (seg.count() == 0) {
                    continue;
                }
                double w = seg.share() * width;
                b.append("<rect class=\"lv").append(seg.level()).append("\" x=\"").append(c(x)).append("\" y=\"")
                        .append(y).append("\" width=\"").append(c(w)).append("\" height=\"22\"><title>")
                        .append(esc(row.name() + ": " + seg.level() + " " + seg.name() + " " + seg.count()))
                        .append("</title></rect>");
                if (w >= 16) {
                    b.append("<text").append(seg.level() >= 3 ? " class=\"light\"" : "").append(" x=\"")
                            .append(c(x + w / 2)).append("\" y=\"").append(y + 15)
                            .append("\" text-anchor=\"middle\">").append(seg.count()).append("</text>");
                }
                x += w;
            }
            b.append("<text class=\"axis\" x=\"").append(left + width + 5).append("\" y=\"").append(y + 15)
                    .append("\">n=").append(row.total()).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    private static void axes(StringBuilder b, List<String> rounds) {
        for (int tick = 0; tick <= 100; tick += 25) {
            double y = y(tick);
            b.append("<line class=\"grid\" x1=\"").append(L).append("\" y1=\"").append(c(y)).append("\" x2=\"")
                    .append(W - R).append("\" y2=\"").append(c(y)).append("\"/><text class=\"axis\" x=\"")
                    .append(L - 5).append("\" y=\"").append(c(y + 4)).append("\" text-anchor=\"end\">").append(tick)
                    .append("</text>");
        }
        for (int i = 0; i < rounds.size(); i++) {
            b.append("<text class=\"axis\" x=\"").append(c(x(i, rounds.size()))).append("\" y=\"").append(H - 7)
                    .append("\" text-anchor=\"middle\">").append(esc(rounds.get(i))).append("</text>");
        }
    }

    /** The band as one quadrilateral per pair of neighbouring rounds that both have it, a bar for a lone round. */
    private static void band(StringBuilder b, Band band, int n) {
        for (int i = 0; i < band.low().size(); i++) {
            if (band.low().get(i) == null || band.high().get(i) == null) {
                continue;
            }
            boolean prev = i > 0 && band.low().get(i - 1) != null && band.high().get(i - 1) != null;
            boolean next = i + 1 < n && band.low().get(i + 1) != null && band.high().get(i + 1) != null;
            if (prev) {
                b.append("<polygon fill=\"").append(BAND).append("\" points=\"")
                        .append(pt(i - 1, band.low().get(i - 1), n)).append(' ').append(pt(i, band.low().get(i), n))
                        .append(' ').append(pt(i, band.high().get(i), n)).append(' ')
                        .append(pt(i - 1, band.high().get(i - 1), n)).append("\"/>");
            } else if (!next) {
                double y = y(band.high().get(i));
                b.append("<rect fill=\"").append(BAND).append("\" x=\"").append(c(x(i, n) - 6)).append("\" y=\"")
                        .append(c(y)).append("\" width=\"12\" height=\"").append(c(y(band.low().get(i)) - y))
                        .append("\"/>");
            }
        }
    }

    private static void line(StringBuilder b, Series s, List<Series> all, List<String> rounds, Fmt f) {
        int n = rounds.size();
        List<Double> v = s.values();
        String dash = s.dashed() ? "\" stroke-dasharray=\"6 4" : "";
        for (int i = 1; i < n; i++) {
            if (v.get(i - 1) != null && v.get(i) != null) {
                b.append("<line x1=\"").append(c(x(i - 1, n))).append("\" y1=\"").append(c(y(v.get(i - 1))))
                        .append("\" x2=\"").append(c(x(i, n))).append("\" y2=\"").append(c(y(v.get(i))))
                        .append("\" stroke=\"").append(s.colour()).append("\" stroke-width=\"2.5").append(dash)
                        .append("\"/>");
            }
        }
        for (int i = 0; i < n; i++) {
            if (v.get(i) == null) {
                continue;
            }
            double x = x(i, n);
            double y = y(v.get(i));
            String value = f.dec1(v.get(i));
            b.append("<circle cx=\"").append(c(x)).append("\" cy=\"").append(c(y)).append("\" r=\"")
                    .append(s.dashed() ? "3" : "4").append("\" fill=\"").append(s.dashed() ? "#fff" : s.colour())
                    .append("\" stroke=\"").append(s.colour()).append("\" stroke-width=\"1.5\"><title>")
                    .append(esc(s.name() + ", " + rounds.get(i) + ": " + value)).append("</title></circle>");
            if (s.labelled()) {
                double ly = below(v.get(i), all, i) ? y + 17 : y - 9;
                b.append("<text x=\"").append(c(x)).append("\" y=\"").append(c(ly))
                        .append("\" text-anchor=\"middle\" font-weight=\"bold\">").append(esc(value))
                        .append("</text>");
            }
        }
    }

    /**
     * A label goes above its point, but below it near the top of the scale (where it would leave the
     * plot) or where another line passes just above (where it would sit on that line).
     */
    private static boolean below(double v, List<Series> all, int i) {
        if (v > 85) {
            return true;
        }
        for (Series o : all) {
            Double w = o.values().get(i);
            if (w != null && w > v && w - v < 12 && v > 10) {
                return true;
            }
        }
        return false;
    }

    private static String pt(int i, double v, int n) {
        return c(x(i, n)) + "," + c(y(v));
    }

    private static int plotH() {
        return H - T - B;
    }

    static double x(int i, int n) {
        return L + (i + 0.5) * (W - L - R) / n;
    }

    static double y(double v) {
        double clamped = Math.max(0, Math.min(100, v));
        return T + plotH() * (1 - clamped / 100);
    }

    /** A coordinate to 0.1, written without a locale and without a trailing ".0". */
    static String c(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
