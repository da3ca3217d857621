package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.model.RunResult;
import fi.digikunta.testing.CsvTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Free text from a workbook or a file name (own service name, system, notes, finding message,
 * sheet name, reason, file name) holding markup or a spreadsheet formula comes out inert in every
 * output: escaped in HTML, neutralised in every CSV of both dialects, a plain string in JSON.
 */
class InjectionTest {
    static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0",
        "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"})
    void textIsInertEverywhere(String payload) throws Exception {
        // With the since-the-previous-run section, where the file names appear once more.
        RunResult run = TestRuns.since(TestRuns.empty(), TestRuns.hostile(payload));
        for (CsvDialect d : CsvDialect.values()) {
            Map<String, byte[]> out = ReportSet.render(run, ReportOptions.defaults().withCsvDialect(d));
            int seen = 0;
            for (String table : ReportSet.tableNames()) {
                CsvTable csv = CsvTable.of(out, table, d);
                for (CSVRecord r : csv.rows) {
                    for (String cell : r) {
                        assertTrue(safe(cell), () -> table + " (" + d.id() + "): a cell a spreadsheet would run: "
                                + cell);
                        if (cell.equals(expectedNeutralised(payload))) {
                            seen++;
                        }
                    }
                }
            }
            // file names, own service name, system, notes, messages, sheet, reason: all there, all inert
            assertTrue(seen >= 8, "payload written neutralised in " + seen + " cells (" + d.id() + ")");
            checkHtml(out, payload);
            checkJson(out, payload);
        }
    }

    static String expectedNeutralised(String payload) {
        String cleaned = payload.startsWith("\r") ? "\n" + payload.substring(1) : payload;
        return "=+-@\t\r".indexOf(payload.charAt(0)) >= 0 ? "'" + cleaned : cleaned;
    }

    /** A cell is safe when it cannot start a formula, or when it is a plain number (a negative saving). */
    static boolean safe(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0) {
            return true;
        }
        return NUMBER.matcher(cell).matches();
    }

    static void checkHtml(Map<String, byte[]> out, String payload) {
        List<String> pages = new ArrayList<>();
        out.forEach((k, v) -> {
            if (k.endsWith(".html")) {
                pages.add(k);
            }
        });
        assertTrue(pages.contains("municipalities/091.html") && pages.contains("municipalities/092.html"), "" + pages);
        for (String p : pages) {
            String html = new String(out.get(p), StandardCharsets.UTF_8);
            String lower = html.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains("<script"), p + ": a script element");
            assertFalse(lower.contains("href=\"http") || lower.contains("src="), p + ": an external link or load");
            if (payload.startsWith("<script>")) {
                assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), p + ": the text, escaped");
            }
        }
        String page = new String(out.get("municipalities/091.html"), StandardCharsets.UTF_8);
        String national = new String(out.get("report.html"), StandardCharsets.UTF_8);
        String since = national.substring(national.indexOf("<section aria-labelledby=\"h-since\">"));
        since = since.substring(0, since.indexOf("</section>"));
        String escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;").replace("\r", "\n");
        assertTrue(page.contains(escaped), "the payload appears as escaped text on the page: " + escaped);
        assertTrue(since.contains("<th scope=\"row\">" + escaped + "</th>"), "a new or rejected file's name: " + since);
    }

    static void checkJson(Map<String, byte[]> out, String payload) throws Exception {
        JsonNode j = new ObjectMapper().readTree(out.get("report.json"));
        String clean = payload.replace("\r", "\n");
        JsonNode rejected = null;
        for (JsonNode f : j.get("files")) {
            if (f.get("outcome").asText().equals("rejected")) {
                rejected = f;
            }
        }
        assertEquals(clean, rejected.get("file").asText());
        assertEquals(clean, rejected.get("reason").get("fi").asText());
        assertEquals(clean, j.get("municipalities").get(0).get("findings").get(0).get("message_en").asText());
    }
}
