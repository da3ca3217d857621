package fi.digikunta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.digikunta.cli.CliTestSupport;
import fi.digikunta.testing.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file name used by two municipalities (a template's own name, sent back unchanged): the return
 * archived later keeps the plain name on the nights after, as it had it in the inbox on its night,
 * so that "since the previous run" sees nothing new. Read back, the two copies were once ordered by
 * their municipality folders instead, and the names swapped on the third night.
 */
class ArchiveNamesTest {
    @TempDir
    Path tmp;

    private List<String> night(Path inbox, Path archive) throws IOException {
        var r = CliTestSupport.run("run", inbox.toString(), "--out", tmp.resolve("out").toString(), "--archive",
                archive.toString(), "--settle", "0", "--quiet", "--fail-on", "never");
        assertEquals(0, r.exitCode(), r.err());
        return CsvTable.parse(Files.readString(tmp.resolve("out/files.csv")), CSVFormat.RFC4180).rows.stream()
                .map(x -> x.get("file") + " " + x.get("municipality_code")).sorted().toList();
    }

    @Test
    void theReturnArchivedLaterKeepsTheSharedNameOnTheNightsAfter() throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("in"));
        Path archive = tmp.resolve("archive");
        // Helsinki's return under the shared name, archived on night 1; Vantaa's comes on night 2.
        Files.copy(Path.of("samples/inbox/091-helsinki.xlsx"), inbox.resolve("palautus.xlsx"));
        assertEquals(List.of("palautus.xlsx 091"), night(inbox, archive));
        Files.copy(Path.of("samples/inbox/092-vantaa.xlsx"), inbox.resolve("palautus.xlsx"),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> second = night(inbox, archive);
        assertEquals(List.of("archive/091/palautus.xlsx 091", "palautus.xlsx 092"), second);
        assertEquals(second, night(inbox, archive), "night 3 names the returns as night 2 did");
        assertEquals(second, night(inbox, archive), "and night 4");
    }
}
