package fi.digikunta.findings;

import fi.digikunta.schema.Lang;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user-facing text that is not a finding: messages of the inbox, the archive, the publisher,
 * the console and the command line, and the one wording of each outcome. Keys are
 * {@code <bundle>.<name>}; the bundle is {@code /fi/digikunta/texts/<bundle>{,_sv,_en}.properties}
 * (UTF-8), so each package keeps its texts in its own file. Placeholders as in {@link FindingTexts}.
 */
public final class Texts {
    private static final Map<String, Map<Lang, Properties>> BUNDLES = new ConcurrentHashMap<>();

    private Texts() {
    }

    /** The text of {@code key} in all three languages, {@code args} filling {0}..{9}. */
    public static Message message(String key, Object... args) {
        return new Message(get(Lang.FI, key, args), get(Lang.SV, key, args), get(Lang.EN, key, args));
    }

    /** The text of {@code key} in one language. */
    public static String get(Lang lang, String key, Object... args) {
        int dot = key.indexOf('.');
        if (dot < 1) {
            throw new IllegalArgumentException("a text key is bundle.name: " + key);
        }
        Map<Lang, Properties> bundle = BUNDLES.computeIfAbsent(key.substring(0, dot),
                b -> FindingTexts.load("/fi/digikunta/texts/" + b));
        String t = bundle.get(lang).getProperty(key.substring(dot + 1));
        if (t == null) {
            throw new IllegalArgumentException("no text " + key + " (" + lang.code() + ")");
        }
        return FindingTexts.fill(lang, t, args);
    }
}
