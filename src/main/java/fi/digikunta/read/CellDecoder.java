package fi.digikunta.read;

import fi.digikunta.read.RawCell.Kind;
import java.util.List;

/** Decodes the c elements of a sheet into raw cells, values as stored: no formula is evaluated. */
final class CellDecoder {
    /** Days from the 1900 date system's day 0 to the 1904 system's: added to a 1904 workbook's dates. */
    static final int DAYS_1904 = 1462;

    private final List<String> sst;
    private final Styles styles;
    private final boolean date1904;
    private final int maxChars;

    CellDecoder(List<String> sst, Styles styles, boolean date1904, int maxChars) {
        this.sst = sst;
        this.styles = styles;
        this.date1904 = date1904;
        this.maxChars = maxChars;
    }

    /** Where a cell is and what its format and formula flags are: what every raw cell made of it carries. */
    private record At(int row, int col, boolean percent, boolean date, boolean formula) {
        RawCell cell(Kind kind, String text) {
            return new RawCell(row, col, kind, text, Double.NaN, percent, date, formula);
        }

        /** Text, or null for an empty one (a blank cell). */
        RawCell string(String text) {
            return text.isEmpty() ? null : cell(Kind.STRING, text);
        }

        RawCell number(String text, double d) {
            return new RawCell(row, col, Kind.NUMBER, text, d, percent, date, formula);
        }

        /** A formula without its cached value; a cell without formula and value is blank (null). */
        RawCell noValue() {
            return formula ? new RawCell(row, col, Kind.FORMULA_NO_VALUE, "", Double.NaN, percent, date, true) : null;
        }
    }

    /** One c element, positioned at its start; null for a cell with no value (styled blank). */
    RawCell decode(XmlIn x, String t, String styleIndex, int row, int col) throws ReadException {
        Integer s = XmlIn.intOrNull(styleIndex);
        int xf = s == null ? 0 : s;
        String v = null;
        String inline = null;
        boolean formula = false;
        XmlIn.Children c = x.children();
        while (c.next()) {
            switch (x.local()) {
                case "v" -> v = x.text(maxChars);
                case "f" -> {
                    formula = true;
                    x.skip();
                }
                case "is" -> inline = SharedStrings.richText(x, maxChars);
                default -> x.skip();
            }
        }
        At at = new At(row, col, styles.percent(xf), styles.date(xf), formula);
        String type = t == null ? "n" : t;
        if (type.equals("inlineStr")) {
            String text = inline != null ? inline : v;
            return text == null ? at.noValue() : at.string(text);
        }
        if (v == null || (v.isEmpty() && !type.equals("str"))) {
            return at.noValue();
        }
        return value(at, type, v);
    }

    private RawCell value(At at, String type, String v) {
        return switch (type) {
            case "s" -> {
                Integer i = XmlIn.intOrNull(v);
                yield i == null || i < 0 || i >= sst.size() ? at.cell(Kind.ERROR, "#REF!") : at.string(sst.get(i));
            }
            case "str" -> at.string(SharedStrings.unescape(v));
            case "b" -> {
                String b = v.trim();
                boolean value = b.equals("1") || b.equalsIgnoreCase("true");
                if (!value && !b.equals("0") && !b.equalsIgnoreCase("false")) {
                    yield at.cell(Kind.ERROR, "#VALUE!");
                }
                yield at.cell(Kind.BOOLEAN, value ? "TRUE" : "FALSE");
            }
            case "e" -> at.cell(Kind.ERROR, v.trim());
            case "d" -> at.cell(Kind.DATE, v.trim());
            default -> {
                double d = parseNumber(v);
                if (Double.isNaN(d)) {
                    yield at.cell(Kind.ERROR, "#VALUE!");
                }
                yield at.number(v.trim(), date1904 && at.date() ? d + DAYS_1904 : d);
            }
        };
    }

    /** A number as OOXML stores it (xsd:double); NaN for anything else, including "NaN" and "INF". */
    static double parseNumber(String v) {
        String s = v.trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isInfinite(d) ? Double.NaN : d;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
