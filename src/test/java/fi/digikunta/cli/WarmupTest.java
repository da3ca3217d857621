package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void onlyTheCommandsThatReadReturnsAreWarmedUp() {
        assertTrue(Warmup.wanted("run"));
        assertTrue(Warmup.wanted("validate"));
        for (String first : new String[] {null, "", "--help", "-V", "template", "schema", "samples", "runn"}) {
            assertFalse(Warmup.wanted(first), first);
        }
    }
}
