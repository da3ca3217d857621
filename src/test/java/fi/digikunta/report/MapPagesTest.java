package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.Figures;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.RunResult;
import fi.digikunta.reference.Borders;
import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 15: the maps of report.html and of the municipality pages, as the pages carry them. */
class MapPagesTest {
    static final Pattern MAP = Pattern.compile("<svg class=\"finland-map\".*?</svg>", Pattern.DOTALL);

    static List<String> maps(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = MAP.matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static String national(RunResult run, Lang lang) {
        return HtmlReportTest.page(HtmlReportTest.render(run, lang), "report.html");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void reportHasTheLevelMapSixAreaMapsAndTheRegionMapEachCreditedInThePageLanguage(Lang lang) {
        String html = national(TestRuns.twelve(), lang);
        List<String> maps = maps(html);
        assertEquals(8, maps.size(), "one big map, six small multiples, one region map");
        for (String svg : maps) {
            String credit = Borders.credit(lang);
            assertTrue(svg.contains(credit) || svg.contains(credit.substring(credit.indexOf(", ") + 2)),
                    lang + ": credit under every map");
            assertFalse(svg.contains("xmlns"), "inline SVG names no URL");
        }
        // Every area's name above its small map, in the page's language.
        String schemaAreas = html.substring(html.indexOf("class=\"map-small\""));
        assertEquals(6, schemaAreas.split("<figcaption>").length - 1);
    }

    @Test
    void everyMunicipalityOfTheListIsDrawnAndTheOnesWithoutAReturnAreHatchedAndCounted() {
        RunResult run = TestRuns.twelve();
        String big = maps(national(run, Lang.FI)).get(0);
        int respondents = run.figures().municipalities().size();
        assertEquals(12, respondents);
        // One shape with a title per municipality of the list (588 merged into 507: 308 shapes).
        assertEquals(308, big.split("<title>").length - 2, "308 municipality titles and the map's own");
        assertTrue(big.contains("Ei hyväksyttyä palautusta: " + (308 - respondents)), "legend counts them");
        assertTrue(big.contains("<title>Enonkoski: ei hyväksyttyä palautusta</title>"));
        Matcher hatched = Pattern.compile("<g fill=\"url\\(#(fmap[0-9]+h)\\)\">").matcher(big);
        assertTrue(hatched.find(), "no-return shapes are filled with the hatch pattern");
        assertTrue(big.contains("<pattern id=\"" + hatched.group(1) + "\""));
    }

    @Test
    void aMunicipalityWithAReturnShowsNameIndexAndLevelAndLinksToItsPage() {
        RunResult run = TestRuns.twelve();
        MunicipalityFigures h = run.figures().municipalities().stream().filter(m -> m.code().equals("091"))
                .findFirst().orElseThrow();
        String big = maps(national(run, Lang.FI)).get(0);
        String title = "Helsinki: indeksi " + new Fmt(Lang.FI).dec1(h.index()) + ", taso " + h.level();
        assertTrue(big.contains("<a href=\"municipalities/091.html\"><title>" + title + "</title>"), title);
        String fill = MapStyle.colour(h.level());
        int group = big.lastIndexOf("<g fill=\"" + fill + "\">", big.indexOf(title));
        assertTrue(group > 0 && big.indexOf("</g>", group) > big.indexOf(title), "drawn in level " + h.level()
                + "'s colour " + fill);
        String en = maps(national(run, Lang.EN)).get(0);
        assertTrue(en.contains("Helsinki: index " + new Fmt(Lang.EN).dec1(h.index()) + ", level " + h.level()));
    }

    @Test
    void regionsAreColouredByThePopulationWeightedMeanIndex() {
        RunResult run = TestRuns.twelve();
        List<MunicipalityFigures> uusimaa = run.figures().municipalities().stream()
                .filter(m -> "Uusimaa".equals(m.region())).toList();
        assertTrue(uusimaa.size() >= 2, "the test needs two respondents of one region: " + uusimaa.size());
        double sum = 0;
        long pop = 0;
        for (MunicipalityFigures m : uusimaa) {
            sum += m.index() * m.population();
            pop += m.population();
        }
        double plainMean = uusimaa.stream().mapToDouble(MunicipalityFigures::index).average().orElseThrow();
        Fmt f = new Fmt(Lang.FI);
        assertFalse(f.dec1(sum / pop).equals(f.dec1(plainMean)), "weights make a difference here");
        String regions = maps(national(run, Lang.FI)).get(7);
        assertTrue(regions.contains("<title>Uusimaa: indeksi " + f.dec1(sum / pop) + "</title>"), regions);
        assertTrue(regions.contains("väestöllä painotettu keskiarvo"));
    }

    @Test
    void aCodeWithoutAShapeIsListedUnderTheMapAndNothingFails() {
        RunResult twelve = TestRuns.twelve();
        List<Municipality> list = new ArrayList<>(MunicipalityList.builtIn().all());
        list.add(new Municipality("999", "Uusikunta", "Nykommun", "Uusimaa", 1000, Set.of()));
        Figures f = twelve.figures();
        RunResult run = new RunResult(twelve.toolVersion(), twelve.schemaVersion(), twelve.generatedAt(),
                twelve.files(), new Figures(f.schemaVersion(), f.municipalities(), f.national(), list));
        String html = national(run, Lang.FI);
        assertTrue(html.contains("<p class=\"map-missing\">Kartalta puuttuvat kunnat, joille karttatiedoissa ei ole "
                + "rajoja: 999 Uusikunta</p>"), html.substring(html.indexOf("id=\"h-map\"")));
        assertEquals(8, maps(html).size(), "the rest is drawn");
        assertTrue(maps(html).get(0).contains("Ei hyväksyttyä palautusta: 297"), "the new one is counted too");
        String sv = national(run, Lang.SV);
        assertTrue(sv.contains("999 Nykommun</p>"), "named in the page's language");
    }

    @Test
    void municipalityPageHasALocatorWithTheMunicipalityAndItsRegion() {
        Map<String, byte[]> out = HtmlReportTest.render(TestRuns.twelve(), Lang.FI);
        String page = HtmlReportTest.page(out, "municipalities/148.html");
        List<String> maps = maps(page);
        assertEquals(1, maps.size());
        String svg = maps.get(0);
        Borders b = Borders.builtIn();
        assertTrue(svg.contains("d=\"" + b.municipality("148").orElseThrow().coarse() + "\""), "Inari drawn");
        assertTrue(svg.contains("fill=\"" + MapStyle.HIGHLIGHT + "\""), "highlighted");
        assertTrue(svg.contains("stroke=\"" + MapStyle.OUTLINE + "\" stroke-width=\"10\" fill-rule=\"evenodd\" d=\""
                + b.region("19").orElseThrow().coarse() + "\""), "Lappi (19) outlined");
        assertTrue(svg.contains(Borders.credit(Lang.FI).substring(Borders.credit(Lang.FI).indexOf(", ") + 2)));
        assertTrue(page.indexOf("<figure class=\"map map-locator\"") < page.indexOf("id=\"h-summary\""), "at the top");
    }

    @Test
    void aPageForACodeWithoutAShapeSaysSoInsteadOfAMap() {
        Map<String, byte[]> out = HtmlReportTest.render(TestRuns.run(List.of(), List.of(TestRuns.rejected(
                "999-uusikunta.xlsx", "999", "unknown-code", TestRuns.msg("Tuntematon kunta", "Unknown municipality")))),
                Lang.EN);
        String page = HtmlReportTest.page(out, "municipalities/999.html");
        assertNotNull(page);
        assertEquals(List.of(), maps(page));
        assertTrue(page.contains("<p class=\"map-missing\">The map data has no borders for this municipality, so no "
                + "map is shown (999).</p>"), page);
    }

    @Test
    void noMapsWithoutAnyCountingReturn() {
        assertEquals(List.of(), maps(national(TestRuns.oneRejected(), Lang.FI)));
    }
}
