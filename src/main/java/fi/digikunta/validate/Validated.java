package fi.digikunta.validate;

import fi.digikunta.model.AssessmentReturn;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.Message;
import fi.digikunta.model.Outcome;
import fi.digikunta.schema.Lang;
import java.util.List;

/**
 * What validating one workbook gave: its outcome (accepted, accepted_with_warnings or rejected;
 * superseding across files comes later), the municipality where known, the typed return unless
 * rejected, the findings kept (at most the cap, plus a findings-capped warning), and for a rejected
 * file the code and message of its reason, the round the return belongs to (null when rejected), and
 * the language the form was filled in where its tabs could be read (null when unknown).
 */
public record Validated(Outcome outcome, String municipalityCode, AssessmentReturn ret, List<Finding> findings,
        boolean findingsTruncated, String reasonCode, Message reason, Integer round, Lang language) {
    public Validated {
        findings = List.copyOf(findings);
    }

    /** The form language is the return's. */
    public Validated(Outcome outcome, String municipalityCode, AssessmentReturn ret, List<Finding> findings,
            boolean findingsTruncated, String reasonCode, Message reason, Integer round) {
        this(outcome, municipalityCode, ret, findings, findingsTruncated, reasonCode, reason, round,
                ret == null ? null : ret.language());
    }

    /** Without a round: a rejection. */
    public Validated(Outcome outcome, String municipalityCode, AssessmentReturn ret, List<Finding> findings,
            boolean findingsTruncated, String reasonCode, Message reason) {
        this(outcome, municipalityCode, ret, findings, findingsTruncated, reasonCode, reason, null);
    }

    /** A file rejected by one finding that is also its only finding (e.g. a file that cannot be read). */
    public static Validated rejected(Finding reason) {
        return new Validated(Outcome.REJECTED, null, null, List.of(reason), false, reason.id(), reason.message());
    }
}
