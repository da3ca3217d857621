package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.RunResult;
import fi.digikunta.schema.Lang;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden test every report writer passes (the shape of PMD's AbstractRendererTest): the same
 * runs go through each writer, and its bytes must equal those under
 * {@code src/test/resources/golden/writers/<writer>/<scenario>/}. To refresh them after a deliberate
 * change of output, run
 * {@code mvn -B -o test -Dtest='*WriterGoldenTest' -Ddigikunta.updateGolden=true} and review the diff.
 */
abstract class AbstractWriterGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/writers");

    /** The writer's folder under golden/writers. */
    private final String writer;

    AbstractWriterGoldenTest(String writer) {
        this.writer = writer;
    }

    /** Every file the writer makes for one run: its path in the scenario folder, and its bytes. */
    abstract SortedMap<String, byte[]> write(RunResult run, ReportOptions options) throws IOException;

    static Stream<Arguments> scenarios() {
        ReportOptions fi = ReportOptions.defaults();
        return Stream.of(Arguments.of("empty", TestRuns.empty(), fi),
                Arguments.of("one-accepted", TestRuns.oneAccepted(), fi),
                Arguments.of("one-rejected", TestRuns.oneRejected(), fi),
                Arguments.of("superseded", TestRuns.superseded(), fi),
                Arguments.of("many-findings", TestRuns.manyFindings(), fi),
                Arguments.of("rounds", TestRuns.rounds(), fi),
                Arguments.of("since-changes", TestRuns.sinceChanges(), fi),
                Arguments.of("hostile-text", TestRuns.hostile("=cmd|x<b>\u0000\r\n\t\"\ud800'"), fi),
                Arguments.of("superseded-sv-excel", TestRuns.superseded(),
                        fi.withLang(Lang.SV).withCsvDialect(CsvDialect.EXCEL_FI)),
                Arguments.of("since-changes-en", TestRuns.sinceChanges(), fi.withLang(Lang.EN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void writesTheGoldenBytes(String scenario, RunResult run, ReportOptions options) throws IOException {
        SortedMap<String, byte[]> actual = write(run, options);
        Path dir = GOLDEN.resolve(writer).resolve(scenario);
        if (Boolean.getBoolean("digikunta.updateGolden")) {
            replace(dir, actual);
        }
        assertTrue(Files.isDirectory(dir), dir + " missing: refresh with -Ddigikunta.updateGolden=true");
        SortedMap<String, byte[]> expected = read(dir);
        assertEquals(expected.keySet(), actual.keySet(), dir + ": the same files");
        for (String name : expected.keySet()) {
            assertEquals(new String(expected.get(name), StandardCharsets.UTF_8),
                    new String(actual.get(name), StandardCharsets.UTF_8),
                    () -> dir.resolve(name) + " differs (refresh on purpose with -Ddigikunta.updateGolden=true)");
        }
        assertEquals(actual.keySet(), write(run, options).keySet(), "a second write makes the same files");
    }

    /** Something that writes to a stream, as the writers do. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    static byte[] bytes(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.write(out);
        return out.toByteArray();
    }

    private static SortedMap<String, byte[]> read(Path dir) throws IOException {
        SortedMap<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static void replace(Path dir, SortedMap<String, byte[]> files) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }
}
