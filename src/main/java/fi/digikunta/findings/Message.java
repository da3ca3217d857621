package fi.digikunta.findings;

import fi.digikunta.schema.Lang;

/** A user-facing text in Finnish, Swedish and English. */
public record Message(String fi, String sv, String en) {
    public String get(Lang lang) {
        return switch (lang) {
            case FI -> fi;
            case SV -> sv;
            case EN -> en;
        };
    }
}
