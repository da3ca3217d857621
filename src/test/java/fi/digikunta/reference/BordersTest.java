package fi.digikunta.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.schema.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BordersTest {
    private final Borders borders = Borders.builtIn();
    private final MunicipalityList list = MunicipalityList.builtIn();

    private static String resource() throws IOException {
        try (InputStream in = Borders.class.getResourceAsStream(Borders.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyMunicipalityOfTheListHasExactlyOneShape() throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        resource().lines().filter(l -> l.startsWith("M\t")).forEach(l -> lines.merge(l.split("\t")[1], 1, Integer::sum));
        for (Municipality m : list.all()) {
            assertEquals(1, lines.getOrDefault(m.code(), 0), m.code() + " " + m.nameFi());
        }
        assertEquals(list.size(), lines.size(), "shapes for codes not in the list: " + lines.keySet());
        assertTrue(borders.municipality("588").isEmpty(), "Pertunmaa merged into Mäntyharju in 2025");
        assertTrue(borders.municipality("507").isPresent());
    }

    @Test
    void mergedMantyharjuIsOneRing() {
        String d = borders.municipality("507").orElseThrow().detail();
        assertEquals(1, d.chars().filter(c -> c == 'M').count(), "the border between 507 and 588 is dropped");
    }

    @Test
    void everyRegionOfTheListHasAShape() {
        Set<String> codes = new TreeSet<>();
        for (Municipality m : list.all()) {
            String code = borders.regionCode(m.region()).orElseThrow(() -> new AssertionError(m.region()));
            assertTrue(borders.region(code).isPresent(), m.region());
            assertEquals(code, borders.municipality(m.code()).orElseThrow().regionCode(), m.nameFi());
            assertEquals(code, borders.regionOf(m).orElseThrow());
            codes.add(code);
        }
        assertEquals(19, codes.size());
        assertEquals(19, borders.regions().size());
        assertEquals(borders.regionCode("Nyland"), borders.regionCode("uusimaa"));
    }

    @Test
    void shapesAreCompactPathDataInAnUnsquashedViewBox() throws IOException {
        int bytes = resource().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 150_000, "resource " + bytes + " bytes");
        assertTrue(borders.viewBox().matches("0 0 \\d+ \\d+"), borders.viewBox());
        double aspect = (double) borders.width() / borders.height();
        assertTrue(aspect > 0.5 && aspect < 0.65, "Finland is about 0.57 times as wide as tall: " + aspect);
        String path = "(M\\d+ \\d+l[-\\d ]+z)+";
        for (Borders.Shape s : borders.municipalities()) {
            assertTrue(s.detail().matches(path) && s.coarse().matches(path), s.code());
            assertTrue(s.cx() > 0 && s.cx() < borders.width() && s.cy() > 0 && s.cy() < borders.height(), s.code());
        }
        for (Borders.RegionShape r : borders.regions()) {
            assertTrue(r.detail().matches(path) && r.coarse().matches(path), r.code());
        }
        // Helsinki is south of Rovaniemi and east of Turku
        Borders.Shape hki = borders.municipality("091").orElseThrow();
        assertTrue(hki.cy() > borders.municipality("698").orElseThrow().cy());
        assertTrue(hki.cx() > borders.municipality("853").orElseThrow().cx());
    }

    @Test
    void parsesItsFormatAndIgnoresTheUnknown() throws IOException {
        Borders b = Borders.parse(new StringReader("# c\nviewbox\t0 0 10 20\nM\t001\t01\t2,3\tM0 0l1 0 0 1z\tM0 0l1 0 0 1z\n"
                + "X\tjunk\nR\t01\tA\tB\tM0 0l1 0 0 1z\tM0 0l1 0 0 1z\n"));
        assertEquals(10, b.width());
        assertEquals(20, b.height());
        assertEquals("01", b.municipality("001").orElseThrow().regionCode());
        assertTrue(b.municipality(null).isEmpty());
        assertEquals("01", b.regionCode("b").orElseThrow());
    }

    @Test
    void creditLineInEachLanguage() {
        assertEquals("Maanmittauslaitos, kuntarajat 2023, CC BY 4.0", Borders.credit(Lang.FI));
        assertEquals("Lantmäteriverket, kommungränser 2023, CC BY 4.0", Borders.credit(Lang.SV));
        assertEquals("National Land Survey of Finland, municipal borders 2023, CC BY 4.0", Borders.credit(Lang.EN));
    }
}
