package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: the whole sample inbox validates, through {@code validate --format json}, with exactly the
 * outcome and finding codes that samples/README.md gives for each file.
 */
class SampleInboxValidateTest {
    /** Codes that follow from an outcome or a volume of findings rather than from the file's defect. */
    private static final Set<String> INCIDENTAL = Set.of("findings-capped", "superseded");

    @Test
    void everySampleGetsTheOutcomeAndCodesItsReadmeLineSays() throws Exception {
        Map<String, String[]> expected = readmeTable(Path.of("samples/README.md"));
        var r = CliTestSupport.run("validate", "samples/inbox", "--format", "json").expectExit(1);
        JsonNode doc = new ObjectMapper().readTree(r.out());

        Map<String, String> outcomes = new TreeMap<>();
        Map<String, Set<String>> codes = new TreeMap<>();
        for (JsonNode f : doc.get("files")) {
            String file = f.get("file").asText();
            outcomes.put(file, f.get("outcome").asText());
            Set<String> c = new TreeSet<>();
            f.get("findings").forEach(x -> c.add(x.get("code").asText()));
            if (f.hasNonNull("reason")) {
                c.add(f.get("reason").get("code").asText());
            }
            c.removeAll(INCIDENTAL);
            codes.put(file, c);
        }
        assertEquals(expected.keySet(), outcomes.keySet(), "every sample file appears once in the output");
        for (var e : expected.entrySet()) {
            String file = e.getKey();
            assertEquals(e.getValue()[0], outcomes.get(file), file + ": outcome");
            Set<String> want = Arrays.stream(e.getValue()[1].split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(want, codes.get(file), file + ": finding codes");
        }
    }

    /** file -> {outcome, codes} from the README's "| file | outcome | codes | ... |" table. */
    static Map<String, String[]> readmeTable(Path readme) throws Exception {
        Map<String, String[]> m = new TreeMap<>();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] c = line.substring(1).split("\\|");
            m.put(c[0].trim().replace("`", ""), new String[] {c[1].trim(), c[2].trim()});
        }
        return m;
    }
}
