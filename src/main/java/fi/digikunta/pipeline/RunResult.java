package fi.digikunta.pipeline;

import fi.digikunta.compute.Figures;
import fi.digikunta.model.FileResult;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run produced, the single input of every report writer.
 *
 * @param files every input file with its outcome, sorted by file name
 * @param figures the figures over the files whose outcome counts
 * @param generatedAt the run's time: SOURCE_DATE_EPOCH when set, so outputs are reproducible
 */
public record RunResult(String toolVersion, String schemaVersion, Instant generatedAt, List<FileResult> files,
        Figures figures) {
    public RunResult {
        files = List.copyOf(files);
    }
}
