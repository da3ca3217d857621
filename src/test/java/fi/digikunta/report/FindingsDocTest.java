package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/findings.md is exactly what the catalogue renders; -Ddigikunta.updateDocs=true rewrites it. */
class FindingsDocTest {
    private static final Path DOC = Path.of("docs/findings.md");

    @Test
    void docMatchesTheCatalogue() throws Exception {
        String expected = FindingsDoc.render();
        if (Boolean.getBoolean("digikunta.updateDocs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(DOC, StandardCharsets.UTF_8),
                "docs/findings.md is stale: mvn -B -o -q test -Dtest=FindingsDocTest -Ddigikunta.updateDocs=true");
    }
}
