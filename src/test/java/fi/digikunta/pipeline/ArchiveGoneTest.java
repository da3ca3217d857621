package fi.digikunta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.cli.CliTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive that has gone (a network share not mounted tonight): the run stops before publishing
 * or moving anything, instead of taking every archived municipality out of the figures and moving
 * tonight's returns to where the share, mounted again, would hide them.
 */
class ArchiveGoneTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliTestSupport.Result night(Path inbox, Path archive, boolean withArchive) {
        List<String> args = new java.util.ArrayList<>(List.of("run", inbox.toString(), "--out",
                tmp.resolve("out").toString(), "--settle", "0", "--quiet", "--fail-on", "never", "--lang", "en"));
        if (withArchive) {
            args.addAll(List.of("--archive", archive.toString()));
        }
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    @Test
    void anArchiveThatHasGoneStopsTheRunBeforeAnythingIsPublishedOrMoved() throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("in"));
        Path archive = tmp.resolve("share/archive");
        Files.copy(Path.of("samples/inbox/020-akaa.xlsx"), inbox.resolve("020-akaa.xlsx"));
        Files.copy(Path.of("samples/inbox/049-espoo.xlsx"), inbox.resolve("049-espoo.xlsx"));
        assertEquals(0, night(inbox, archive, true).exitCode());
        assertEquals(0, night(inbox, archive, true).exitCode(), "night 2 reads both back");
        String published = Files.readString(tmp.resolve("out/files.csv"));

        // The share is not mounted: the folder is there, empty. Vantaa's return arrives meanwhile.
        Files.move(tmp.resolve("share"), tmp.resolve("share-mounted"));
        Files.createDirectories(archive);
        Files.copy(Path.of("samples/inbox/092-vantaa.xlsx"), inbox.resolve("092-vantaa.xlsx"));
        var r = night(inbox, archive, true);
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains(archive.toString()) && r.err().contains("is the share mounted?"), r.err());
        assertEquals(published, Files.readString(tmp.resolve("out/files.csv")), "the reports in place stay");
        assertTrue(Files.isRegularFile(inbox.resolve("092-vantaa.xlsx")), "tonight's return stays in the inbox");
        try (var s = Files.list(archive)) {
            assertEquals(0, s.count(), "nothing moved into the empty mount point");
        }
        // The nightly log says how each run ended: one run_end per run, its last line, the failure's
        // with exit code 3 and the message the operator saw.
        List<JsonNode> log = new ArrayList<>();
        for (String line : Files.readAllLines(tmp.resolve("out.d/run-log.jsonl"))) {
            log.add(JSON.readTree(line));
        }
        // Runs in order (in-process runs of one second share a run id): one run_end each, last.
        List<List<String>> runs = new ArrayList<>();
        for (JsonNode n : log) {
            if (n.get("event").asText().equals("run_start")) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(n.get("event").asText());
        }
        assertEquals(3, runs.size(), runs.toString());
        runs.forEach(ev -> assertEquals(1, ev.stream().filter("run_end"::equals).count(), runs.toString()));
        runs.forEach(ev -> assertEquals("run_end", ev.get(ev.size() - 1), runs.toString()));
        assertTrue(runs.get(0).contains("archived"), "the archive's lines come before the run_end: " + runs);
        JsonNode end = log.get(log.size() - 1);
        assertEquals(3, end.get("exit_code").asInt(), end.toString());
        assertTrue(end.get("error").asText().contains("is the share mounted?"), end.toString());

        // Emptied on purpose: one run without --archive, then the archive is new again.
        assertEquals(0, night(inbox, archive, false).exitCode());
        assertEquals(0, night(inbox, archive, true).exitCode());
        assertTrue(Files.isRegularFile(archive.resolve("092/092-vantaa.xlsx")));
    }

    /** The archive reached through a link to the share: unmounted, the link leads nowhere, and the run still stops. */
    @Test
    void anArchiveLinkedToAShareNotMountedStopsTheRunToo() throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("in"));
        Files.createDirectories(tmp.resolve("mnt/share/archive"));
        Path archive;
        try {
            archive = Files.createSymbolicLink(tmp.resolve("arch"), tmp.resolve("mnt/share/archive"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not available: " + e);
            return;
        }
        Files.copy(Path.of("samples/inbox/020-akaa.xlsx"), inbox.resolve("020-akaa.xlsx"));
        assertEquals(0, night(inbox, archive, true).exitCode());
        assertEquals(0, night(inbox, archive, true).exitCode());
        Files.move(tmp.resolve("mnt/share"), tmp.resolve("mnt/share-off"));
        Files.createDirectories(tmp.resolve("mnt/share"));
        Files.copy(Path.of("samples/inbox/092-vantaa.xlsx"), inbox.resolve("092-vantaa.xlsx"));
        var r = night(inbox, archive, true);
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(inbox.resolve("092-vantaa.xlsx")), "tonight's return stays in the inbox");
    }
}
