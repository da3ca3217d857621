package fi.digikunta.compute;

import static fi.digikunta.compute.MunicipalityFiguresTest.EPS;
import static fi.digikunta.compute.Returns.row;
import static fi.digikunta.model.StageLevel.DIGITAL;
import static fi.digikunta.model.StageLevel.ELECTRONIC;
import static fi.digikunta.model.Status.IN_USE;
import static fi.digikunta.model.Status.NOT_ADOPTED;
import static fi.digikunta.model.Status.PLANNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.reference.MunicipalityList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import fi.digikunta.model.Figures;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.Savings;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.ServiceStats;
import fi.digikunta.model.RegionStats;

/**
 * National figures over three hand-worked returns and a reference list of five municipalities:
 * 001 Alfa (Uusimaa, 1000), 002 Beta (Uusimaa, 3000), 003 Gamma (Lappi, 6000), 004 Delta (Lappi,
 * 10000, no return), 005 Epsilon (Kainuu, 500, no return): N = 5, national population 20500.
 */
class NationalFiguresTest {
    @TempDir
    static Path dir;
    static MunicipalityList list;

    @BeforeAll
    static void list() {
        list = Returns.list(dir, "001,Alfa,Uusimaa,1000", "002,Beta,Uusimaa,3000", "003,Gamma,Lappi,6000",
                "004,Delta,Lappi,10000", "005,Epsilon,Kainuu,500");
    }

    /**
     * Alfa: ASU-01..03 in use, all stages digital, usage 0.5 -> coverage 3/15 = 0.2, depth 1, usage 0.5,
     * index 100 x (0.08 + 0.3 + 0.15) = 53, level 3. ASU-01 also v 600, save.KAS 10, default h 40:
     * potential 600 x 10 / 60 x 40 = 4000, realised 600 x 0.5 x 10 / 60 x 40 = 2000, target 1500.
     * VKO-01 planned -> VKO index 0, level 1. Overall 53/6, level 1.
     */
    static Returns alfa() {
        return Returns.of("001").defaultHourly(40)
                .add("ASU", row(5, "ASU-01").status(IN_USE).allStages(DIGITAL).usage(0.5).volume(600)
                        .save("KAS", 10).target(1500),
                        row(6, "ASU-02").status(IN_USE).allStages(DIGITAL).usage(0.5),
                        row(7, "ASU-03").status(IN_USE).allStages(DIGITAL).usage(0.5))
                .add("VKO", row(5, "VKO-01").status(PLANNED));
    }

    /**
     * Beta: ASU-01..06 in use, all stages electronic (depth 6 / 12 = 0.5), no usage -> coverage 0.4,
     * depth 0.5, usage null, index 100 x (0.16 + 0.15) = 31, level 2. VKO-02 not adopted -> VKO level 0.
     * Overall 31/6, level 1. No savings data.
     */
    static Returns beta() {
        Returns b = Returns.of("002");
        for (int i = 1; i <= 6; i++) {
            b.add("ASU", row(4 + i, "ASU-0" + i).status(IN_USE).allStages(ELECTRONIC));
        }
        return b.add("VKO", row(5, "VKO-02").status(NOT_ADOPTED));
    }

    /**
     * Gamma: ASU unanswered -> index 0, level 0, depth and usage null. VKO-01 in use, all digital, usage
     * 1.0 -> coverage 1/11, depth 1, usage 1, index 100 x (0.4/11 + 0.6) = 700/11 = 63.64, level 3;
     * v 120, save.total 5, default h 30: potential = realised = 120 x 5 / 60 x 30 = 300.
     * Overall (700/11) / 6 = 700/66, level 1.
     */
    static Returns gamma() {
        return Returns.of("003").defaultHourly(30)
                .add("VKO", row(5, "VKO-01").status(IN_USE).allStages(DIGITAL).usage(1.0).volume(120).saveTotal(5));
    }

