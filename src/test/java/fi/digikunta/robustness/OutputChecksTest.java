package fi.digikunta.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks RobustnessIT relies on do catch each kind of unsafe output (a check that cannot fail proves nothing). */
class OutputChecksTest {
    static List<String> problems(String name, String text) {
        return OutputChecks.problems(Map.of(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    static void caught(String name, String text, String expected) {
        List<String> p = problems(name, text);
        assertTrue(p.size() == 1 && p.get(0).contains(expected), name + ": " + p);
    }

    @Test
    void eachUnsafeOutputIsCaught() {
        caught("files.csv", "file,outcome\r\n=HYPERLINK(\"x\"),rejected\r\n", "would run");
        caught("files.csv", "file,outcome\r\n\"\tx\",rejected\r\n", "would run");
        caught("files.csv", "\uFEFFfile;outcome\r\n@SUM(1);rejected\r\n", "would run");
        caught("report.html", "<p><SCRIPT>alert(1)</SCRIPT></p>", "<script");
        caught("report.json", "{\"a\": \"" + RobustnessCorpus.SECRET + "\"}", "entity's target");
        caught("report.json", "{\"a\": ", "not valid JSON");
        caught("municipalities.csv", "name\r\nroot:x:0:0:root:/root:/bin/bash\r\n", "/etc/passwd");
        caught("services.csv", "name\r\nKello\u0007\r\n", "control character");
        caught("municipalities/<script>.html", "<p>x</p>", "file name");
        assertEquals(List.of("x.csv: not UTF-8"), OutputChecks.problems(Map.of("x.csv", new byte[] {(byte) 0xC3, 0x28})));
    }

    @Test
    void safeOutputPasses() {
        assertEquals(List.of(), problems("services.csv", "name,saving\r\n'=HYPERLINK(1),-12.50\r\n"));
        assertEquals(List.of(), problems("report.html", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
        assertEquals(List.of(), problems("history/report-20260301T020000Z-1.json", "{\"x\": \"<script>\"}"));
    }
}
