package fi.digikunta.model;

import fi.digikunta.model.SincePreviousRun;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run produced, the single input of every report writer.
 *
 * @param files every input file with its outcome, sorted by file name
 * @param figures the headline figures: those of the latest round, over its files whose outcome counts
 * @param generatedAt the run's time: SOURCE_DATE_EPOCH when set, so outputs are reproducible
 * @param sincePreviousRun what changed since the previous report set in the same --out; null when
 *     the run has no output folder (e.g. --table)
 * @param rounds the figures of every round, oldest first; the last is {@code figures} (empty when
 *     nothing counts)
 */
public record RunResult(String toolVersion, String schemaVersion, Instant generatedAt, List<FileResult> files,
        Figures figures, SincePreviousRun sincePreviousRun, List<Figures> rounds) {
    public RunResult {
        files = List.copyOf(files);
        rounds = rounds != null ? List.copyOf(rounds) : figures == null ? List.of() : List.of(figures);
    }

    /** A run of one round: its figures are the only ones. */
    public RunResult(String toolVersion, String schemaVersion, Instant generatedAt, List<FileResult> files,
            Figures figures, SincePreviousRun sincePreviousRun) {
        this(toolVersion, schemaVersion, generatedAt, files, figures, sincePreviousRun, null);
    }

    public RunResult(String toolVersion, String schemaVersion, Instant generatedAt, List<FileResult> files,
            Figures figures) {
        this(toolVersion, schemaVersion, generatedAt, files, figures, null, null);
    }

    public RunResult withSincePreviousRun(SincePreviousRun since) {
        return new RunResult(toolVersion, schemaVersion, generatedAt, files, figures, since, rounds);
    }
}
