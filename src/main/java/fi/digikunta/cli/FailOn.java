package fi.digikunta.cli;

import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.findings.Severity;
import fi.digikunta.findings.Texts;
import fi.digikunta.schema.Lang;
import java.util.List;

/**
 * {@code --fail-on error|warning|never}: which findings make the exit code 1. A rejected file
 * counts as an error; superseded and pending files are not judged (their findings no longer matter).
 */
public enum FailOn {
    error, warning, never;

    public ExitCode exitCode(List<FileResult> results) {
        if (this == never) {
            return ExitCode.OK;
        }
        for (FileResult f : results) {
            if (f.outcome() == Outcome.REJECTED) {
                return ExitCode.FINDINGS;
            }
            if (!f.outcome().counts()) {
                continue;
            }
            for (var finding : f.findings()) {
                if (finding.severity() == Severity.ERROR
                        || (this == warning && finding.severity() == Severity.WARNING)) {
                    return ExitCode.FINDINGS;
                }
            }
        }
        return ExitCode.OK;
    }

    /** Why {@link #exitCode} is what it is, for the run summary: the rejected files and the files that fail. */
    public String reason(List<FileResult> results, Lang lang) {
        if (this == never) {
            return Texts.get(lang, "summary.exit_never");
        }
        long rejected = results.stream().filter(f -> f.outcome() == Outcome.REJECTED).count();
        long failing = results.stream().filter(f -> f.outcome().counts() && exitCode(List.of(f)) != ExitCode.OK)
                .count();
        if (rejected + failing == 0) {
            return Texts.get(lang, "summary.exit_ok", name());
        }
        return Texts.get(lang, "summary.exit_findings", rejected, name(), failing);
    }
}
