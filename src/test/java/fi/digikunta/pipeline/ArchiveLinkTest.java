package fi.digikunta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.cli.CliTestSupport;
import fi.digikunta.testing.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive folder reached through a symbolic link (a mounted share, macOS's /var): the scan reads
 * archived returns back by their real paths, which the run once took for inbox files, "found"
 * already archived as themselves and deleted, so the second night lost every archived return.
 */
class ArchiveLinkTest {
    @TempDir
    Path tmp;

    @Test
    void returnsArchivedThroughALinkStayAndCountOnTheNightsAfter() throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("in"));
        for (String f : List.of("020-akaa.xlsx", "049-espoo.xlsx")) {
            Files.copy(Path.of("samples/inbox", f), inbox.resolve(f));
        }
        Path real = Files.createDirectories(tmp.resolve("real-archive"));
        Path link = Files.createSymbolicLink(tmp.resolve("archive"), real);
        List<String> first = null;
        for (int night = 1; night <= 3; night++) {
            var r = CliTestSupport.run("run", inbox.toString(), "--out", tmp.resolve("out").toString(), "--archive",
                    link.toString(), "--settle", "0", "--quiet", "--fail-on", "never");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(Files.isRegularFile(real.resolve("020/020-akaa.xlsx")), "night " + night);
            assertTrue(Files.isRegularFile(real.resolve("049/049-espoo.xlsx")), "night " + night);
            List<String> outcomes = CsvTable.parse(Files.readString(tmp.resolve("out/files.csv")), CSVFormat.RFC4180)
                    .rows.stream().map(x -> x.get("file") + " " + x.get("outcome")).toList();
            assertEquals(2, outcomes.size(), "night " + night + ": " + outcomes);
            assertTrue(outcomes.stream().allMatch(o -> o.endsWith(" accepted") || o.endsWith(" accepted_with_warnings")),
                    "night " + night + ": " + outcomes);
            first = first == null ? outcomes : first;
            assertEquals(first, outcomes, "night " + night + " counts what night 1 did");
        }
    }

    /**
     * One municipality's folder inside the archive moved elsewhere and linked back (a full disk): its
     * returns are read back by their real paths, outside the archive's, and were once taken for inbox
     * files, found archived as themselves and deleted on the next night.
     */
    @Test
    void returnsInALinkedMunicipalityFolderOfTheArchiveStayAndCount() throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("in"));
        for (String f : List.of("020-akaa.xlsx", "049-espoo.xlsx")) {
            Files.copy(Path.of("samples/inbox", f), inbox.resolve(f));
        }
        Path archive = tmp.resolve("archive");
        List<String> first = null;
        for (int night = 1; night <= 3; night++) {
            var r = CliTestSupport.run("run", inbox.toString(), "--out", tmp.resolve("out").toString(), "--archive",
                    archive.toString(), "--settle", "0", "--quiet", "--fail-on", "never");
            assertEquals(0, r.exitCode(), r.err());
            if (night == 1) {
                Files.move(archive.resolve("020"), Files.createDirectories(tmp.resolve("elsewhere")).resolve("020"));
                Files.createSymbolicLink(archive.resolve("020"), tmp.resolve("elsewhere/020"));
            }
            assertTrue(Files.isRegularFile(tmp.resolve("elsewhere/020/020-akaa.xlsx")), "night " + night);
            assertTrue(Files.isRegularFile(archive.resolve("049/049-espoo.xlsx")), "night " + night);
            List<String> outcomes = CsvTable.parse(Files.readString(tmp.resolve("out/files.csv")), CSVFormat.RFC4180)
                    .rows.stream().map(x -> x.get("file") + " " + x.get("outcome")).toList();
            first = first == null ? outcomes : first;
            assertEquals(first, outcomes, "night " + night + " counts what night 1 did");
            assertEquals(2, outcomes.size(), "night " + night + ": " + outcomes);
        }
    }
}
