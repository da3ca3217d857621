package fi.digikunta.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The marker of a report set ({@code .digikunta-set}): its number, when and where it was published,
 * and the archive its run read returns back from, so that the next run can tell an archive that
 * has gone (an unmounted share) from one never used.
 */
public final class SetMarker {
    static final String FILE = ".digikunta-set";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SetMarker() {
    }

    /**
     * The archive a run used: its path with links resolved and as given, and how many returns it held.
     *
     * @param archive the archive folder's path, links resolved
     * @param given the path as given (absolute): a link to a share not mounted leads nowhere
     * @param returns how many returns it held (read back, or copies of files still in the inbox)
     */
    public record ArchiveUse(String archive, String given, long returns) {
        /** The same folder by either path. */
        public boolean sameArchive(ArchiveUse o) {
            return archive.equals(o.archive) || given != null && given.equals(o.given);
        }
    }

    static void write(Path set, long n, Instant at, String host, ArchiveUse archive) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("set", n);
        m.put("published_at", at.toString());
        m.put("pid", ProcessHandle.current().pid());
        m.put("host", host);
        if (archive != null) {
            m.put("archive", archive.archive());
            m.put("archive_given", archive.given());
            m.put("archive_returns", archive.returns());
        }
        Files.writeString(set.resolve(FILE), JSON.writeValueAsString(m) + "\n");
    }

    /** The set's number; 0 when the marker cannot be read. */
    static long number(Path set) {
        return read(set).map(m -> m.path("set").asLong(0)).orElse(0L);
    }

    /** The archive the run of this set read back from; empty when it used none (or an older marker). */
    public static Optional<ArchiveUse> archiveUse(Path set) {
        return read(set).filter(m -> m.path("archive").isTextual() && m.path("archive_returns").canConvertToLong())
                .map(m -> new ArchiveUse(m.path("archive").asText(),
                        m.path("archive_given").isTextual() ? m.path("archive_given").asText() : null,
                        m.path("archive_returns").asLong()));
    }

    private static Optional<JsonNode> read(Path set) {
        try {
            return Optional.of(JSON.readTree(set.resolve(FILE).toFile()));
        } catch (IOException e) {
            // an unreadable marker: as if it said nothing
            return Optional.empty();
        }
    }
}
