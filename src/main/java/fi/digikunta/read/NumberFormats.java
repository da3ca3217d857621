package fi.digikunta.read;

import java.util.Locale;

/**
 * Tells percent and date number formats apart, by built-in id or by format code. Built-in ids 9 and
 * 10 are percent, 14-22 and 45-47 dates and times (ECMA-376 18.8.30). A custom code is a percent
 * format when it shows a '%' outside quoted text, and a date format when its first section, with
 * quoted text, escapes, colours, conditions and locale tags taken out, holds only date and time
 * tokens (y, m, d, h, s, AM/PM and separators), like POI's DateUtil.isADateFormat.
 */
public final class NumberFormats {
    private NumberFormats() {
    }

    public static boolean isBuiltInPercent(int id) {
        return id == 9 || id == 10;
    }

    public static boolean isBuiltInDate(int id) {
        return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
    }

    /** Whether the format (by id, and by code when one is given) shows a percent. */
    public static boolean isPercent(int id, String code) {
        return code != null ? isPercentCode(code) : isBuiltInPercent(id);
    }

    /** Whether the format (by id, and by code when one is given) shows a date or time. */
    public static boolean isDate(int id, String code) {
        return code != null ? isDateCode(code) : isBuiltInDate(id);
    }

    public static boolean isPercentCode(String code) {
        boolean quoted = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\\' || c == '_' || c == '*')) {
                i++;
            } else if (!quoted && c == '%') {
                return true;
            }
        }
        return false;
    }

    public static boolean isDateCode(String code) {
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '\\', '_', '*' -> i++;
                case ';' -> i = code.length();
                case '[' -> {
                    int close = code.indexOf(']', i);
                    if (close < 0) {
                        return false;
                    }
                    String inner = code.substring(i + 1, close).toLowerCase(Locale.ROOT);
                    // Elapsed time [h], [mm], [ss] is a time format; colours, conditions, locales are not.
                    if (!inner.isEmpty() && inner.chars().allMatch(ch -> ch == 'h' || ch == 'm' || ch == 's')) {
                        b.append(inner);
                    }
                    i = close;
                }
                default -> b.append(Character.toLowerCase(c));
            }
        }
        String s = b.toString().replace("am/pm", "").replace("a/p", "");
        boolean token = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'y', 'm', 'd', 'h', 's', 'e', 'g' -> token |= c != 'e' && c != 'g';
                case '-', '/', '.', ',', ' ', ':', 't', '0', '\u5e74', '\u6708', '\u65e5' -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return token;
    }
}
