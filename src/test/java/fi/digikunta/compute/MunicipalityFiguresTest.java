package fi.digikunta.compute;

import static fi.digikunta.compute.Returns.own;
import static fi.digikunta.compute.Returns.row;
import static fi.digikunta.model.StageLevel.DIGITAL;
import static fi.digikunta.model.StageLevel.ELECTRONIC;
import static fi.digikunta.model.StageLevel.MANUAL;
import static fi.digikunta.model.StageLevel.NOT_APPLICABLE;
import static fi.digikunta.model.Status.IN_USE;
import static fi.digikunta.model.Status.NOT_ADOPTED;
import static fi.digikunta.model.Status.PLANNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.reference.Municipality;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.ServiceFigures;

/**
 * Per-area and per-municipality maturity figures on hand-worked returns. v1 weights: coverage 0.4,
 * depth 0.3, usage 0.3; stage values Manual 0, Electronic 1, Digital 2 (max 2); level bands from 25,
 * 50, 75. Catalogue sizes: ASU 15, VKO 11, KUL 10, TER 9, TYO 10, VIO 12 (67 in all).
 */
class MunicipalityFiguresTest {
    static final double EPS = 1e-9;
    static final Municipality ALFA = new Municipality("001", "Alfa", "Alfa sv", "Uusimaa", 1000, Set.of());

    static MunicipalityFigures figures(Returns r) {
        return FiguresCalculator.municipality(Returns.SCHEMA, ALFA, "alfa.xlsx", r.build());
    }

    static AreaFigures area(MunicipalityFigures m, String code) {
        return m.areas().stream().filter(a -> a.area().equals(code)).findFirst().orElseThrow();
    }

    static ServiceFigures service(MunicipalityFigures m, String id) {
        return m.services().stream().filter(s -> id.equals(s.id())).findFirst().orElseThrow();
    }

    @Test
    void notApplicableStagesOwnServicesPlannedAndUnanswered() {
        MunicipalityFigures m = figures(Returns.of("001").add("ASU",
                // in use; answered stages NEU 2, HAK 2, KAS 1, ARK 0 (PAA "Ei sovellu" left out, LAS blank):
                // depth 5 / (2 x 4) = 0.625; usage 0.5
                row(5, "ASU-01").status(IN_USE).stage("NEU", DIGITAL).stage("HAK", DIGITAL)
                        .stage("KAS", ELECTRONIC).stage("PAA", NOT_APPLICABLE).stage("ARK", MANUAL).usage(0.5),
                // in use; every stage "Ei sovellu" -> no depth; no usage rate -> left out of usage
                row(6, "ASU-02").status(IN_USE).allStages(NOT_APPLICABLE),
                // planned: counts as planned, but not in depth or usage (those are over in-use services)
                row(7, "ASU-03").status(PLANNED).stage("NEU", DIGITAL).usage(0.9),
                row(8, "ASU-04").status(NOT_ADOPTED),
                // stages without a status: unanswered
                row(9, "ASU-05").stage("HAK", DIGITAL),
                // another area's id in this tab (wrong-area-id error): left out everywhere
                row(12, "VKO-01").status(IN_USE).allStages(DIGITAL).usage(1.0),
                // ASU-01 again (duplicate-id error): the first row, 5, counts
                row(15, "ASU-01").status(NOT_ADOPTED),
                // own service in use: depth (1 + 1) / (2 x 2) = 0.5, usage 0.2; not in coverage
                own(30, "Venepaikkavaraus").status(IN_USE).stage("NEU", ELECTRONIC).stage("HAK", ELECTRONIC)
                        .usage(0.2)));

        AreaFigures asu = area(m, "ASU");
        // catalogue: in use ASU-01, ASU-02; planned ASU-03; not adopted ASU-04;
        // unanswered ASU-05 and the ten missing ASU-06..ASU-15 = 11
        assertEquals(2, asu.inUse());
        assertEquals(1, asu.planned());
        assertEquals(1, asu.notAdopted());
        assertEquals(11, asu.unanswered());
        assertEquals(2.0 / 15, asu.coverage(), EPS);
        // depth: mean of ASU-01 0.625 and the own service 0.5 = 0.5625 (ASU-02 has none)
        assertEquals(0.5625, asu.depth(), EPS);
        // usage: mean of 0.5 and 0.2 = 0.35
        assertEquals(0.35, asu.usage(), EPS);
        // index = 100 x (0.4 x 2/15 + 0.3 x 0.5625 + 0.3 x 0.35) = 5.3333.. + 16.875 + 10.5 = 32.7083..
        assertEquals(100 * 0.8 / 15 + 16.875 + 10.5, asu.index(), EPS);
        assertEquals(32.708333333, asu.index(), 1e-8);
        assertEquals(2, asu.level()); // 25 <= 32.71 < 50

        // the five other areas have no rows: every catalogue service unanswered
        AreaFigures vko = area(m, "VKO");
        assertEquals(0, vko.inUse());
        assertEquals(11, vko.unanswered());
        assertEquals(0.0, vko.coverage(), EPS);
        assertNull(vko.depth());
        assertNull(vko.usage());
        assertEquals(0.0, vko.index(), EPS);
        assertEquals(0, vko.level());

        // municipality: mean of six indices = 32.7083.. / 6 = 5.4513..; level 1 since ASU is not level 0
        assertEquals((100 * 0.8 / 15 + 16.875 + 10.5) / 6, m.index(), EPS);
        assertEquals(1, m.level());
        assertEquals(List.of("ASU", "VKO", "KUL", "TER", "TYO", "VIO"),
                m.areas().stream().map(AreaFigures::area).toList());
    }

