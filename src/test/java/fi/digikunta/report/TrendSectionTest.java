package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.Distribution;
import fi.digikunta.model.Figures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.RunResult;
import fi.digikunta.schema.Lang;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the pictures: the trend section of report.html and of the municipality pages over three
 * rounds (version 1, 1, 2), its numbers in the SVG and the table, and its words in Finnish, Swedish
 * and English; a run of one round has none.
 */
class TrendSectionTest {
    static final RunResult RUN = TrendRuns.threeRounds();
    static final Map<String, String> FI = HtmlReportWriter.texts(Lang.FI);

    static ReportContext ctx(RunResult run) {
        return new ReportContext(run, ReportOptions.defaults());
    }

    /** A number to one decimal the Finnish way, worked out here rather than by the report's formatter. */
    static String fi(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    static String page(RunResult run, ReportOptions options, String path) {
        SortedMap<String, byte[]> out = ReportSet.render(run, options);
        return new String(out.get(path), StandardCharsets.UTF_8);
    }

    @Test
    void aRunOfOneRoundHasNoTrendSection() {
        RunResult one = TestRuns.twelve();
        assertNull(TrendSection.national(ctx(one), FI));
        assertNull(TrendSection.municipality(ctx(one), FI, Lang.FI, "091"));
        assertFalse(page(one, ReportOptions.defaults(), "report.html").contains("trend"));
        assertFalse(page(one, ReportOptions.defaults(), "municipalities/091.html").contains("trend"));
    }

    @Test
    void theNationalChartShowsTheMedianOfEveryAreaByRoundAndMarksTheNewForm() {
        TrendSection.National n = TrendSection.national(ctx(RUN), FI);
        assertEquals(List.of("2024", "2025", "2026"), n.rounds().stream().map(TrendSection.Round::label).toList());
        assertEquals(List.of(false, false, true),
                n.rounds().stream().map(TrendSection.Round::versionChanged).toList());
        assertTrue(n.versionChanged());
        assertEquals(7, n.panels().size());
        List<String> keys = new ArrayList<>(List.of(NationalFigures.ALL));
        keys.addAll(TestRuns.SCHEMA.areaCodes());
        assertEquals(keys, n.panels().stream().map(TrendSection.Panel::code).toList());
        for (int k = 0; k < keys.size(); k++) {
            List<String> expected = new ArrayList<>();
            for (Figures r : RUN.rounds()) {
                Distribution d = r.national().index().get(keys.get(k));
                expected.add(fi(d.median()));
            }
            assertEquals(expected, n.medians().get(k).cells(), keys.get(k));
            String svg = n.panels().get(k).svg();
            for (String v : expected) {
                assertTrue(svg.contains(">" + v + "</text>"), keys.get(k) + " SVG shows " + v + ": " + svg);
            }
            assertEquals(1, count(svg, "v1 \u2192 v2"), "one version mark: " + svg);
            assertTrue(svg.contains("role=\"img\"") && svg.contains("<title id=\"trend-" + keys.get(k) + "-t\">"));
        }
        assertEquals(List.of("2024 (lomake v1)", "2025 (lomake v1)", "2026 (lomake v2)"),
                n.levels().stream().map(HtmlModel.LevelRow::name).toList());
        for (int r = 0; r < 3; r++) {
            Map<Integer, Integer> counts = RUN.rounds().get(r).national().levels().get(NationalFigures.ALL);
            assertEquals(counts.values().stream().toList(),
                    n.levels().get(r).segments().stream().map(HtmlModel.LevelSegment::count).toList());
            assertEquals(RUN.rounds().get(r).municipalities().size(), n.levels().get(r).total());
        }
    }

    @Test
    void aMunicipalityPageSaysWhatMovedSinceItsPreviousAnsweredRound() {
        TrendSection.Municipality m = TrendSection.municipality(ctx(RUN), FI, Lang.FI, "091");
        assertEquals("2024", m.from());
        assertEquals("2026", m.to());
        assertTrue(m.versionChanged());
        assertEquals("Kaikki alueet", m.moved().get(0).area());
        assertEquals("indeksi nousi " + fi(41.0) + " \u2192 " + fi(52.5) + "; taso 2 \u2192 3", m.moved().get(0).words());
        assertEquals("indeksi laski 60,0 \u2192 55,0; taso pysyi 3", m.moved().get(1).words());
        // Helsinki skipped 2025: a gap in its line (no segment), a dash in the table, both points drawn.
        String svg = m.panels().get(0).svg();
        assertEquals(0, count(svg, "stroke=\"" + TrendChart.OWN + "\" stroke-width=\"2.5\""), svg);
        assertEquals(2, count(svg, "<circle") - 3, svg);
        assertTrue(svg.contains("Kunnan indeksi: 2024 41,0, 2025 \u2013, 2026 52,5."), svg);
        String median2025 = fi(RUN.rounds().get(1).national().index().get(NationalFigures.ALL).median());
        assertEquals("\u2013 / " + median2025, m.rows().get(0).cells().get(1));
        assertEquals(1, count(svg, "v1 \u2192 v2"));

        String html = page(RUN, ReportOptions.defaults(), "municipalities/091.html");
        assertTrue(html.contains("<p>Muutos kierroksesta 2024 kierrokseen 2026:</p>"), html);
        assertTrue(html.contains("<li><strong>Kaikki alueet:</strong> indeksi nousi 41,0 \u2192 52,5; taso 2 \u2192 3</li>"));
        assertTrue(html.contains("Lomakeversio vaihtui kierrosten välillä"));
    }

    @Test
    void theWordsAreInThePagesLanguage() {
        String sv = page(RUN, ReportOptions.defaults(), "municipalities/853.html");
        assertTrue(sv.contains("<html lang=\"sv\">"));
        assertTrue(sv.contains("<p>Förändring från omgång 2025 till omgång 2026:</p>"), sv);
        assertTrue(sv.contains("<li><strong>Alla områden:</strong> indexet sjönk 70,0 \u2192 64,5; nivån låg kvar på 3</li>"));
        String en = page(RUN, ReportOptions.defaults().withPageLang(Lang.EN), "municipalities/091.html");
        assertTrue(en.contains("<li><strong>All areas:</strong> index rose 41.0 \u2192 52.5; level 2 \u2192 3</li>"), en);
        assertTrue(en.contains("The form version changed between rounds"));
    }

    @Test
    void aMunicipalityWithOneAnsweredRoundHasItsPointsButNoChange() {
        TrendSection.Municipality m = TrendSection.municipality(ctx(RUN), FI, Lang.FI, "005");
        assertNull(m.from());
        assertTrue(m.moved().isEmpty());
        assertFalse(m.versionChanged());
        // Its own form was v2 from the start: no mark on its chart.
        assertEquals(0, count(m.panels().get(0).svg(), "\u2192 v2"));
        String html = page(RUN, ReportOptions.defaults(), "municipalities/005.html");
        assertTrue(html.contains("Kunta on vastannut vain kierrokselle 2026"), html);
    }

    @Test
    void theReportHasTheTrendSectionWithItsTables() {
        String html = page(RUN, ReportOptions.defaults(), "report.html");
        assertTrue(html.contains("<h2 id=\"h-trend\">Kehitys kierroksittain</h2>"));
        assertEquals(7, count(html, "class=\"trend-chart\""));
        assertTrue(html.contains("<caption>Kuntien määrä tasoittain kierroksittain</caption>"));
        // The levels-by-round chart: one bar per round, named with its form version.
        Matcher bars = Pattern.compile("text-anchor=\"end\">(20[0-9]{2} \\(lomake v[12]\\))</text>")
                .matcher(html);
        List<String> names = new ArrayList<>();
        while (bars.find()) {
            names.add(bars.group(1));
        }
        assertEquals(List.of("2024 (lomake v1)", "2025 (lomake v1)", "2026 (lomake v2)"), names);
        // Each bar's segments carry the count of their level: 2026's are those of the round's figures.
        Map<Integer, Integer> counts = RUN.rounds().get(2).national().levels().get(NationalFigures.ALL);
        counts.forEach((level, n) -> {
            if (n > 0) {
                assertTrue(html.contains("<title>2026 (lomake v2): " + level + " "), "level " + level);
                assertTrue(Pattern.compile("<title>2026 \\(lomake v2\\): " + level + " [^<]* " + n + "</title>")
                        .matcher(html).find(), "2026 level " + level + " count " + n);
            }
        });
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
