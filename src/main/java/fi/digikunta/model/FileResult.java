package fi.digikunta.model;

import java.time.Instant;
import java.util.List;

/**
 * The result for one input file: its outcome, the municipality it is for (where known), the reason
 * when rejected or superseded, its findings, and the typed return when it could be read.
 *
 * @param file the file's path relative to the inbox, with forward slashes
 * @param reason why the file was rejected or superseded; null otherwise
 * @param findingsTruncated true when more findings were found than the per-file cap kept
 * @param ret the typed return; null for a rejected or pending file
 */
public record FileResult(String file, Outcome outcome, String municipalityCode, Message reason,
        List<Finding> findings, boolean findingsTruncated, AssessmentReturn ret, Instant modified) {
    public FileResult {
        findings = List.copyOf(findings);
    }

    public FileResult withOutcome(Outcome newOutcome, Message newReason) {
        return new FileResult(file, newOutcome, municipalityCode, newReason, findings, findingsTruncated, ret,
                modified);
    }
}