    @Test
    void servicesListEveryCatalogueServiceThenOwnOnesByArea() {
        MunicipalityFigures m = figures(Returns.of("001")
                .add("ASU", own(40, "Oma B").status(IN_USE), row(9, "ASU-02").status(PLANNED),
                        own(30, "Oma A").status(PLANNED), row(12, "VKO-01").status(IN_USE),
                        row(15, "ASU-01").status(NOT_ADOPTED), row(5, "ASU-01").status(IN_USE))
                .add("VIO", own(20, "Oma C")));
        // 67 catalogue services + 3 own ones; the wrong-area and the duplicate rows are not listed
        assertEquals(70, m.services().size());
        ServiceFigures first = m.services().get(0);
        assertEquals("ASU-01", first.id());
        assertEquals(5, first.row());
        assertEquals(IN_USE, first.status());
        assertEquals("ASU-02", m.services().get(1).id());
        assertEquals(9, m.services().get(1).row());
        // a catalogue service missing from its tab: row 0, unanswered, named from the catalogue
        ServiceFigures asu15 = m.services().get(14);
        assertEquals("ASU-15", asu15.id());
        assertEquals(0, asu15.row());
        assertNull(asu15.status());
        assertEquals("Joukkoliikenteen liput ja reittiopas", asu15.name());
        // own services after the catalogue ones of their area, by row
        assertNull(m.services().get(15).id());
        assertEquals("Oma A", m.services().get(15).name());
        assertEquals(30, m.services().get(15).row());
        assertEquals("Oma B", m.services().get(16).name());
        assertEquals("VKO-01", m.services().get(17).id());
        assertEquals(0, m.services().get(17).row());
        assertEquals("VIO-12", m.services().get(68).id());
        assertEquals("Oma C", m.services().get(69).name());
        assertEquals("VIO", m.services().get(69).area());
        // own service with no status: neither in use nor in the catalogue counts
        assertEquals(12, area(m, "VIO").unanswered());
    }

    @Test
    void nullDepthAndUsageCountAsZeroInTheIndex() {
        MunicipalityFigures m = figures(Returns.of("001").add("VKO",
                // in use, but no stage and no usage answered
                row(5, "VKO-01").status(IN_USE)));
        AreaFigures vko = area(m, "VKO");
        assertEquals(1, vko.inUse());
        assertEquals(10, vko.unanswered());
        assertNull(vko.depth());
        assertNull(vko.usage());
        // index = 100 x (0.4 x 1/11 + 0 + 0) = 3.6363..
        assertEquals(40.0 / 11, vko.index(), EPS);
        assertEquals(1, vko.level()); // in use + planned > 0: at least level 1
        assertNull(service(m, "VKO-01").depth());
        assertNull(service(m, "VKO-01").usage());
    }

    @Test
    void levelZeroOnlyWithoutCatalogueServicesInUseOrPlanned() {
        MunicipalityFigures m = figures(Returns.of("001")
                // KUL: only a planned service: index 0, but level 1
                .add("KUL", row(5, "KUL-01").status(PLANNED))
                // TER: only not adopted: level 0
                .add("TER", row(5, "TER-01").status(NOT_ADOPTED))
                // TYO: only an own service in use, fully digital, usage 100 %:
                // depth 1, usage 1, coverage 0 -> index 100 x (0.3 + 0.3) = 60; but in_use + planned
                // (catalogue counts) = 0 -> level 0, as figures.md words it
                .add("TYO", own(30, "Oma").status(IN_USE).allStages(DIGITAL).usage(1.0)));
        assertEquals(0.0, area(m, "KUL").index(), EPS);
        assertEquals(1, area(m, "KUL").level());
        assertEquals(0, area(m, "TER").level());
        assertEquals(60.0, area(m, "TYO").index(), EPS);
        assertEquals(0, area(m, "TYO").level());
        // municipality: (0 + 60) / 6 = 10; not every area is level 0 -> band of 10 = 1
        assertEquals(10.0, m.index(), EPS);
        assertEquals(1, m.level());

        // only a planned service anywhere: municipality index 0 yet level 1
        MunicipalityFigures planned = figures(Returns.of("001").add("KUL", row(5, "KUL-01").status(PLANNED)));
        assertEquals(0.0, planned.index(), EPS);
        assertEquals(1, planned.level());

        // only "not adopted" answers: every area level 0, so the municipality is level 0
        MunicipalityFigures none = figures(Returns.of("001").add("KUL", row(5, "KUL-01").status(NOT_ADOPTED)));
        assertEquals(0, none.level());
    }

