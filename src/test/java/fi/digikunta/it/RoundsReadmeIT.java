package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the README's one command for the whole sample history, run exactly as written with the
 * packaged jar, lists every file of every round's inbox in files.csv apart (the same file name in
 * two rounds included), each with the outcome and codes samples/README.md gives it, and headlines
 * the latest round.
 */
class RoundsReadmeIT {
    static final Path REPO = Path.of("").toAbsolutePath();
    static final String COMMAND_START = "scripts/digikunta run 2025=samples/rounds/2025";

    @Test
    void theReadmeCommandRunsEveryRoundAndHeadlinesTheLatest(@TempDir Path tmp) throws Exception {
        String line = Files.readAllLines(REPO.resolve("README.md"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(COMMAND_START)).findFirst().orElseThrow(() -> new AssertionError(
                        "README.md has no line starting with: " + COMMAND_START));
        List<String> args = Arrays.asList(line.trim().split("\\s+"));
        // The command's relative paths, from a folder that has the repository's samples/ in it.
        Files.createSymbolicLink(tmp.resolve("samples"), REPO.resolve("samples"));
        Jar.Result r = Jar.run(tmp, Map.of(), args.subList(1, args.size()).toArray(String[]::new)).expect(1);
        Path out = tmp.resolve(args.get(args.indexOf("--out") + 1));

        Map<String, String[]> table = readmeTable(REPO.resolve("samples/README.md"));
        assertEquals(inputs(REPO.resolve("samples/rounds")), table.keySet(), "the README lists every input");
        List<CSVRecord> files = csv(out.resolve("files.csv"));
        Map<String, CSVRecord> byFile = new TreeMap<>();
        files.forEach(f -> byFile.put(f.get("file"), f));
        assertEquals(files.size(), byFile.size(), "each file once");
        assertEquals(table.keySet(), byFile.keySet(), "every input file of every round in files.csv");
        assertTrue(byFile.containsKey("2025/091-helsinki.xlsx") && byFile.containsKey("2026/091-helsinki.xlsx"));

        Map<String, Set<String>> codes = new HashMap<>();
        for (CSVRecord f : csv(out.resolve("findings.csv"))) {
            codes.computeIfAbsent(f.get("file"), k -> new TreeSet<>()).add(f.get("code"));
        }
        for (var e : table.entrySet()) {
            CSVRecord f = byFile.get(e.getKey());
            String round = e.getKey().substring(0, 4);
            assertEquals(e.getValue()[0], f.get("outcome"), e.getKey());
            // A v2 return without its round field has no round: the folder's round is for v1 forms only.
            String wantRound = "identification-missing".equals(f.get("reason_code")) ? "" : round;
            assertEquals(wantRound, f.get("round"), e.getKey() + ": its round");
            Set<String> got = new TreeSet<>(codes.getOrDefault(e.getKey(), Set.of()));
            got.add(f.get("reason_code"));
            for (String want : e.getValue()[1].split(",")) {
                assertTrue(want.isBlank() || got.contains(want.trim()), e.getKey() + ": " + want + " in " + got);
            }
            assertTrue(r.stderr().contains(e.getKey() + ": "), "a console line for " + e.getKey());
        }

        // The headline: one row per municipality counted in round 2026, from its 2026 return.
        Set<String> counted2026 = new TreeSet<>();
        table.forEach((file, v) -> {
            if (file.startsWith("2026/") && v[0].startsWith("accepted")) {
                counted2026.add(file.substring(5, 8));
            }
        });
        List<CSVRecord> municipalities = csv(out.resolve("municipalities.csv"));
        Set<String> headline = new TreeSet<>();
        for (CSVRecord m : municipalities) {
            headline.add(m.get("municipality_code"));
            assertTrue(m.get("file").startsWith("2026/"), m.get("municipality_code") + " from " + m.get("file"));
        }
        assertEquals(counted2026, headline);
        assertTrue(!headline.contains("167") && headline.contains("186"), "Joensuu skipped 2026; Järvenpää is new");
        assertTrue(Files.isRegularFile(out.resolve("report.html")) && Files.isRegularFile(out.resolve("report.json")));
        assertTrue(r.stderr().contains("Tiedostoja " + table.size()), r.stderr());
    }

    /** "round/file" -> {outcome, codes} from the history table of samples/README.md. */
    static Map<String, String[]> readmeTable(Path readme) throws IOException {
        Map<String, String[]> m = new TreeMap<>();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.matches("\\| \\d{4} \\| `.*")) {
                String[] c = line.substring(1).split("\\|");
                m.put(c[0].trim() + "/" + c[1].trim().replace("`", ""), new String[] {c[2].trim(), c[3].trim()});
            }
        }
        return m;
    }

    static Set<String> inputs(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return new TreeSet<>(s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList());
        }
    }

    static List<CSVRecord> csv(Path p) throws IOException {
        try (Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return new ArrayList<>(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(in).getRecords());
        }
    }
}