    static NationalFigures national() {
        Figures f = FiguresCalculator.compute(Returns.SCHEMA, list, List.of(
                gamma().file("gamma.xlsx", Outcome.ACCEPTED), alfa().file("alfa.xlsx", Outcome.ACCEPTED),
                beta().file("beta.xlsx", Outcome.ACCEPTED_WITH_WARNINGS)));
        assertEquals(List.of("001", "002", "003"), f.municipalities().stream().map(MunicipalityFigures::code).toList());
        return f.national();
    }

    @Test
    void aNationalSumOfTwoReturnsThatDoNotEndInDecimalsIsTheHalfCentItIs() {
        // 7 x 1 / 60 x 50 = 5.8333... (Alfa) and 29 x 1 / 60 x 41.3 = 19.961666... (Beta) make 25.795:
        // added as their doubles (or their 17-digit decimals) the sum is a hair off the half cent.
        Figures f = FiguresCalculator.compute(Returns.SCHEMA, list, List.of(
                Returns.of("001").add("TYO", row(5, "TYO-01").status(PLANNED).volume(7).hourly(50).save("KAS", 1))
                        .file("alfa.xlsx", Outcome.ACCEPTED),
                Returns.of("002").add("TYO", row(5, "TYO-01").status(PLANNED).volume(29).hourly(41.3).save("KAS", 1))
                        .file("beta.xlsx", Outcome.ACCEPTED)));
        assertEquals("25.795", java.math.BigDecimal.valueOf(f.national().savings().get("TYO").potentialNet())
                .toPlainString());
        assertEquals("25.795", java.math.BigDecimal.valueOf(f.national().savings().get(NationalFigures.ALL)
                .potentialNet()).toPlainString());
    }

    @Test
    void respondentsAndPopulation() {
        NationalFigures n = national();
        assertEquals(3, n.respondents());
        assertEquals(5, n.referenceCount());
        assertEquals(0.6, n.responseRate(), EPS);
        assertEquals(10_000, n.populationCovered()); // 1000 + 3000 + 6000
        assertEquals(20_500, n.populationTotal());
        assertEquals(10_000.0 / 20_500, n.populationShare(), EPS); // 0.4878..
    }

    @Test
    void overallIndexDistribution() {
        Distribution d = national().index().get(NationalFigures.ALL);
        double a = 53.0 / 6;
        double b = 31.0 / 6;
        double g = 700.0 / 66;
        assertEquals(3, d.n());
        assertEquals((a + b + g) / 3, d.mean(), EPS); // 8.2020..
        // population-weighted: (1000 a + 3000 b + 6000 g) / 10000 = (8833.3 + 15500 + 63636.4) / 10000 = 8.7970..
        assertEquals((1000 * a + 3000 * b + 6000 * g) / 10_000, d.weightedMean(), EPS);
        // sorted b = 5.1667, a = 8.8333, g = 10.6061; h = 2p:
        // p25 h 0.5 -> b + 0.5 (a - b) = 7; median = a; p75 h 1.5 -> a + 0.5 (g - a)
        assertEquals(7.0, d.p25(), EPS);
        assertEquals(a, d.median(), EPS);
        assertEquals(a + 0.5 * (g - a), d.p75(), EPS);
        assertEquals(b, d.min(), EPS);
        assertEquals(g, d.max(), EPS);
    }

