package fi.digikunta.schema;

import java.util.Locale;

/** The three languages of user-facing text. Finnish is the default everywhere. */
public enum Lang {
    FI, SV, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** Parses "fi", "sv" or "en" (any case). */
    public static Lang of(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
