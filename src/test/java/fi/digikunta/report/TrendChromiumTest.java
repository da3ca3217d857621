package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: the trend charts of a three-round report in headless Chromium at 1,400 and 390 px. The
 * whole page is measured (no element wider than the viewport, as {@link LetterChromiumTest} does),
 * and the trend section alone (a copy of the page with only that section in its main) is
 * screenshot to target/screenshots/trend-NAME-WIDTH.png. Skipped where chromium is missing.
 */
class TrendChromiumTest {
    static final Path DIR = Path.of("target", "chromium-trend");

    @ParameterizedTest
    @CsvSource({"report.html,report,1600,3600", "municipalities/091.html,091,1300,3400",
        "municipalities/853.html,853,1300,3400"})
    void theTrendChartsFitAndReadAt1400And390(String path, String name, int tall, int phoneTall, @TempDir Path tmp)
            throws Exception {
        ReportSet.write(TrendRuns.threeRounds(), DIR, ReportOptions.defaults());
        Path page = DIR.resolve(path);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains("<section class=\"trend\""), "no trend section in " + page);
        for (int width : new int[] {1400, 390}) {
            JsonNode m = LetterChromiumTest.measure(page, width, tmp);
            assertEquals(width, m.get("w").asInt(), "viewport");
            assertEquals("[]", m.get("bad").toString(), path + " at " + width + " px: elements wider than the page");
            assertTrue(m.get("doc").asInt() <= width, path + " at " + width + " px: the body is wider " + m);
            Path only = tmp.resolve(width + "-" + name + ".html");
            Files.writeString(only, trendOnly(html), StandardCharsets.UTF_8);
            ChromiumReportTest.assertClean(ChromiumReportTest.load(only,
                    ChromiumReportTest.SHOTS.resolve("trend-" + name + "-" + width + ".png"),
                    width + "," + (width == 1400 ? tall : phoneTall), tmp, false));
        }
    }

    /** The page with its main holding only the trend section (and its styles), for a screenshot of the charts. */
    static String trendOnly(String html) {
        int start = html.indexOf("<style>\n.trend-grid");
        int end = html.indexOf("</section>", html.indexOf("<section class=\"trend\"")) + "</section>".length();
        return html.substring(0, html.indexOf("<main>") + "<main>".length()) + html.substring(start, end)
                + html.substring(html.indexOf("</main>"));
    }
}
