package fi.digikunta.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {
    private final Schema v1 = SchemaRegistry.load().version("1").orElseThrow();

    @Test
    void v1HasTheSpecsSixAreasAndSixtySevenServices() {
        assertEquals("1", v1.schemaVersion());
        assertEquals(List.of("ASU", "VKO", "KUL", "TER", "TYO", "VIO"), v1.areaCodes());
        assertEquals(67, v1.catalogue().size());
        assertEquals(15, v1.servicesOf("ASU").size());
        assertEquals(11, v1.servicesOf("VKO").size());
        assertEquals(10, v1.servicesOf("KUL").size());
        assertEquals(9, v1.servicesOf("TER").size());
        assertEquals(10, v1.servicesOf("TYO").size());
        assertEquals(12, v1.servicesOf("VIO").size());
        assertEquals("Rakennuslupa-asiointi", v1.service("ASU-01").orElseThrow().name().fi());
        assertEquals("Elektroniska val till ungdomsfullmäktige", v1.service("VIO-12").orElseThrow().name().sv());
        assertEquals("Kulttuuri- ja liikunta", v1.area("KUL").orElseThrow().aliases().get(0));
    }

    @Test
    void weightsAndLevelBandsComeFromFiguresMd() {
        assertEquals(0.4, v1.figures().weights().coverage());
        assertEquals(0.3, v1.figures().weights().depth());
        assertEquals(0.3, v1.figures().weights().usage());
        assertEquals(1, v1.bandOf(24.9999));
        assertEquals(2, v1.bandOf(25));
        assertEquals(3, v1.bandOf(50));
        assertEquals(3, v1.bandOf(74.99));
        assertEquals(4, v1.bandOf(75));
        assertEquals(4, v1.bandOf(100));
        assertEquals("Uudistava", v1.levelName(4).fi());
        assertEquals("Inte påbörjad", v1.levelName(0).sv());
    }

    @Test
    void columnsHaveTheSpecsLabelsInBothLanguages() {
        assertEquals("Tunnus", v1.column("id").orElseThrow().label().fi());
        assertEquals("Kod", v1.column("id").orElseThrow().label().sv());
        assertEquals("Användningsgrad %", v1.column("usage").orElseThrow().label().sv());
        assertEquals("Säästö yhteensä min", v1.column("save.total").orElseThrow().label().fi());
        assertEquals(21, v1.columns().size());
    }

    @Test
    void checkReportsAnInconsistentSchema() throws Exception {
        String json = new String(SchemaRegistry.class.getResourceAsStream("/fi/digikunta/schema/v1.json")
                .readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"id\": \"ASU-02\"", "\"id\": \"ASU-01\"")
                .replace("\"coverage\": 0.4", "\"coverage\": 0.5");
        Schema broken = SchemaRegistry.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        List<String> problems = SchemaRegistry.check(broken);
        assertTrue(problems.contains("catalogue id ASU-01 twice"), problems::toString);
        assertTrue(problems.contains("weights do not add up to 1"), problems::toString);
    }

    @Test
    void loadedOncePerProcessAndImmutable() {
        assertSame(SchemaRegistry.load(), SchemaRegistry.load());
        assertThrows(UnsupportedOperationException.class, () -> v1.catalogue().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> v1.tabs().clear());
    }

    @Test
    void labelsMatchAfterTrimCaseFoldAndSpaceCollapse() {
        assertEquals(Labels.normalize("Työ ja yrittäminen"), Labels.normalize("  TYÖ\u00a0ja   yrittäminen "));
        assertEquals(Labels.normalize("Käyttöaste %"), Labels.normalize("Ka\u0308yttöaste %"));
    }
}
