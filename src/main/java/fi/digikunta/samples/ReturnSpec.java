package fi.digikunta.samples;

import fi.digikunta.reference.Municipality;
import fi.digikunta.template.TemplateLayout;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * One valid return to generate: which municipality, in which layout (language, column order, tab
 * names), filled in on which date, how it was typed, the seed of its random answers, and how far it
 * has come beyond what its size suggests.
 *
 * @param progress added to the municipality's size score (0-1) when answering: a municipality that
 *     has moved forward since an earlier round answers like a bigger one (more services in use, more
 *     digital stages, higher usage); 0 for a return of its size
 */
public record ReturnSpec(Municipality municipality, TemplateLayout layout, LocalDate fillDate, Set<Quirk> quirks,
        long seed, double progress) {

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

    /** A return of its size (no progress). */
    public ReturnSpec(Municipality municipality, TemplateLayout layout, LocalDate fillDate, Set<Quirk> quirks,
            long seed) {
        this(municipality, layout, fillDate, quirks, seed, 0);
    }

    public boolean has(Quirk q) {
        return quirks.contains(q);
    }
}