    @Test
    void anIndexExactlyOnABandThresholdReachesIt() {
        MunicipalityFigures m = figures(Returns.of("001")
                // ASU: 5 of 15 in use, each depth (1 + 0) / (2 x 2) = 0.25, usage 0.8:
                // 100 x (0.4 x 5/15 + 0.3 x 0.25 + 0.3 x 0.8) = 13.333.. + 7.5 + 24 = 269/6
                .add("ASU", quarter(5, "ASU-01"), quarter(6, "ASU-02"), quarter(7, "ASU-03"), quarter(8, "ASU-04"),
                        quarter(9, "ASU-05"))
                // KUL: 2 of 10 in use, depth 1, usage 0.4: 100 x (0.08 + 0.3 + 0.12) = 50 -> level 3
                .add("KUL", row(5, "KUL-01").status(IN_USE).stage("NEU", DIGITAL).usage(0.4),
                        row(6, "KUL-02").status(IN_USE).stage("NEU", DIGITAL).usage(0.4))
                // TYO: 5 of 10 in use, depth (2 + 1) / 4 = 0.75, usage 0: 100 x (0.2 + 0.225) = 42.5
                .add("TYO", threeQuarters(5, "TYO-01"), threeQuarters(6, "TYO-02"), threeQuarters(7, "TYO-03"),
                        threeQuarters(8, "TYO-04"), threeQuarters(9, "TYO-05"))
                // VIO: 2 of 12 in use, depth 0 (manual), usage 0.2: 100 x (0.4 x 2/12 + 0.06) = 38/3
                .add("VIO", row(5, "VIO-01").status(IN_USE).stage("NEU", MANUAL).usage(0.2),
                        row(6, "VIO-02").status(IN_USE).stage("NEU", MANUAL).usage(0.2)));
        assertEquals(269.0 / 6, area(m, "ASU").index(), EPS);
        assertEquals(50.0, area(m, "KUL").index(), EPS);
        assertEquals(3, area(m, "KUL").level());
        assertEquals(42.5, area(m, "TYO").index(), EPS);
        assertEquals(0.0, area(m, "VIO").depth(), EPS); // answered, all manual: 0, not null
        assertEquals(38.0 / 3, area(m, "VIO").index(), EPS);
        // (269/6 + 0 + 50 + 0 + 42.5 + 38/3) / 6 = (269 + 300 + 255 + 76) / 36 = 900 / 36 = 25 exactly,
        // which double arithmetic gives as 24.999999999999996: the level must still be 2
        assertEquals(25.0, m.index(), EPS);
        assertTrue(m.index() < 25.0, "this example is meant to fall just short in double arithmetic");
        assertEquals(2, m.level());
    }

    private static Returns.Row quarter(int r, String id) {
        return row(r, id).status(IN_USE).stage("NEU", ELECTRONIC).stage("HAK", MANUAL).usage(0.8);
    }

    private static Returns.Row threeQuarters(int r, String id) {
        return row(r, id).status(IN_USE).stage("NEU", DIGITAL).stage("HAK", ELECTRONIC).usage(0.0);
    }

    @Test
    void perServiceDepthAndUsageAreShownAsAnswered() {
        MunicipalityFigures m = figures(Returns.of("001").add("ASU",
                row(5, "ASU-01").status(PLANNED).stage("NEU", DIGITAL).stage("HAK", MANUAL).usage(0.9)));
        // a planned service keeps its own depth (2 + 0) / 4 = 0.5 and usage in the services list,
        // while the area's depth and usage (over in-use services) stay null
        assertEquals(0.5, service(m, "ASU-01").depth(), EPS);
        assertEquals(0.9, service(m, "ASU-01").usage(), EPS);
        assertNull(area(m, "ASU").depth());
        assertNull(area(m, "ASU").usage());
        assertEquals(0.0, area(m, "ASU").index(), EPS);
    }
}
