package fi.digikunta.findings;

import fi.digikunta.schema.Lang;

/** A user-facing text in Finnish, Swedish and English. */
public record Message(String fi, String sv, String en) {
    /**
     * A value (a path, an error) as a message argument, the same in every language: Texts and the
     * finding texts clean and cut a plain argument as workbook text, a Message they put in whole.
     */
    public static Message verbatim(Object value) {
        String s = String.valueOf(value);
        return new Message(s, s, s);
    }

    public String get(Lang lang) {
        return switch (lang) {
            case FI -> fi;
            case SV -> sv;
            case EN -> en;
        };
    }
}
