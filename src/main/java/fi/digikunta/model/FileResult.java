package fi.digikunta.model;

import java.time.Instant;
import java.util.List;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.Message;

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
 */
public record FileResult(String file, Outcome outcome, String municipalityCode, Message reason,
        List<Finding> findings, boolean findingsTruncated, AssessmentReturn ret, Instant modified,
        String reasonCode) {
    public FileResult {
        findings = List.copyOf(findings);
    }

    public FileResult withOutcome(Outcome newOutcome, Message newReason) {
        return withOutcome(newOutcome, null, newReason);
    }

    public FileResult withOutcome(Outcome newOutcome, String newReasonCode, Message newReason) {
        return new FileResult(file, newOutcome, municipalityCode, newReason, findings, findingsTruncated, ret,
                modified, newReasonCode);
    }
}
