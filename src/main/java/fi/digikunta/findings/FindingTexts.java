package fi.digikunta.findings;

import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Localized;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The message texts of the finding catalogue, in Finnish, Swedish and English, loaded once from
 * {@code /fi/digikunta/findings/Findings{,_sv,_en}.properties} (UTF-8). The catalogue of codes is
 * {@code fi.digikunta.findings.FindingCode}; the texts live here because reading is the first stage
 * that needs them (a file that cannot be read gets its reason from the reader).
 *
 * <p>Keys: {@code <code>.title} (a short title, for the docs), {@code <code>} (the message) and
 * optional variants {@code <code>.<variant>}. Placeholders are {@code {0}}..{@code {9}}, replaced
 * literally (no MessageFormat quoting rules). An argument that is a {@link Localized} or a
 * {@link Message} is rendered in the message's language; a {@link Double} is written with a decimal
 * comma in Finnish and Swedish.
 */
public final class FindingTexts {
    private static final Map<Lang, Properties> TEXTS = load("/fi/digikunta/findings/Findings");

    private FindingTexts() {
    }

    /** One bundle's three languages, e.g. {@code /fi/digikunta/findings/Findings} (UTF-8 files). */
    static Map<Lang, Properties> load(String base) {
        Map<Lang, Properties> m = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            String res = base + (l == Lang.FI ? "" : "_" + l.code()) + ".properties";
            Properties p = new Properties();
            try (InputStream in = FindingTexts.class.getResourceAsStream(res)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + res);
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            m.put(l, p);
        }
        return m;
    }

    /** The raw template of a key in one language, or null. */
    public static String template(Lang lang, String key) {
        return TEXTS.get(lang).getProperty(key);
    }

    /** Every key of the Finnish texts, sorted. */
    public static Set<String> keys(Lang lang) {
        return new TreeSet<>(TEXTS.get(lang).stringPropertyNames());
    }

    /** The message of {@code code} (or of its {@code variant}, when given and present) in all three languages. */
    public static Message format(String code, String variant, Object... args) {
        String key = variant != null && template(Lang.FI, code + "." + variant) != null ? code + "." + variant : code;
        return new Message(render(Lang.FI, key, args), render(Lang.SV, key, args), render(Lang.EN, key, args));
    }

    static String render(Lang lang, String key, Object... args) {
        String t = template(lang, key);
        if (t == null) {
            throw new IllegalArgumentException("no text for finding " + key + " (" + lang.code() + ")");
        }
        return fill(lang, t, args);
    }

    /** A template with {0}..{9} filled in the given language. */
    static String fill(Lang lang, String t, Object... args) {
        if (t.indexOf('{') < 0) {
            return t;
        }
        StringBuilder b = new StringBuilder(t.length() + 32);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '{' && i + 2 < t.length() && t.charAt(i + 2) == '}' && Character.isDigit(t.charAt(i + 1))) {
                int n = t.charAt(i + 1) - '0';
                b.append(n < args.length ? text(lang, args[n]) : "");
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** One argument as text in the given language. */
    public static String text(Lang lang, Object a) {
        if (a == null) {
            return "";
        }
        if (a instanceof Localized l) {
            return l.get(lang);
        }
        if (a instanceof Message m) {
            return m.get(lang);
        }
        if (a instanceof Double d) {
            return number(lang, d);
        }
        return clean(a.toString());
    }

    /** Longest argument text put into a message; a longer cell value is cut with an ellipsis. */
    public static final int MAX_ARGUMENT_CHARS = 200;

    /**
     * Text from a workbook made safe to put in a message or on a terminal: line breaks and tabs
     * become spaces, other control characters and unpaired surrogates become U+FFFD, and text
     * longer than {@link #MAX_ARGUMENT_CHARS} is cut.
     */
    public static String clean(String s) {
        return clean(s, MAX_ARGUMENT_CHARS, FindingTexts::onOneLine);
    }

    private static String onOneLine(String s, int i) {
        char c = s.charAt(i);
        if (c == '\t' || c == '\n' || c == '\r') {
            return " ";
        }
        return Character.isISOControl(c) ? REPLACEMENT : null;
    }

    /** U+FFFD, what an unpaired surrogate or a control character that is not kept becomes. */
    public static final String REPLACEMENT = "\uFFFD";

    /** What one char of a text becomes: a replacement (possibly empty), or null to keep it. */
    @FunctionalInterface
    public interface CharRule {
        String replace(String s, int i);
    }

    /**
     * The one cleaning loop of free text (this class's messages, the report's values): each char
     * goes through {@code rule}, an unpaired surrogate becomes U+FFFD, and text longer than
     * {@code max} chars is cut with an ellipsis. The text itself is returned when nothing changes.
     */
    public static String clean(String s, int max, CharRule rule) {
        StringBuilder b = null;
        int n = Math.min(s.length(), max);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep = rule.replace(s, i);
            if (rep == null && Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (b != null) {
                        b.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                rep = REPLACEMENT;
            } else if (rep == null && Character.isLowSurrogate(c)) {
                rep = REPLACEMENT;
            }
            if (rep != null && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                if (rep == null) {
                    b.append(c);
                } else {
                    b.append(rep);
                }
            }
        }
        if (s.length() <= max) {
            return b == null ? s : b.toString();
        }
        if (b == null) {
            b = new StringBuilder(s.substring(0, max));
        }
        return b.append('\u2026').toString();
    }

    /** A number written plainly (no exponent, no trailing zeros), with a decimal comma in fi and sv. */
    public static String number(Lang lang, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return lang == Lang.EN ? s : s.replace('.', ',');
    }
}