    @Test
    void areaIndexAndComponentDistributions() {
        NationalFigures n = national();
        // ASU index: 53, 31, 0 -> mean 28; weighted (53000 + 93000 + 0) / 10000 = 14.6;
        // sorted 0, 31, 53: p25 15.5, median 31, p75 42
        assertDistribution(new Distribution(3, 28.0, 14.6, 31.0, 15.5, 42.0, 0.0, 53.0), n.index().get("ASU"));
        // VKO index: 0, 0, 700/11 -> mean 700/33; weighted 6000 x 700/11 / 10000 = 420/11;
        // sorted 0, 0, 700/11: p25 0, median 0, p75 0 + 0.5 x 700/11 = 350/11
        Distribution vko = n.index().get("VKO");
        assertEquals(700.0 / 33, vko.mean(), EPS);
        assertEquals(420.0 / 11, vko.weightedMean(), EPS);
        assertEquals(0.0, vko.median(), EPS);
        assertEquals(350.0 / 11, vko.p75(), EPS);
        assertEquals(700.0 / 11, vko.max(), EPS);
        // ASU coverage 0.2, 0.4, 0 -> mean 0.2; weighted (200 + 1200) / 10000 = 0.14; p25 0.1, p75 0.3
        assertDistribution(new Distribution(3, 0.2, 0.14, 0.2, 0.1, 0.3, 0.0, 0.4), n.coverage().get("ASU"));
        // ASU depth only where non-null: Alfa 1, Beta 0.5 (Gamma has none) -> n 2, mean 0.75,
        // weighted (1000 x 1 + 3000 x 0.5) / 4000 = 0.625, p25 0.625, median 0.75, p75 0.875
        assertDistribution(new Distribution(2, 0.75, 0.625, 0.75, 0.625, 0.875, 0.5, 1.0), n.depth().get("ASU"));
        // ASU usage: only Alfa gives one: 0.5 everywhere
        assertDistribution(new Distribution(1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5), n.usage().get("ASU"));
        // KUL: nobody has a depth: n 0, every statistic null; coverage is 0 for all three
        assertEquals(new Distribution(0, null, null, null, null, null, null, null), n.depth().get("KUL"));
        assertEquals(3, n.coverage().get("KUL").n());
        // keys in schema order; only the index has ALL
        assertEquals(List.of("ALL", "ASU", "VKO", "KUL", "TER", "TYO", "VIO"), List.copyOf(n.index().keySet()));
        assertEquals(List.of("ASU", "VKO", "KUL", "TER", "TYO", "VIO"), List.copyOf(n.depth().keySet()));
    }

    @Test
    void levelDistributionsListEveryLevel() {
        NationalFigures n = national();
        // overall: all three at level 1
        assertEquals(Map.of(0, 0, 1, 3, 2, 0, 3, 0, 4, 0), n.levels().get("ALL"));
        assertEquals(List.of(0, 1, 2, 3, 4), List.copyOf(n.levels().get("ALL").keySet()));
        // ASU: Gamma 0, Beta 2, Alfa 3
        assertEquals(Map.of(0, 1, 1, 0, 2, 1, 3, 1, 4, 0), n.levels().get("ASU"));
        // VKO: Beta 0 (not adopted only), Alfa 1 (planned), Gamma 3
        assertEquals(Map.of(0, 1, 1, 1, 2, 0, 3, 1, 4, 0), n.levels().get("VKO"));
        assertEquals(Map.of(0, 3, 1, 0, 2, 0, 3, 0, 4, 0), n.levels().get("KUL"));
    }

    @Test
    void perServiceShares() {
        NationalFigures n = national();
        assertEquals(67, n.services().size());
        assertEquals("ASU-01", n.services().get(0).id());
        assertEquals("VIO-12", n.services().get(66).id());
        // ASU-01: in use at Alfa and Beta, unanswered at Gamma; usage only Alfa's 0.5;
        // depth mean of Alfa 1 and Beta 0.5 = 0.75
        assertStats(new ServiceStats("ASU-01", "ASU", 2.0 / 3, 0, 0, 1.0 / 3, 0.5, 0.75), n);
        // ASU-04: Beta only; no usage given -> mean usage null
        assertStats(new ServiceStats("ASU-04", "ASU", 1.0 / 3, 0, 0, 2.0 / 3, null, 0.5), n);
        // VKO-01: planned at Alfa, in use at Gamma (usage 1, depth 1), unanswered at Beta
        assertStats(new ServiceStats("VKO-01", "VKO", 1.0 / 3, 1.0 / 3, 0, 1.0 / 3, 1.0, 1.0), n);
        // VKO-02: not adopted at Beta
        assertStats(new ServiceStats("VKO-02", "VKO", 0, 0, 1.0 / 3, 2.0 / 3, null, null), n);
        assertStats(new ServiceStats("VIO-12", "VIO", 0, 0, 0, 1.0, null, null), n);
    }

