package fi.digikunta.publish;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one complete report set (report.json, CSV, HTML ...) into an empty folder. The names
 * {@code history/} and {@code .digikunta-set} are the publisher's.
 */
@FunctionalInterface
public interface ReportSetWriter {
    void write(Path folder) throws IOException;
}
