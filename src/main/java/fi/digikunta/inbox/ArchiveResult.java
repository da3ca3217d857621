package fi.digikunta.inbox;

import fi.digikunta.findings.Message;
import java.nio.file.Path;

/**
 * What the archive did with one input file.
 *
 * @param name the entry's name (relative to the inbox)
 * @param archived where the verified copy is; null when the file was left in the inbox
 * @param note why it was left (null when archived)
 */
public record ArchiveResult(String name, Action action, Path archived, Message note) {

    public enum Action {
        /** Copied, verified (size and SHA-256), original removed. */
        ARCHIVED,
        /**
         * An identical copy was already in the archive (an earlier run stopped between copying and
         * removing): the original was removed and no second copy made.
         */
        ALREADY_ARCHIVED,
        /** Not touched: pending, a rejected link, changed since it was read, or the copy failed. */
        LEFT
    }
}
