package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code samples --rounds} writes the history; with {@code --count} it is a usage error that writes nothing. */
class SamplesCommandTest {
    @Test
    void roundsAndCountTogetherAreAUsageError(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        var r = CliTestSupport.run("samples", "--rounds", "--count", "3", "--out", out.toString()).expectExit(2);
        assertTrue(r.err().contains("--count") && r.err().contains("--rounds"), r.err());
        assertFalse(Files.exists(out));
    }
}
