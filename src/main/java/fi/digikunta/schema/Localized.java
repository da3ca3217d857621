package fi.digikunta.schema;

import java.util.Objects;

/** A text in Finnish, Swedish and English. English may be absent for workbook labels. */
public record Localized(String fi, String sv, String en) {
    public Localized {
        Objects.requireNonNull(fi, "fi");
        Objects.requireNonNull(sv, "sv");
    }

    public String get(Lang lang) {
        return switch (lang) {
            case FI -> fi;
            case SV -> sv;
            case EN -> en != null ? en : fi;
        };
    }
}
