package fi.digikunta.model;

import fi.digikunta.findings.Message;
import fi.digikunta.findings.Texts;
import java.util.Locale;

/** What became of one input file. Every input file gets exactly one. */
public enum Outcome {
    ACCEPTED, ACCEPTED_WITH_WARNINGS, SUPERSEDED, REJECTED,
    /** Still being written when the run looked at it; left for the next run. */
    PENDING;

    /** The name used in every output: "accepted", "accepted_with_warnings", ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome's one wording in each language (texts/outcome*.properties), the same in every view. */
    public Message text() {
        return Texts.message("outcome." + id());
    }

    /** Whether the return counts in the figures. */
    public boolean counts() {
        return this == ACCEPTED || this == ACCEPTED_WITH_WARNINGS;
    }
}
