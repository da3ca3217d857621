package fi.digikunta.publish;

import java.nio.file.Path;

/**
 * A report set now in place.
 *
 * @param out the --out path users open
 * @param set the folder the set really lives in ({@code out.d/<n>} with links; {@code out} without)
 * @param number the set's number (grows by one each publish)
 * @param historyFile this run's report.json under history/, or null (no report.json, or keep 0)
 */
public record Published(Path out, Path set, long number, Path historyFile) {
}
