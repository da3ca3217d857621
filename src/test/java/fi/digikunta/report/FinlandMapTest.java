package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.reference.Borders;
import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Lang;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class FinlandMapTest {
    static final Path OUT = Path.of("target", "maps");
    static final List<String> AREAS = List.of("Sote", "Opetus", "Kulttuuri", "Tekninen", "Elinvoima", "Hallinto");
    private final MunicipalityList list = MunicipalityList.builtIn();

    /** Every municipality of the list; one in seven without a return; levels and indices spread. */
    List<FinlandMap.Entry> entries(int shift) {
        List<FinlandMap.Entry> out = new ArrayList<>();
        int i = 0;
        for (Municipality m : list.all()) {
            i++;
            int k = (i * 7 + shift * 3) % 23;
            boolean none = (i + shift) % 7 == 0;
            double index = Math.min(100, 8 + k * 4.1 + (m.population() > 50_000 ? 15 : 0));
            out.add(new FinlandMap.Entry(m.code(), m.nameFi(), none ? null : (int) Math.min(4, index / 20),
                    none ? null : index, "kunnat/" + m.code() + ".html"));
        }
        return out;
    }

    /** Population-weighted mean index per region, as the caller computes it. */
    List<FinlandMap.RegionEntry> regions(List<FinlandMap.Entry> entries) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (FinlandMap.Entry e : entries) {
            Municipality m = list.byCode(e.code()).orElseThrow();
            double[] s = sums.computeIfAbsent(m.region(), k -> new double[2]);
            if (e.index() != null) {
                s[0] += e.index() * m.population();
                s[1] += m.population();
            }
        }
        List<FinlandMap.RegionEntry> out = new ArrayList<>();
        sums.forEach((r, s) -> out.add(new FinlandMap.RegionEntry(r, r, s[1] == 0 ? null : s[0] / s[1])));
        return out;
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    List<String> nationalSet(FinlandMap map) {
        List<FinlandMap.Entry> all = entries(0);
        List<String> svgs = new ArrayList<>();
        svgs.add(map.levels(all, "Digitalisaation taso kunnittain").svg());
        for (int a = 0; a < AREAS.size(); a++) {
            svgs.add(map.smallLevels(entries(a + 1), AREAS.get(a)).svg());
        }
        svgs.add(map.regions(regions(all), "Maakunnat").svg());
        return svgs;
    }

    @Test
    void nationalSetIsSmallWellFormedAndCredited() throws Exception {
        for (Lang lang : Lang.values()) {
            List<String> svgs = nationalSet(FinlandMap.of(lang));
            int bytes = svgs.stream().mapToInt(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
            System.out.println("national map set " + lang + ": " + bytes + " bytes; big "
                    + svgs.get(0).length() + ", small " + svgs.get(1).length() + ", regions " + svgs.get(7).length());
            assertTrue(bytes < 450_000, "national set " + bytes + " bytes");
            for (String svg : svgs) {
                Document d = parse(svg);
                assertEquals("svg", d.getDocumentElement().getLocalName());
                assertTrue(svg.contains(Borders.credit(lang)) || svg.contains(Borders.credit(lang).substring(
                        Borders.credit(lang).indexOf(", ") + 2)), "credit in " + lang);
                assertFalse(svg.contains("<script"));
            }
            assertEquals(308, parse(svgs.get(0)).getElementsByTagName("a").getLength());
            assertTrue(svgs.get(0).contains(Borders.credit(lang)));
        }
    }

    @Test
    void titlesAndLegendInEachLanguage() {
        List<FinlandMap.Entry> one = List.of(new FinlandMap.Entry("091", "Helsinki", 2, 45.25, "k/091.html"),
                new FinlandMap.Entry("049", "Espoo", null, null, null));
        String fi = FinlandMap.of(Lang.FI).levels(one, null).svg();
        assertTrue(fi.contains("<title>Helsinki: indeksi 45,3, taso 2</title>"), fi);
        assertTrue(fi.contains("Espoo: ei hyväksyttyä palautusta"));
        assertTrue(fi.contains(">Taso 2: 1 kunta<") && fi.contains(">Taso 0: 0 kuntaa<"));
        assertTrue(fi.contains(">Ei hyväksyttyä palautusta: 1<"));
        assertTrue(fi.contains("href=\"k/091.html\""));
        String sv = FinlandMap.of(Lang.SV).levels(one, null).svg();
        assertTrue(sv.contains("Helsinki: index 45,3, nivå 2") && sv.contains("Lantmäteriverket, kommungränser"));
        String en = FinlandMap.of(Lang.EN).levels(one, null).svg();
        assertTrue(en.contains("Helsinki: index 45.3, level 2") && en.contains("National Land Survey of Finland"));
    }

    @Test
    void codesWithoutAShapeAreListedNotThrown() throws Exception {
        FinlandMap map = FinlandMap.of(Lang.FI);
        List<FinlandMap.Entry> e = List.of(new FinlandMap.Entry("999", "Uusikunta", 3, 70.0, "k/999.html"),
                new FinlandMap.Entry("588", "Pertunmaa", 1, 30.0, null),
                new FinlandMap.Entry("091", "Helsinki & <Co>", 1, 30.0, "a?b=1&c=2"));
        FinlandMap.Svg big = map.levels(e, "x");
        assertEquals(List.of("999", "588"), big.missing());
        parse(big.svg());
        assertEquals(List.of("999", "588"), map.smallLevels(e, null).missing());
        FinlandMap.Svg loc = map.locator("999", "Uusikunta", "10");
        assertEquals(List.of("999"), loc.missing());
        parse(loc.svg());
        FinlandMap.Svg reg = map.regions(List.of(new FinlandMap.RegionEntry("Atlantis", "Atlantis", 50.0),
                new FinlandMap.RegionEntry("01", "Uusimaa", 50.0)), null);
        assertEquals(List.of("Atlantis"), reg.missing());
        List<FinlandMap.Entry> nulls = new ArrayList<>(List.of(new FinlandMap.Entry(null, null, null, null, null),
                new FinlandMap.Entry("091", null, 9, null, null)));
        assertEquals(List.of("null"), map.levels(nulls, null).missing());
        assertEquals(List.of("null"), map.locator(null, null, null).missing());
        assertEquals(List.of("null"), map.regions(List.of(new FinlandMap.RegionEntry(null, null, null)), null).missing());
        parse(map.levels(List.of(), null).svg());
        parse(map.regions(List.of(), null).svg());
    }

    @Test
    void locatorHighlightsTheMunicipalityAndItsRegion() throws Exception {
        for (Lang lang : Lang.values()) {
            FinlandMap.Svg s = FinlandMap.of(lang).locator(list.byCode("235").orElseThrow());
            assertEquals(List.of(), s.missing());
            parse(s.svg());
            assertTrue(s.svg().contains("<circle"), "Kauniainen is tiny: a ring marks it");
            assertFalse(FinlandMap.of(lang).locator(list.byCode("698").orElseThrow()).svg().contains("<circle"));
            assertTrue(s.svg().contains(Borders.credit(lang).substring(0, Borders.credit(lang).indexOf(','))));
            assertTrue(s.svg().length() < 20_000, "locator " + s.svg().length());
        }
    }

    @Test
    void regionClassesSpanTheRoundedRange() {
        double[] r = FinlandMap.range(List.of(new FinlandMap.RegionEntry("01", "a", 42.0),
                new FinlandMap.RegionEntry("02", "b", 67.5)));
        assertEquals(40, r[0]);
        assertEquals(70, r[1]);
        assertEquals(0, FinlandMap.classOf(42, r));
        assertEquals(4, FinlandMap.classOf(70, r));
        assertEquals(2, FinlandMap.classOf(55, r));
    }

    /** Pages to look at (target/maps/*.html; PNGs via headless Chromium, see docs/outputs.md "Maps"). */
    @Test
    void writesPagesToLookAt() throws Exception {
        Files.createDirectories(OUT);
        FinlandMap map = FinlandMap.of(Lang.FI);
        List<String> svgs = nationalSet(map);
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"fi\"><meta charset=\"utf-8\"><body"
                + " style=\"font-family:sans-serif;margin:8px\"><div style=\"display:flex;gap:16px\">"
                + svgs.get(0) + "<div style=\"display:grid;grid-template-columns:repeat(3,220px);gap:8px\">");
        svgs.subList(1, 7).forEach(b::append);
        b.append("</div></div>").append(svgs.get(7)).append("</body></html>");
        assertTrue(svgs.get(7).contains(">Indeksi</text>"));
        Files.writeString(OUT.resolve("national.html"), b, StandardCharsets.UTF_8);
        String loc = map.locator(list.byCode("179").orElseThrow()).svg() + map.locator(list.byCode("235")
                .orElseThrow()).svg() + map.locator(list.byCode("698").orElseThrow()).svg();
        Files.writeString(OUT.resolve("locator.html"), "<!DOCTYPE html><html lang=\"fi\"><meta charset=\"utf-8\">"
                + "<body style=\"font-family:sans-serif;margin:8px\"><style>svg{width:300px;height:auto;margin-right:24px}"
                + "</style>" + loc + "</body></html>", StandardCharsets.UTF_8);
        assertTrue(Files.size(OUT.resolve("national.html")) < 600_000);
    }
}
