package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.findings.Severity;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.RunResult;
import fi.digikunta.schema.Lang;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTML report: self-contained, accessible, in the chosen language, with the figures people read. */
class HtmlReportTest {
    static final String CSP = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:\">";

    static Map<String, byte[]> render(RunResult run, Lang lang) {
        return ReportSet.render(run, ReportOptions.defaults().withLang(lang));
    }

    static String page(Map<String, byte[]> out, String name) {
        return new String(out.get(name), StandardCharsets.UTF_8);
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(Arguments.of("empty", TestRuns.empty()), Arguments.of("oneAccepted", TestRuns.oneAccepted()),
                Arguments.of("oneRejected", TestRuns.oneRejected()), Arguments.of("superseded", TestRuns.superseded()),
                Arguments.of("manyFindings", TestRuns.manyFindings()),
                Arguments.of("sinceChanges", TestRuns.sinceChanges()),
                Arguments.of("sinceFirstRun", TestRuns.sinceFirstRun()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyPageIsSelfContainedAndAccessible(String name, RunResult run) {
        for (Lang lang : Lang.values()) {
            Map<String, byte[]> out = render(run, lang);
            out.forEach((file, bytes) -> {
                if (!file.endsWith(".html")) {
                    return;
                }
                String html = new String(bytes, StandardCharsets.UTF_8);
                String lower = html.toLowerCase(Locale.ROOT);
                assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"" + lang.code() + "\">"), file);
                assertTrue(html.contains(CSP), file + ": CSP");
                assertFalse(lower.contains("<script"), file);
                assertFalse(lower.contains("http:") || lower.contains("https:") || lower.contains("src=")
                        || lower.contains("@import") || lower.replace("url(#", "").contains("url("),
                        file + ": loads nothing (url(#id) is a pattern of the page itself)");
                assertFalse(html.contains("\r"), file + ": LF line ends");
                assertTrue(html.contains("<h1>"), file);
                assertTrue(html.contains("@media print") && html.contains("name=\"viewport\""), file);
                Matcher svg = Pattern.compile("<svg[^>]*>").matcher(html);
                while (svg.find()) {
                    assertTrue(svg.group().contains("role=\"img\""), file + ": " + svg.group());
                    if (svg.group().contains("class=\"finland-map\"")) { // maps: named by aria-label and title
                        assertTrue(svg.group().matches(".* aria-label=\"[^\"]+\".*"), file + ": " + svg.group());
                        continue;
                    }
                    String id = svg.group().replaceAll(".*aria-labelledby=\"([a-z]+)-t .*", "$1");
                    assertTrue(html.contains("<title id=\"" + id + "-t\">") && html.contains("<desc id=\"" + id
                            + "-d\">"), file + ": svg title and desc");
                }
                Matcher number = Pattern.compile(" (x|y|x1|x2|y1|y2|cx|cy|width|height)=\"([^\"]*)\"").matcher(html);
                while (number.find()) {
                    assertTrue(number.group(2).matches("-?[0-9]+(\\.[0-9]+)?"), file + ": " + number.group());
                }
                assertFalse(Pattern.compile("<th>").matcher(html).find(), file + ": every th has a scope");
            });
        }
    }

    @Test
    void nationalReportShowsHeadlineSpreadLevelsServicesRegionsMunicipalitiesAndRejectedFiles() {
        RunResult run = TestRuns.superseded();
        String html = page(render(run, Lang.FI), "report.html");
        assertTrue(html.contains("<dd>2 / 308<small>vastausaste 0,6\u00A0%</small></dd>"), html);
        assertTrue(html.contains("<h2 id=\"h-spread\">Indeksi alueittain ja sen hajonta</h2>"));
        assertTrue(html.contains("aria-labelledby=\"spread-t spread-d\""));
        assertTrue(html.contains("aria-labelledby=\"levels-t levels-d\""));
        assertTrue(html.contains("Yleisimmin käytössä olevat palvelut") && html.contains("Harvimmin"));
        assertTrue(html.contains("<th scope=\"row\">Lappi</th>"));
        assertTrue(html.contains("<a href=\"municipalities/091.html\">Helsinki</a>"));
        assertTrue(html.contains("<th scope=\"row\">salattu.xlsx</th>"));
        assertTrue(html.contains("Tiedosto on suojattu salasanalla <span class=\"where\">encrypted</span>"));
        assertTrue(html.contains("Korvattu uudemmalla palautuksella helsinki-2026.xlsx"));
        // the national mean index, to 1 decimal with a decimal comma
        double mean = run.figures().national().index().get("ALL").mean();
        String shown = new java.math.BigDecimal(Double.toString(mean)).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString().replace('.', ',');
        assertTrue(html.contains("<dd>" + shown + "<small>Taso: "), shown);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void textsFollowTheLanguage(Lang lang) {
        Map<String, byte[]> out = render(TestRuns.superseded(), lang);
        String national = page(out, "report.html");
        String inari = page(out, "municipalities/148.html");
        switch (lang) {
            case FI -> {
                assertTrue(national.contains("<title>Kuntien digitalisaation arviointi"));
                assertTrue(inari.contains("<h1>Inari (148)</h1>"));
                assertTrue(inari.contains("Kunnan nimi ei vastaa kuntanumeroa"));
                assertTrue(inari.contains("Asuminen, ympäristö, liikenne"));
            }
            case SV -> {
                assertTrue(national.contains("<title>Bedömning av kommunernas digitalisering"));
                assertTrue(inari.contains("<h1>Enare (148)</h1>"));
                assertTrue(inari.contains("Kunnan nimi ei vastaa kuntanumeroa (sv)"));
                assertTrue(inari.contains("Boende, miljö, trafik"));
            }
            case EN -> {
                assertTrue(national.contains("<title>Municipal digitalisation assessment"));
                assertTrue(inari.contains("The name does not match the code"));
                assertTrue(inari.contains("Housing, environment, transport"));
            }
        }
    }

    @Test
    void municipalityPageListsWhatToFixBySheetAndRangeWithEveryKindCounted() {
        String html = page(render(TestRuns.manyFindings(), Lang.FI), "municipalities/091.html");
        assertTrue(html.indexOf("id=\"h-letter\"") < html.indexOf("id=\"h-fixes-0\"")
                && html.indexOf("id=\"h-fixes-0\"") < html.indexOf("id=\"h-areas\""), "letter, fixes, figures");
        assertTrue(html.contains("<h2 id=\"h-fixes-0\">Korjattavaa</h2>"));
        // 60 identical-kind findings down one column are one line with the range and the count
        assertTrue(html.contains("<li><span class=\"sev-error\">Virhe</span> · <q>Asuminen, ympäristö, liikenne</q> · "
                + "<span class=\"column\">Neuvonta</span>, <span class=\"where\">F4:F122</span>, 60 solua: Virheellinen "
                + "vaiheen taso. Esimerkiksi: Arvo ei kelpaa (rivi 4) <small class=\"code\">invalid-stage</small></li>"),
                html);
        // the column is named in the page's language
        String sv = page(render(TestRuns.manyFindings(), Lang.SV), "municipalities/091.html");
        assertTrue(sv.contains("<span class=\"column\">Rådgivning</span>, <span class=\"where\">F4:F122</span>, "
                + "60 celler:"), sv);
        assertTrue(html.contains("<tr data-kind=\"invalid-stage\"><th scope=\"row\">Virheellinen vaiheen taso "
                + "<small class=\"code\">invalid-stage</small></th><td class=\"sev-error\">Virhe</td>"
                + "<td class=\"num\">60</td></tr>"), html);
        assertTrue(html.contains("<tr data-kind=\"number-as-text\">"), "a no-action kind is counted too");
        assertTrue(html.contains("Korjatkaa alla oleva kohta ja lähettäkää lomake uudelleen."), "the number-as-text "
                + "warnings are not things to fix: one fix line only");
    }

    @Test
    void municipalityPageShowsAreasAgainstTheCountryServicesGridAndSavings() {
        RunResult run = TestRuns.oneAccepted();
        String html = page(render(run, Lang.FI), "municipalities/091.html");
        assertTrue(html.contains("aria-labelledby=\"areas-t areas-d\""));
        assertTrue(html.contains("<h3 id=\"h-svc-ASU\">Asuminen, ympäristö, liikenne</h3>"));
        // every catalogue service and the own one are in the grid, with status written out
        for (var s : run.figures().municipalities().get(0).services()) {
            if (s.id() != null) {
                assertTrue(html.contains("<span class=\"own\">" + s.id() + "</span>"), s.id());
            }
        }
        assertTrue(html.contains("Pysäköinnin mobiilimaksu <span class=\"own\">(kunnan oma palvelu)</span>"));
        // stage levels: symbol and value visible, label for screen readers: colour is not the only carrier
        assertTrue(html.contains("<td class=\"st st-2\"><span aria-hidden=\"true\">\u25CF 2</span>"
                + "<span class=\"sr\">Digitaalinen</span></td>"));
        assertTrue(html.contains("<td class=\"status-in_use nowrap\"><span aria-hidden=\"true\">\u2714</span> Käytössä</td>"));
        assertTrue(html.contains("<h2 id=\"h-savings\">Säästöt</h2>"));
        assertTrue(html.contains("<a href=\"../report.html\">"));
    }

    @Test
    void aMunicipalityWithOnlyARejectedFileGetsAPageSayingWhy() {
        String html = page(render(TestRuns.superseded(), Lang.FI), "municipalities/245.html");
        assertTrue(html.contains("<h1>Kerava (245)</h1>"), "named from the municipality list");
        assertTrue(html.contains("<p class=\"lead\">Uusimaa · Asukkaita "), "region and population from the list");
        assertTrue(html.contains("Palautuksenne ei ole mukana luvuissa."));
        assertTrue(html.contains("<p class=\"reason\">Syy: Tiedosto on suojattu salasanalla"));
        assertEquals(2, html.split("Tiedosto on suojattu salasanalla", -1).length - 1, "the reason said once"
                + " in the letter (and once in the file list)");
        assertTrue(html.contains("<p>Korjattavaa on vain edellä kerrottu syy.</p>")
                && !html.contains("Ei korjattavaa."), "a rejected file is never 'nothing to fix'");
    }

    @Test
    void aNewerFileRejectedBesideTheCountedReturnIsWhatTheLetterAsksToFixWithItsReason() {
        // Helsinki's return counts; a correction saved an hour later was rejected for a missing column.
        Finding missing = new Finding(FindingCode.of("required-column-missing").orElseThrow(), Severity.ERROR,
                "Työ ja yrittäminen", null, TestRuns.msg("Pakollinen sarake Käyttöönotto puuttuu",
                        "The required column Status is missing"));
        // A name holding "{1}" stays as it is (the counted file's name is filled in after it).
        FileResult newer = new FileResult("helsinki-{1}.xlsx", Outcome.REJECTED, "091", missing.message(),
                List.of(missing), false, null, TestRuns.GENERATED.plusSeconds(3600), "required-column-missing");
        String html = page(render(TestRuns.run(List.of(TestRuns.helsinki()), List.of(newer)), Lang.FI),
                "municipalities/091.html");
        assertTrue(html.contains("Uudempi tiedostonne helsinki-{1}.xlsx hylättiin"), html);
        assertFalse(html.contains("Teidän ei tarvitse tehdä mitään."), "not 'nothing to do'");
        assertTrue(html.contains("Pakollinen sarake Käyttöönotto puuttuu <small class=\"code\">required-column-missing"),
                "the reason is the rejected file's fix, as the top does not say it");
        assertFalse(html.contains("Korjattavaa on vain edellä kerrottu syy."), "no reason 'above' that is not there");

        // An older rejected file (a first try before the good one) changes nothing at the top.
        FileResult older = new FileResult("helsinki-eka.xlsx", Outcome.REJECTED, "091", missing.message(),
                List.of(missing), false, null, TestRuns.GENERATED.minusSeconds(3600), "required-column-missing");
        String before = page(render(TestRuns.run(List.of(TestRuns.helsinki()), List.of(older)), Lang.FI),
                "municipalities/091.html");
        assertFalse(before.contains("Uudempi tiedostonne"));
    }

    @Test
    void aRejectedOnlyMunicipalitysPageIsInItsFormsLanguageElseAlandsSwedishElseTheRunsLanguage() {
        FileResult svForm = new FileResult("pargas.xlsx", Outcome.REJECTED, "445", TestRuns.msg("Sarake puuttuu",
                "A column is missing"), List.of(), false, null, TestRuns.GENERATED, "required-column-missing", null,
                Lang.SV);
        RunResult run = TestRuns.run(List.of(), List.of(svForm,
                TestRuns.rejected("eckero.xlsx", "043", "encrypted", TestRuns.msg("Salattu", "Encrypted")),
                TestRuns.rejected("kerava.xlsx", "245", "encrypted", TestRuns.msg("Salattu", "Encrypted"))));
        Map<String, byte[]> out = render(run, Lang.EN);
        assertTrue(page(out, "municipalities/445.html").contains("<h1>Pargas (445)</h1>"), "the Swedish form");
        assertTrue(page(out, "municipalities/445.html").startsWith("<!DOCTYPE html>\n<html lang=\"sv\""));
        assertTrue(page(out, "municipalities/043.html").contains("<html lang=\"sv\""), "unreadable, in Åland");
        assertTrue(page(out, "municipalities/245.html").contains("<html lang=\"en\""), "unreadable, mainland: "
                + "the run's language");
        assertTrue(page(render(run, Lang.FI), "municipalities/245.html").contains("<h1>Kerava (245)</h1>"));
    }

    static java.util.Properties bundle(String suffix) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = HtmlReportTest.class.getResourceAsStream("/fi/digikunta/report/ReportMessages" + suffix
                + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theThreeLanguagesHaveTheSameTexts() throws Exception {
        // read the files themselves: a ResourceBundle would fill a missing key from its Finnish parent
        var fi = bundle("");
        var sv = bundle("_sv");
        var en = bundle("_en");
        assertEquals(fi.keySet(), sv.keySet());
        assertEquals(fi.keySet(), en.keySet());
        assertFalse(sv.getProperty("national_title").equals(fi.getProperty("national_title")));
    }

    /** The part of report.html between the since section's start and its end. */
    static String sinceSection(String html) {
        int start = html.indexOf("<section aria-labelledby=\"h-since\">");
        return start < 0 ? null : html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void sinceThePreviousRunListsNewSupersededAndRejectedFilesAndChangedFigures() throws Exception {
        RunResult run = TestRuns.sinceChanges();
        String html = page(render(run, Lang.FI), "report.html");
        String since = sinceSection(html);
        assertTrue(since != null && html.indexOf("h-since") < html.indexOf("h-spread"), "near the top");
        assertTrue(since.contains("<h2 id=\"h-since\">Muutokset edellisestä ajosta</h2>"), since);
        assertTrue(since.contains("Verrattu edellisen ajon raporttiin (luotu 1.3.2026 klo 4.00)."), since);
        assertTrue(since.contains("<h3 id=\"h-since-new\">Uudet palautukset (1)</h3>"), since);
        assertTrue(since.contains("<tr><th scope=\"row\">inari.xlsx</th><td><a href=\"municipalities/148.html\">148 Inari"
                + "</a></td><td class=\"outcome-accepted_with_warnings\">Hyväksytty varoituksin</td>"
                + "<td>ei aiemmin mukana</td><td></td></tr>"), since);
        assertTrue(since.contains("<h3 id=\"h-since-superseded\">Uudemmalla korvatut palautukset (1)</h3>"));
        assertTrue(since.contains("<th scope=\"row\">helsinki-vanha.xlsx</th>"));
        assertTrue(since.contains("<h3 id=\"h-since-rejected\">Uudet hylätyt tiedostot (1)</h3>"));
        assertTrue(since.contains("<td>Tiedosto on suojattu salasanalla <span class=\"where\">encrypted</span></td>"));

        // Helsinki's index, before and after, as each run's report.json has it, to 1 decimal
        JsonNode before = new ObjectMapper().readTree(ReportSet.render(TestRuns.beforeSuperseded(),
                ReportOptions.defaults()).get(ReportSet.JSON)).at("/municipalities/0/index");
        JsonNode after = new ObjectMapper().readTree(ReportSet.render(run, ReportOptions.defaults())
                .get(ReportSet.JSON)).at("/municipalities/0/index");
        String b = before.decimalValue().setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
        String a = after.decimalValue().setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
        assertTrue(!a.equals(b), "the test data changes Helsinki's index: " + a);
        assertTrue(since.contains("<td>Indeksi</td><td>koko kunta</td><td class=\"num\">" + b
                + "</td><td class=\"num\">" + a + "</td>"), since);

        // one row group per municipality, its header spanning its rows
        var changes = run.sincePreviousRun().changedFigures();
        int helsinkiRows = changes.get(0).changes().size();
        assertTrue(since.contains("<tbody>\n<tr><th scope=\"rowgroup\" rowspan=\"" + helsinkiRows
                + "\"><a href=\"municipalities/091.html\">091</a> Helsinki</th><td rowspan=\"" + helsinkiRows
                + "\">muuttunut</td><td>"), since);
        assertTrue(since.contains(">Asuminen, ympäristö, liikenne</td>") || since.contains(">Hyvinvointi"),
                "area figures of a changed municipality by area name");
        // new and gone: their own figures only, and a note saying where the rest is
        long innariOwn = changes.get(1).changes().stream().filter(c -> c.area() == null).count();
        assertTrue(innariOwn < changes.get(1).changes().size());
        assertTrue(since.contains("rowspan=\"" + innariOwn + "\"><a href=\"municipalities/148.html\">148</a> Inari</th>"
                + "<td rowspan=\"" + innariOwn + "\">uusi</td><td>Indeksi</td><td>koko kunta</td><td class=\"num\">"
                + "\u2013</td>"), since);
        assertTrue(since.contains("<a href=\"municipalities/245.html\">245</a></th><td rowspan=\"")
                && since.contains("\">ei enää lukuja</td><td>Indeksi</td>"), since);
        assertTrue(since.contains("alueittaiset luvut ovat kunnan sivulla"));
        assertFalse(since.contains("Ei muutoksia"));
    }

    @Test
    void sinceThePreviousRunSaysFirstRunUnreadableOrNothingChanged() {
        String first = sinceSection(page(render(TestRuns.sinceFirstRun(), Lang.FI), "report.html"));
        assertTrue(first.contains("<p>Tämä on ensimmäinen ajo tähän tuloskansioon"), first);
        assertFalse(first.contains("<table"));
        String unreadable = sinceSection(page(render(TestRuns.sinceUnreadable(), Lang.EN), "report.html"));
        assertTrue(unreadable.contains("<h2 id=\"h-since\">Changes since the previous run</h2>"));
        assertTrue(unreadable.contains("The previous run&#39;s report (report.json) could not be read"), unreadable);
        String nothing = sinceSection(page(render(TestRuns.sinceNothing(), Lang.SV), "report.html"));
        assertTrue(nothing.contains("<h2 id=\"h-since\">Ändringar sedan föregående körning</h2>"));
        assertTrue(nothing.contains("<p>Inga ändringar: samma filer"), nothing);
        assertFalse(nothing.contains("<table"));
        assertEquals(null, sinceSection(page(render(TestRuns.superseded(), Lang.FI), "report.html")),
                "no section when the run has no previous-run check (no output folder)");
    }

    @Test
    void aChangeBelowTheShownPrecisionShowsTheDigitsReportJsonHas() {
        RunResult now = TestRuns.oneAccepted();
        com.fasterxml.jackson.databind.node.JsonNodeFactory n = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .withExactBigDecimals(true);
        var since = new fi.digikunta.model.SincePreviousRun(false, false, "2026-02-28T02:00:00Z", null, null, List.of(),
                List.of(), List.of(), List.of(new fi.digikunta.model.SincePreviousRun.MunicipalityChange("091",
                        "changed", List.of(new fi.digikunta.model.SincePreviousRun.FigureChange("index", null,
                                n.numberNode(new BigDecimal("41.2504")), n.numberNode(new BigDecimal("41.2611"))),
                                new fi.digikunta.model.SincePreviousRun.FigureChange("savings.realised_net", "ASU",
                                        n.numberNode(new BigDecimal("1200.00")), null)))));
        String html = sinceSection(page(render(now.withSincePreviousRun(since), Lang.FI), "report.html"));
        assertTrue(html.contains("<td>Indeksi</td><td>koko kunta</td><td class=\"num\">41,2504</td>"
                + "<td class=\"num\">41,2611</td>"), html);
        assertTrue(html.contains("<td>Toteutunut nettosäästö</td><td>Asuminen, ympäristö, liikenne</td>"
                + "<td class=\"num\">1\u00A0200\u00A0€</td><td class=\"num\">\u2013</td>"), html);
        assertTrue(html.contains("(luotu 28.2.2026 klo 4.00)"));
    }

    @Test
    void emptyInboxSaysSoWithoutCharts() {
        String html = page(render(TestRuns.empty(), Lang.FI), "report.html");
        assertTrue(html.contains("<dd>0 / 308"));
        assertFalse(html.contains("<svg"));
        assertTrue(html.contains("Ei vielä vastauksia."));
        assertTrue(html.contains("Kaikki tiedostot ovat mukana luvuissa."));
    }
}