    @Test
    void regionsByNameIncludingThoseWithoutRespondents() {
        List<RegionStats> r = national().regions();
        // Kainuu: no return; Lappi: Gamma 700/66; Uusimaa: (53/6 + 31/6) / 2 = 7
        assertEquals(List.of("Kainuu", "Lappi", "Uusimaa"), r.stream().map(RegionStats::region).toList());
        assertEquals(new RegionStats("Kainuu", 0, null), r.get(0));
        assertEquals(1, r.get(1).respondents());
        assertEquals(700.0 / 66, r.get(1).meanIndex(), EPS);
        assertEquals(2, r.get(2).respondents());
        assertEquals(7.0, r.get(2).meanIndex(), EPS);
    }

    @Test
    void builtInListGivesTheNineteenRegionsInFinnishOrder() {
        NationalFigures n = FiguresCalculator.compute(Returns.SCHEMA, MunicipalityList.builtIn(), List.of()).national();
        assertEquals(List.of("Ahvenanmaa", "Etelä-Karjala", "Etelä-Pohjanmaa", "Etelä-Savo", "Kainuu", "Kanta-Häme",
                "Keski-Pohjanmaa", "Keski-Suomi", "Kymenlaakso", "Lappi", "Pirkanmaa", "Pohjanmaa", "Pohjois-Karjala",
                "Pohjois-Pohjanmaa", "Pohjois-Savo", "Päijät-Häme", "Satakunta", "Uusimaa", "Varsinais-Suomi"),
                n.regions().stream().map(RegionStats::region).toList());
        assertEquals(308, n.referenceCount());
    }

    @Test
    void nationalSavings() {
        NationalFigures n = national();
        // Alfa ASU-01: realised 2000, potential 4000, target 1500; Gamma VKO-01: 300, 300
        assertEquals(new Savings(2300, 4300, 1500, 2), n.savings().get("ALL"));
        assertEquals(new Savings(2000, 4000, 1500, 1), n.savings().get("ASU"));
        assertEquals(new Savings(300, 300, 0, 1), n.savings().get("VKO"));
        assertEquals(Savings.ZERO, n.savings().get("KUL"));
        assertEquals(List.of("ALL", "ASU", "VKO", "KUL", "TER", "TYO", "VIO"), List.copyOf(n.savings().keySet()));
    }

    @Test
    void onlyAcceptedReturnsCount() {
        // an older, different return of Alfa (9 ASU services in use, index 24): superseded, so Alfa has
        // the 3 in use and index 53 of alfa-2.xlsx
        Returns oldAlfa = Returns.of("001");
        for (int i = 1; i <= 9; i++) {
            oldAlfa.add("ASU", row(4 + i, "ASU-0" + i).status(IN_USE));
        }
        Figures f = FiguresCalculator.compute(Returns.SCHEMA, list, List.of(
                alfa().file("alfa-2.xlsx", Outcome.ACCEPTED),
                oldAlfa.file("alfa-1.xlsx", Outcome.SUPERSEDED),
                // superseded Delta with no accepted return, a rejected Beta and a pending Gamma, all with
                // returns attached: none of them counts
                Returns.of("004").add("ASU", row(5, "ASU-01").status(IN_USE)).file("delta.xlsx", Outcome.SUPERSEDED),
                beta().file("beta.xlsx", Outcome.REJECTED),
                gamma().file("gamma.xlsx", Outcome.PENDING),
                // and a rejected file without a return at all
                new FileResult("broken.xlsx", Outcome.REJECTED, null, null, List.of(), false, null, null, null)));
        assertEquals(1, f.municipalities().size());
        MunicipalityFigures alfa = f.municipalities().get(0);
        assertEquals("001", alfa.code());
        assertEquals("alfa-2.xlsx", alfa.file());
        assertEquals("Alfa", alfa.nameFi());
        assertEquals("Uusimaa", alfa.region());
        assertEquals(1000, alfa.population());
        assertEquals(3, alfa.areas().get(0).inUse());
        assertEquals(53.0, alfa.areas().get(0).index(), EPS);
        assertEquals(1, f.national().respondents());
        assertEquals(1000, f.national().populationCovered());
        assertEquals(0.2, f.national().responseRate(), EPS);
        assertEquals("1", f.schemaVersion());
    }

