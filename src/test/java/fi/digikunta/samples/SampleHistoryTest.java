package fi.digikunta.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.samples.SampleHistory.Entry;
import fi.digikunta.schema.SchemaRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample history (samples/rounds) is exactly what {@code digikunta samples --rounds}
 * writes, holds what issue 14 asks of it, and samples/README.md lists it.
 */
class SampleHistoryTest {
    static final Path ROUNDS = Path.of("samples", "rounds");
    static final SampleHistory HISTORY = new SampleHistory(SchemaRegistry.load(), MunicipalityList.builtIn(),
            SampleHistory.DEFAULT_SEED);

    @Test
    void regeneratingGivesTheCommittedFilesByteForByte(@TempDir Path tmp) throws Exception {
        HISTORY.write(tmp);
        assertEquals(files(ROUNDS), files(tmp), "samples/rounds holds exactly the generated files");
        boolean sameZlib = SampleInboxTest.deflateFingerprint().equals(SampleInboxTest.REFERENCE_DEFLATE);
        List<String> differ = new ArrayList<>();
        for (String n : files(tmp)) {
            byte[] committed = Files.readAllBytes(ROUNDS.resolve(n));
            byte[] generated = Files.readAllBytes(tmp.resolve(n));
            if (sameZlib ? !java.util.Arrays.equals(committed, generated)
                    : !SampleInboxTest.sameContent(committed, generated)) {
                differ.add(n);
            }
        }
        assertEquals(List.of(), differ, "regenerate with: scripts/digikunta samples --rounds --out samples/rounds");
    }

    @Test
    void generatingTwiceGivesIdenticalBytes() {
        SampleHistory again = new SampleHistory(SchemaRegistry.load(), MunicipalityList.builtIn(),
                SampleHistory.DEFAULT_SEED);
        for (String path : List.of("2025/091-helsinki.xlsx", "2026/853-turku.xlsx")) {
            assertArrayEquals(bytes(HISTORY, path), bytes(again, path), path);
        }
    }

    @Test
    void twoRoundsOverThirtyMunicipalitiesSomeInOneRoundSomeChangingLanguage() {
        Map<Integer, Set<String>> codes = HISTORY.entries().stream().collect(Collectors.groupingBy(Entry::round,
                Collectors.mapping(e -> e.sample().file().substring(0, 3), Collectors.toCollection(TreeSet::new))));
        assertEquals(Set.of(2025, 2026), codes.keySet());
        Set<String> all = new TreeSet<>(codes.get(2025));
        all.addAll(codes.get(2026));
        assertTrue(all.size() >= 30, all::toString);
        Set<String> only2025 = new TreeSet<>(codes.get(2025));
        only2025.removeAll(codes.get(2026));
        Set<String> only2026 = new TreeSet<>(codes.get(2026));
        only2026.removeAll(codes.get(2025));
        assertEquals(Set.of("020", "109", "167"), only2025);
        assertEquals(Set.of("153", "186", "491", "694", "743"), only2026);
        // Language by the file name ("-sv" for a Swedish workbook): fi -> sv and sv -> fi.
        for (String code : List.of("499", "445", "638")) {
            assertTrue(swedish(2025, code) != swedish(2026, code), code);
        }
        // The same name in both rounds' inboxes, on purpose.
        assertTrue(paths().containsAll(List.of("2025/091-helsinki.xlsx", "2026/091-helsinki.xlsx")));
    }

    @Test
    void roundTwentyFiveIsOnFormOneAndRoundTwentySixOnFormTwoWithItsRound() throws IOException {
        for (Entry e : HISTORY.entries()) {
            // The committed files: the first test shows they are the generator's.
            Map<String, String> id = identification(Files.readAllBytes(ROUNDS.resolve(e.path())));
            assertEquals(e.round() == 2025 ? "1" : "2", id.get("Lomakeversio"), e.path());
            if (e.round() == 2026 && !e.sample().outcome().equals("rejected")) {
                assertEquals(2026, Integer.parseInt(id.get("Arviointikierros").replaceAll("\\.0$", "")), e.path());
            }
            if (e.round() == 2025) {
                assertTrue(!id.containsKey("Arviointikierros"), e.path());
            }
        }
    }

    /** Column A label to column B value of the summary tab (Yhteenveto or Sammandrag), as text. */
    private static Map<String, String> identification(byte[] xlsx) throws IOException {
        Map<String, String> out = new java.util.HashMap<>();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sh = wb.getSheet("Yhteenveto") != null ? wb.getSheet("Yhteenveto") : wb.getSheet("Sammandrag");
            for (int r = 0; r < 15; r++) {
                var row = sh.getRow(r);
                if (row != null && row.getCell(0) != null && row.getCell(1) != null) {
                    String label = row.getCell(0).toString().trim();
                    // Swedish labels: the two this test reads.
                    label = label.replace("Blankettversion", "Lomakeversio").replace("Bedömningsomgång",
                            "Arviointikierros");
                    String v = row.getCell(1).toString().trim();
                    if (!v.isEmpty()) {
                        out.put(label, v);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theMunicipalitiesThatMovedForwardRaiseTheirIndexFromRoundToRound() {
        Map<String, Double> y25 = indexes("--round", "2025", ROUNDS.resolve("2025").toString());
        Map<String, Double> y26 = indexes(ROUNDS.resolve("2026").toString());
        List<String> forward = HISTORY.entries().stream().filter(e -> e.round() == 2026
                && e.sample().description().contains("moved forward")).map(e -> e.sample().file().substring(0, 3))
                .toList();
        assertTrue(forward.size() >= 10, forward::toString);
        for (String code : forward) {
            assertTrue(y26.get(code) > y25.get(code) + 2, code + ": " + y25.get(code) + " -> " + y26.get(code));
        }
    }

    /** municipality code -> index of a run's headline table. */
    private static Map<String, Double> indexes(String... inbox) {
        List<String> args = new ArrayList<>(List.of("run", "--table", "municipalities", "--settle", "0",
                "--fail-on", "never"));
        args.addAll(List.of(inbox));
        var r = fi.digikunta.cli.CliTestSupport.run(args.toArray(String[]::new));
        List<String> lines = r.out().lines().toList();
        int col = List.of(lines.get(0).split(",")).indexOf("index");
        return lines.stream().skip(1).map(l -> l.split(","))
                .collect(Collectors.toMap(c -> c[0], c -> Double.parseDouble(c[col])));
    }

    @Test
    void readmeListsEveryFileOfTheHistory() throws IOException {
        String readme = Files.readString(SampleInboxTest.README, StandardCharsets.UTF_8);
        assertTrue(readme.contains(HISTORY.readmeTable()),
                "samples/README.md must contain SampleHistory.readmeTable():\n" + HISTORY.readmeTable());
    }

    private static boolean swedish(int round, String code) {
        return HISTORY.entries().stream().filter(e -> e.round() == round && e.sample().file().startsWith(code))
                .findFirst().orElseThrow().sample().file().contains("-sv");
    }

    private static List<String> paths() {
        return HISTORY.entries().stream().map(Entry::path).toList();
    }

    private static byte[] bytes(SampleHistory h, String path) {
        return h.entries().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().sample().bytes()
                .get();
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
