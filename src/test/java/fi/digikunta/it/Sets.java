package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.samples.ReturnSpec;
import fi.digikunta.samples.SampleGenerator;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.template.TemplateLayout;
import fi.digikunta.testing.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Inboxes for the end-to-end tests, and what they check in a report set and an inbox. */
final class Sets {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The committed sample inbox: 31 municipalities, a superseded pair and one file of each broken kind. */
    static final Path SAMPLES = Path.of(System.getProperty("basedir", "."), "samples", "inbox");

    private Sets() {
    }

    /** Copies the sample inbox (or the named files of it) into dir, dated an hour ago (settled). */
    static List<String> copySamples(Path dir, String... only) throws IOException {
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(SAMPLES)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") || n.equalsIgnoreCase("README.md")
                        || (only.length > 0 && !List.of(only).contains(n))) {
                    continue;
                }
                Files.copy(p, dir.resolve(n));
                Files.setLastModifiedTime(dir.resolve(n), FileTime.from(Instant.now().minusSeconds(3600)));
                names.add(n);
            }
        }
        assertTrue(!names.isEmpty() && (only.length == 0 || names.size() == only.length), "samples: " + names);
        return names;
    }

    /** Writes a valid return of a municipality, filled in on a date, with its own answers (seed), modified at a time. */
    static void generate(Path file, String code, String fillDate, long seed, Instant modified) throws IOException {
        Schema schema = SchemaRegistry.load().version("1").orElseThrow();
        ReturnSpec spec = new ReturnSpec(MunicipalityList.builtIn().byCode(code).orElseThrow(),
                TemplateLayout.standard(schema, Lang.FI), LocalDate.parse(fillDate), Set.of(), seed);
        Files.write(file, new SampleGenerator(schema).generate(spec));
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** Every regular file under root (hidden ones too), relative path with '/' -> SHA-256. */
    static SortedMap<String, String> sha256(Path root) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), sha256Of(p));
            }
        }
        return out;
    }

    static String sha256Of(Path p) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(p)) {
                byte[] buf = new byte[65536];
                for (int n; (n = in.read(buf)) > 0;) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Every regular file of a report set (resolving the --out link), relative path -> bytes. */
    static SortedMap<String, byte[]> files(Path set) throws IOException {
        Path root = set.toRealPath();
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static JsonNode reportJson(Path set) throws IOException {
        return JSON.readTree(set.resolve("report.json").toFile());
    }

    /** The values of one column of a CSV table of the set (the default RFC 4180 dialect). */
    static List<String> csvColumn(Path set, String table, String column) throws IOException {
        return CsvTable.read(set.resolve(table)).column(column);
    }

    /** file -> outcome, from files.csv. */
    static Map<String, String> outcomes(Path set) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<String> files = csvColumn(set, "files.csv", "file");
        List<String> outcomes = csvColumn(set, "files.csv", "outcome");
        for (int i = 0; i < files.size(); i++) {
            out.put(files.get(i), outcomes.get(i));
        }
        return out;
    }

    /**
     * The set at --out is complete and readable: every file a complete set of this inbox has
     * ({@code expected}, history/ aside), report.json parses and lists every input, files.csv too.
     */
    static void assertComplete(Path out, List<String> expected, List<String> inputs, String context)
            throws IOException {
        SortedMap<String, byte[]> files = files(out);
        List<String> names = new ArrayList<>(files.keySet());
        names.removeIf(n -> n.startsWith("history/"));
        assertEquals(expected, names, context + ": the files of a complete set");
        assertTrue(files.keySet().stream().anyMatch(n -> n.matches("history/report-\\d{8}T\\d{6}Z-\\d+\\.json\\.gz")),
                context + ": history");
        JsonNode report = JSON.readTree(files.get("report.json"));
        List<String> listed = new ArrayList<>();
        report.get("files").forEach(f -> listed.add(f.get("file").asText()));
        assertEquals(inputs, listed, context + ": report.json lists every input");
        assertEquals(inputs, csvColumn(out.toRealPath(), "files.csv", "file"), context + ": files.csv lists every input");
        assertTrue(new String(files.get("report.html"), StandardCharsets.UTF_8).endsWith("</html>\n"),
                context + ": report.html whole");
    }

    static String text(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