    @Test
    void noRespondents() {
        Figures f = FiguresCalculator.compute(Returns.SCHEMA, list,
                List.of(alfa().file("alfa.xlsx", Outcome.REJECTED)));
        NationalFigures n = f.national();
        assertTrue(f.municipalities().isEmpty());
        assertEquals(0, n.respondents());
        assertEquals(0.0, n.responseRate(), EPS);
        assertEquals(0.0, n.populationShare(), EPS);
        assertEquals(new Distribution(0, null, null, null, null, null, null, null), n.index().get("ALL"));
        assertEquals(Map.of(0, 0, 1, 0, 2, 0, 3, 0, 4, 0), n.levels().get("VIO"));
        assertEquals(new ServiceStats("ASU-01", "ASU", 0, 0, 0, 0, null, null), n.services().get(0));
        assertEquals(new RegionStats("Lappi", 0, null), n.regions().get(1));
        assertEquals(Savings.ZERO, n.savings().get("ALL"));
    }

    @Test
    void contractBreachesNameTheFile() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> FiguresCalculator.compute(Returns.SCHEMA, list, List.of(alfa().file("a.xlsx", Outcome.ACCEPTED),
                        alfa().file("b.xlsx", Outcome.ACCEPTED_WITH_WARNINGS))));
        assertTrue(twice.getMessage().contains("a.xlsx") && twice.getMessage().contains("b.xlsx"), twice.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> FiguresCalculator.compute(Returns.SCHEMA, list,
                        List.of(Returns.of("999").file("x.xlsx", Outcome.ACCEPTED))));
        assertTrue(unknown.getMessage().startsWith("x.xlsx: "), unknown.getMessage());
    }

    @Test
    void sameInputSameBits() {
        NationalFigures a = national();
        // input order does not matter: sums run by municipality code
        NationalFigures b = FiguresCalculator.compute(Returns.SCHEMA, list, List.of(
                beta().file("beta.xlsx", Outcome.ACCEPTED), alfa().file("alfa.xlsx", Outcome.ACCEPTED),
                gamma().file("gamma.xlsx", Outcome.ACCEPTED))).national();
        assertEquals(a, b);
    }

    /** Field by field, each double within 1e-9 (1/3 and the like are not exact in double). */
    private static void assertStats(ServiceStats expected, NationalFigures n) {
        ServiceStats s = n.services().stream().filter(x -> x.id().equals(expected.id())).findFirst().orElseThrow();
        assertEquals(expected.area(), s.area());
        assertEquals(expected.inUseShare(), s.inUseShare(), EPS, "in use");
        assertEquals(expected.plannedShare(), s.plannedShare(), EPS, "planned");
        assertEquals(expected.notAdoptedShare(), s.notAdoptedShare(), EPS, "not adopted");
        assertEquals(expected.unansweredShare(), s.unansweredShare(), EPS, "unanswered");
        assertClose(expected.meanUsage(), s.meanUsage(), "mean usage");
        assertClose(expected.meanDepth(), s.meanDepth(), "mean depth");
    }

    private static void assertDistribution(Distribution expected, Distribution d) {
        assertEquals(expected.n(), d.n(), "n");
        assertClose(expected.mean(), d.mean(), "mean");
        assertClose(expected.weightedMean(), d.weightedMean(), "weighted mean");
        assertClose(expected.median(), d.median(), "median");
        assertClose(expected.p25(), d.p25(), "p25");
        assertClose(expected.p75(), d.p75(), "p75");
        assertClose(expected.min(), d.min(), "min");
        assertClose(expected.max(), d.max(), "max");
    }

    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertEquals(expected, actual, EPS, what);
        }
    }
}
