package fi.digikunta.samples;

import fi.digikunta.reference.Municipality;
import fi.digikunta.template.TemplateLayout;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * One valid return to generate: which municipality, in which layout (language, column order, tab
 * names), filled in on which date, how it was typed, and the seed of its random answers.
 */
public record ReturnSpec(Municipality municipality, TemplateLayout layout, LocalDate fillDate, Set<Quirk> quirks,
        long seed) {

    /** Ways real returns are typed that the reader must accept. */
    public enum Quirk {
        /** Numbers typed as text the Finnish way: "1 200,50" (no-break space), "55 %" (a warning each). */
        TEXT_NUMBERS,
        /** Usage typed as 0-100 in general-format cells instead of a percent cell. */
        USAGE_WHOLE_NUMBERS,
        /** The municipality code typed as a number (91 for "091"). */
        CODE_AS_NUMBER,
        /** The fill date typed as text d.m.yyyy. */
        DATE_AS_TEXT,
        /** A few services the municipality added itself, with a blank id. */
        OWN_SERVICES,
        /** Yearly costs typed as formulas (12 * monthly fee), with cached values. */
        FORMULA_COSTS
    }

    public ReturnSpec {
        quirks = quirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quirks));
    }

    public boolean has(Quirk q) {
        return quirks.contains(q);
    }
}
