package fi.digikunta.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.NationalTrend;
import fi.digikunta.model.TrendPoint;
import fi.digikunta.model.TrendValues;
import fi.digikunta.model.Trends;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trends of three municipalities over three rounds ({@link HandWorkedRounds}), against figures worked by hand. */
class TrendCalculatorTest {
    /** Changes are kept to 8 decimals (TrendValues.diff), figures unrounded. */
    static final double EPS = 1e-8;

    static Trends trends() {
        return TrendCalculator.of(HandWorkedRounds.rounds());
    }

    static TrendPoint point(Trends t, String code, String area, int round) {
        return t.of(code, area).stream().filter(p -> p.round() == round).findFirst().orElseThrow();
    }

    static void assertValues(TrendValues want, TrendValues got) {
        assertNear(want.coverage(), got.coverage());
        assertNear(want.depth(), got.depth());
        assertNear(want.usage(), got.usage());
        assertNear(want.index(), got.index());
        assertEquals(want.level(), got.level());
        assertNear(want.realisedNet(), got.realisedNet());
        assertNear(want.potentialNet(), got.potentialNet());
    }

    static void assertNear(Double want, Double got) {
        if (want == null) {
            assertNull(got);
        } else {
            assertEquals(want, got, EPS);
        }
    }

    @Test
    void everyRoundAMunicipalityAnsweredHasItsFigures() {
        Trends t = trends();
        assertEquals(List.of(2024, 2025, 2026), t.rounds());
        // 091 in 2024: coverage 1/15, usage 0.5, index 100 (0.4/15 + 0.3 + 0.15) = 47.667 -> level 2
        assertValues(new TrendValues(1.0 / 15, 1.0, 0.5, 40.0 / 15 + 45, 2, 1500.0, 4000.0),
                point(t, "091", "ASU", 2024).values());
        // ALL: the mean of six area indices, five of them 0
        assertValues(new TrendValues(null, null, null, (40.0 / 15 + 45) / 6, 1, 1500.0, 4000.0),
                point(t, "091", Trends.ALL, 2024).values());
        // 091 in 2026, on v2: coverage 3/16, usage 2.5/3, index 100 (0.075 + 0.3 + 0.25) = 62.5
        assertValues(new TrendValues(3.0 / 16, 1.0, 2.5 / 3, 62.5, 3, 9500.0, 12000.0),
                point(t, "091", "ASU", 2026).values());
        // an unanswered area: coverage 0, no depth or usage, index 0, level 0
        assertValues(new TrendValues(0.0, null, null, 0.0, 0, 0.0, 0.0), point(t, "091", "VIO", 2026).values());
        assertEquals(1, point(t, "091", "ASU", 2024).computableInUse());
        assertEquals(3, point(t, "091", Trends.ALL, 2026).computableInUse());
        // Rows: round, then code, then ALL and the six areas.
        assertEquals(7 * 7, t.municipalities().size());
        assertEquals(List.of("049", "091"), t.municipalities().subList(0, 14).stream()
                .map(TrendPoint::municipalityCode).distinct().toList());
        assertEquals(List.of(Trends.ALL, "ASU", "VKO", "KUL", "TER", "TYO", "VIO"), t.municipalities().subList(0, 7)
                .stream().map(TrendPoint::area).toList());
    }

    @Test
    void theChangeIsFromThePreviousRoundAnswered() {
        Trends t = trends();
        TrendPoint first = point(t, "091", "ASU", 2024);
        assertNull(first.previousRound());
        assertNull(first.change());
        assertFalse(first.afterGap() || first.versionChanged());

        // 837 from 2025 to 2026: usage 0.2 -> 0.6, index 38.667 -> 50.667, level 2 -> 3, realised 0 -> 2000
        TrendPoint tampere = point(t, "837", "ASU", 2026);
        assertEquals(2025, tampere.previousRound());
        assertFalse(tampere.afterGap() || tampere.versionChanged());
        assertValues(new TrendValues(0.0, 0.0, 0.4, 12.0, 1, 2000.0, 0.0), tampere.change());
        // an area unanswered in both rounds: no depth either side, so no change of depth
        assertValues(new TrendValues(0.0, null, null, 0.0, 0, 0.0, 0.0), point(t, "837", "VIO", 2026).change());

        // 049 skipped 2025: its 2026 change is from 2024, a gap and no 2025 point at all
        TrendPoint espoo = point(t, "049", "ASU", 2026);
        assertEquals(2024, espoo.previousRound());
        assertTrue(espoo.afterGap());
        assertTrue(t.of("049", "ASU").stream().noneMatch(p -> p.round() == 2025));
        // coverage 2/15 -> 1/15, index 65.333 -> 62.667, realised and potential 8000 -> 4000
        assertValues(new TrendValues(-1.0 / 15, 0.0, 0.0, -40.0 / 15, 0, -4000.0, -4000.0), espoo.change());
        assertEquals((-40.0 / 15) / 6, point(t, "049", Trends.ALL, 2026).change().index(), EPS);
    }

    @Test
    void aChangeOfFormVersionIsMarked() {
        Trends t = trends();
        TrendPoint helsinki = point(t, "091", "ASU", 2026);
        assertEquals("2", helsinki.schemaVersion());
        assertTrue(helsinki.versionChanged());
        assertFalse(helsinki.afterGap());
        // coverage 2/15 -> 3/16 (the catalogue grew), usage 0.75 -> 0.8333, index 57.833 -> 62.5
        assertValues(new TrendValues(3.0 / 16 - 2.0 / 15, 0.0, 2.5 / 3 - 0.75, 62.5 - (80.0 / 15 + 52.5), 0,
                4000.0, 4000.0), helsinki.change());
        assertFalse(point(t, "049", "ASU", 2026).versionChanged());
        assertEquals("1", point(t, "049", "ASU", 2026).schemaVersion());
    }

    @Test
    void nationallyEachRoundHasItsStatisticsAndTheChange() {
        Trends t = trends();
        NationalTrend asu2025 = t.national(2025, "ASU");
        NationalTrend asu2026 = t.national(2026, "ASU");
        // 2025: median of 57.833 and 38.667 = 48.25; 2026: median of 62.5, 62.667, 50.667 = 62.5
        assertEquals(48.25, asu2025.medians().index(), EPS);
        assertEquals(62.5, asu2026.medians().index(), EPS);
        assertEquals(14.25, asu2026.change().index(), EPS);
        assertEquals(2, asu2025.respondents());
        assertEquals(3, asu2026.respondents());
        assertEquals(2025, asu2026.previousRound());
        // realised: 5500 + 0 in 2025; 9500 + 4000 + 2000 in 2026
        assertEquals(15500.0, asu2026.savings().realisedNet(), EPS);
        assertEquals(10000.0, asu2026.change().realisedNet(), EPS);
        assertEquals(Map.of(0, 0, 1, 0, 2, 1, 3, 1, 4, 0), asu2025.levels());
        assertEquals(3, asu2026.levels().get(3));
        // The round of a v2 return is marked where the national catalogue changed.
        assertEquals("2", asu2026.schemaVersion());
        assertTrue(asu2026.versionChanged());
        assertFalse(asu2025.versionChanged());
        assertNull(t.national(2024, "ASU").change());
        // ALL has no coverage (figures.md defines it per area).
        assertNull(t.national(2026, Trends.ALL).coverage());
        assertEquals(3 * 7, t.national().size());
    }
}
