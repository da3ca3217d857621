package fi.digikunta.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MunicipalityListTest {
    @Test
    void theBuiltInListIsReadOncePerProcessAndCannotBeChanged() {
        assertSame(MunicipalityList.builtIn(), MunicipalityList.builtIn());
        assertThrows(UnsupportedOperationException.class, () -> MunicipalityList.builtIn().all().clear());
    }

    @Test
    void builtInListHasThe308MunicipalitiesOf2025() {
        MunicipalityList l = MunicipalityList.builtIn();
        assertEquals(308, l.size());
        assertEquals(5_635_971L, l.totalPopulation());
        Municipality hki = l.byCode("091").orElseThrow();
        assertEquals("Helsingfors", hki.nameSv());
        assertEquals("Uusimaa", hki.region());
        assertEquals(684_018L, hki.population());
        assertTrue(l.byCode("588").isEmpty(), "Pertunmaa merged into Mäntyharju in 2025");
    }

    @Test
    void namesMatchInEitherLanguageAndKnownSpellings() {
        MunicipalityList l = MunicipalityList.builtIn();
        assertTrue(MunicipalityList.nameMatches(l.byCode("091").orElseThrow(), " helsingfors "));
        assertTrue(MunicipalityList.nameMatches(l.byCode("478").orElseThrow(), "Mariehamn"));
        assertTrue(MunicipalityList.nameMatches(l.byCode("599").orElseThrow(), "Pedersöre"));
        assertTrue(MunicipalityList.nameMatches(l.byCode("284").orElseThrow(), "Koski TL"));
        assertFalse(MunicipalityList.nameMatches(l.byCode("091").orElseThrow(), "Espoo"));
    }

    @Test
    void aNewerListOfTheSameShapeReplacesTheBuiltInOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "\uFEFFcode,name_fi,name_sv,region_fi,population,population_year\n"
                + "091,Helsinki,Helsingfors,Uusimaa,694392,2025\n"
                + "999,Uusikunta,Nykommun,Pirkanmaa,1000,2025\n");
        MunicipalityList l = MunicipalityList.fromFile(f);
        assertEquals(2, l.size());
        assertEquals(694_392L, l.byCode("091").orElseThrow().population());
        assertEquals("Nykommun", l.byCode("999").orElseThrow().nameSv());
    }

    @Test
    void aMalformedListIsRefusedNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "code,name_fi,name_sv,region_fi,population\n91,Helsinki,Helsingfors,Uusimaa,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MunicipalityList.fromFile(f));
        assertTrue(e.getMessage().contains("bad.csv line 1"), e.getMessage());
    }
}
