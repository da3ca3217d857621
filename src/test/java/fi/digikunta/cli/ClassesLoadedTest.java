package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up cost: a run over .xlsx files only must not load POI (it is there for old .xls files and
 * the template). Checked in a fresh JVM, since this test JVM has POI loaded already.
 */
class ClassesLoadedTest {

    /** Runs {@code digikunta run INBOX --out OUT} in a new JVM and returns the classes it loaded. */
    static List<String> classesLoadedByRun(Path inbox, Path out, Path log) throws IOException, InterruptedException {
        List<String> cmd = Processes.javaMain(List.of("-Xlog:class+load=info:file=" + log), Main.class,
                List.of("run", inbox.toString(), "--out", out.toString(), "--quiet", "--settle", "0"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = p.waitFor();
        assertTrue(code == 0 || code == 1, "run exit code " + code);
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            // [0.123s][info][class,load] org.example.Name source: ...
            int at = line.indexOf("] ", line.indexOf("class,load"));
            if (at > 0) {
                String rest = line.substring(at + 2);
                int space = rest.indexOf(' ');
                classes.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        return classes;
    }

    static Path inboxOf(Path dir, String glob) throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        try (Stream<Path> s = Files.list(Path.of("samples", "inbox"))) {
            for (Path f : s.filter(f -> f.getFileSystem().getPathMatcher("glob:" + glob).matches(f.getFileName()))
                    .toList()) {
                Files.copy(f, inbox.resolve(f.getFileName()));
            }
        }
        return inbox;
    }

    @Test
    void aRunOverXlsxFilesNeverLoadsPoi(@TempDir Path tmp) throws Exception {
        Path inbox = inboxOf(tmp, "[0-9]*.xlsx");
        try (Stream<Path> s = Files.list(inbox)) {
            assertTrue(s.count() >= 20, "the sample returns");
        }
        List<String> classes = classesLoadedByRun(inbox, tmp.resolve("out"), tmp.resolve("classes.log"));
        assertTrue(classes.contains(Main.class.getName()), "the log names the classes");
        assertTrue(classes.stream().anyMatch(c -> c.startsWith("freemarker.")), "the reports were written");
        assertEquals(List.of(), classes.stream().filter(c -> c.startsWith("org.apache.poi.")).toList());
    }

    @Test
    void anOldXlsFileIsReadWithPoi(@TempDir Path tmp) throws Exception {
        // The check above can fail: with an .xls in the inbox, POI is loaded.
        Path inbox = inboxOf(tmp, "*.xls");
        List<String> classes = classesLoadedByRun(inbox, tmp.resolve("out"), tmp.resolve("classes.log"));
        assertFalse(classes.stream().filter(c -> c.startsWith("org.apache.poi.")).toList().isEmpty());
    }
}
