package fi.digikunta.model;

import java.time.Instant;
import java.util.List;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.Message;
import fi.digikunta.schema.Lang;

/**
 * The result for one input file: its outcome, the municipality it is for (where known), the reason
 * when rejected or superseded, its findings, and the typed return when it could be read.
 *
 * @param file the file's path relative to the inbox, with forward slashes
 * @param reason why the file was rejected or superseded; null otherwise
 * @param findingsTruncated true when more findings were found than the per-file cap kept
 * @param ret the typed return; null for a rejected or pending file
 * @param reasonCode the stable code of {@code reason} (a finding-catalogue code such as
 *        {@code corrupt-zip} for a rejected file, e.g. {@code superseded} for a superseded one); null
 *        when there is no reason. Reports write it beside the reason text so that scripts can match it.
 * @param round the assessment round the return belongs to (its v2 round field, else its inbox's round,
 *        else the year of its fill date); null where no return was read (rejected, pending)
 * @param language the language the form was filled in, where its tabs could be read (also for a
 *        rejected file whose tabs were read); null when unknown. It chooses the municipality's page language.
 */
public record FileResult(String file, Outcome outcome, String municipalityCode, Message reason,
        List<Finding> findings, boolean findingsTruncated, AssessmentReturn ret, Instant modified,
        String reasonCode, Integer round, Lang language) {
    public FileResult {
        findings = List.copyOf(findings);
    }

    /** A result whose form language is the return's (none without a return). */
    public FileResult(String file, Outcome outcome, String municipalityCode, Message reason,
            List<Finding> findings, boolean findingsTruncated, AssessmentReturn ret, Instant modified,
            String reasonCode, Integer round) {
        this(file, outcome, municipalityCode, reason, findings, findingsTruncated, ret, modified, reasonCode, round,
                ret == null ? null : ret.language());
    }

    /** A result without a round (rejected, pending, or made before rounds were known). */
    public FileResult(String file, Outcome outcome, String municipalityCode, Message reason,
            List<Finding> findings, boolean findingsTruncated, AssessmentReturn ret, Instant modified,
            String reasonCode) {
        this(file, outcome, municipalityCode, reason, findings, findingsTruncated, ret, modified, reasonCode, null);
    }

    public FileResult withOutcome(Outcome newOutcome, Message newReason) {
        return withOutcome(newOutcome, null, newReason);
    }

    public FileResult withOutcome(Outcome newOutcome, String newReasonCode, Message newReason) {
        return new FileResult(file, newOutcome, municipalityCode, newReason, findings, findingsTruncated, ret,
                modified, newReasonCode, round, language);
    }
}
