package fi.digikunta.validate;

/**
 * Numbers typed as text the Finnish way: "1 200,50", "55 %", "-3", with ordinary, no-break (U+00A0),
 * narrow no-break (U+202F), figure (U+2007) or thin (U+2009) spaces as thousands separators, a
 * decimal comma or point, a minus sign (- or U+2212) and an optional trailing percent sign. A point
 * is never a thousands separator ("1.200" is 1.2), so that a text number is never misread by a
 * factor of a thousand.
 */
public final class TextNumbers {
    private TextNumbers() {
    }

    /** A parsed text number; {@code percent} when it ended with a percent sign. */
    public record Parsed(double value, boolean percent) {
    }

    /** The number the text holds, or null when it is not one. */
    public static Parsed parse(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        boolean percent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2007' || c == '\u2009' || c == '\t') {
                continue;
            }
            if (percent) {
                return null;
            }
            if (c == '%') {
                percent = true;
            } else if (c == '\u2212') {
                b.append('-');
            } else {
                b.append(c);
            }
        }
        String s = b.toString();
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        int digits = 0;
        int separators = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == ',' || c == '.') {
                separators++;
                if (i == s.length() - 1) {
                    return null;
                }
            } else {
                return null;
            }
        }
        if (digits == 0 || separators > 1) {
            return null;
        }
        try {
            return new Parsed(Double.parseDouble(s.replace(',', '.')), percent);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
