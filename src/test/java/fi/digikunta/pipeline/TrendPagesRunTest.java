package fi.digikunta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.cli.CliTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, the pictures, end to end: `digikunta run` over a v1 inbox of 2025 and a v2 inbox of 2026
 * writes the trend section in report.html and the words on the municipality pages; a run over one
 * of the inboxes alone writes none.
 */
class TrendPagesRunTest {
    @TempDir
    Path tmp;

    private void write(String dir, String name, byte[] b) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(dir));
        Files.write(d.resolve(name), b);
    }

    @Test
    void aRunOverTwoRoundsDrawsTheTrendsAndOneRoundDoesNot() throws IOException {
        write("r2025", "091-helsinki-2025.xlsx", RoundsTest.workbook(RoundsTest.V1, "091", "2025-03-01", f -> { }));
        write("r2025", "837-tampere-2025.xlsx", RoundsTest.workbook(RoundsTest.V1, "837", "2025-03-02", f -> { }));
        write("r2026", "091-helsinki-2026.xlsx", RoundsTest.workbook(RoundsTest.V2, "091", "2026-03-01", f -> { }));
        write("r2026", "049-espoo-2026.xlsx", RoundsTest.workbook(RoundsTest.V2, "049", "2026-03-01", f -> { }));
        Path out = tmp.resolve("out");
        var r = CliTestSupport.run("run", "2025=" + tmp.resolve("r2025"), tmp.resolve("r2026").toString(), "--out",
                out.toString(), "--settle", "0", "--quiet");
        assertEquals(0, r.exitCode(), r.err());

        String report = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(report.contains("<h2 id=\"h-trend\">Kehitys kierroksittain</h2>"));
        assertTrue(report.contains(">v1 \u2192 v2</text>"), "the form version change is marked");
        String helsinki = Files.readString(out.resolve("municipalities/091.html"), StandardCharsets.UTF_8);
        assertTrue(helsinki.contains("<p>Muutos kierroksesta 2025 kierrokseen 2026:</p>"));
        assertTrue(Pattern.compile("<li><strong>Kaikki alueet:</strong> indeksi (nousi|laski|pysyi) [0-9]+,[0-9]")
                .matcher(helsinki).find(), "Helsinki's words");
        assertTrue(helsinki.contains("Lomakeversio vaihtui kierrosten välillä"));
        String tampere = Files.readString(out.resolve("municipalities/837.html"), StandardCharsets.UTF_8);
        assertTrue(tampere.contains("Kunta on vastannut vain kierrokselle 2025"), "Tampere skipped 2026");

        Path alone = tmp.resolve("alone");
        var one = CliTestSupport.run("run", tmp.resolve("r2026").toString(), "--out", alone.toString(), "--settle", "0",
                "--quiet");
        assertEquals(0, one.exitCode(), one.err());
        assertFalse(Files.readString(alone.resolve("report.html"), StandardCharsets.UTF_8).contains("h-trend"));
        assertFalse(Files.readString(alone.resolve("municipalities/091.html"), StandardCharsets.UTF_8)
                .contains("h-trend"));
    }
}
