package fi.digikunta.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import fi.digikunta.model.Distribution;

class StatsTest {
    static final List<Double> ONE_TO_TEN = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

    @Test
    void distributionOfOneToTen() {
        // weights 10, 9, .., 1: sum(i (11 - i)) / 55 = (11 x 55 - 385) / 55 = 220 / 55 = 4
        Distribution d = Stats.distribution(ONE_TO_TEN, List.of(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L));
        assertEquals(10, d.n());
        assertEquals(5.5, d.mean(), 1e-12);
        assertEquals(4.0, d.weightedMean(), 1e-12);
        assertEquals(5.5, d.median(), 1e-12);
        assertEquals(3.25, d.p25(), 1e-12);
        assertEquals(7.75, d.p75(), 1e-12);
        assertEquals(1.0, d.min());
        assertEquals(10.0, d.max());
    }

    @Test
    void zeroPopulationGivesNoWeightedMean() {
        Distribution d = Stats.distribution(List.of(3.0, 5.0), List.of(0L, 0L));
        assertEquals(4.0, d.mean(), 1e-12);
        assertNull(d.weightedMean());
    }

    @Test
    void emptyIsAllNull() {
        assertEquals(new Distribution(0, null, null, null, null, null, null, null),
                Stats.distribution(List.of(), List.of()));
        assertNull(Stats.mean(Collections.emptyList()));
    }
}
