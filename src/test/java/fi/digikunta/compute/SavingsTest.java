package fi.digikunta.compute;

import static fi.digikunta.compute.MunicipalityFiguresTest.EPS;
import static fi.digikunta.compute.MunicipalityFiguresTest.area;
import static fi.digikunta.compute.MunicipalityFiguresTest.figures;
import static fi.digikunta.compute.MunicipalityFiguresTest.service;
import static fi.digikunta.compute.Returns.own;
import static fi.digikunta.compute.Returns.row;
import static fi.digikunta.model.Status.IN_USE;
import static fi.digikunta.model.Status.NOT_ADOPTED;
import static fi.digikunta.model.Status.PLANNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.ServiceFigures;
import fi.digikunta.model.Savings;

/**
 * Per-row savings and their sums, to the cent, on hand-worked rows. m = minutes a case, v = volume,
 * u = usage rate, h = hourly cost, c = yearly cost of the digital service:
 * potential = v m / 60 h - c (in use and planned), realised = v u m / 60 h - c (in use only).
 */
class SavingsTest {
    @Test
    void rowsAndSumsOfOneArea() {
        MunicipalityFigures m = figures(Returns.of("001").defaultHourly(40).add("TYO",
                // m = 10 + 5 = 15 (save.total 99 ignored: stage savings given); own h = 50
                // potential = 1200 x 15 / 60 x 50 - 1000 = 15000 - 1000 = 14000
                // realised  = 1200 x 0.5 x 15 / 60 x 50 - 1000 = 7500 - 1000 = 6500
                row(5, "TYO-01").status(IN_USE).volume(1200).usage(0.5).hourly(50).cost(1000).save("KAS", 10)
                        .save("PAA", 5).saveTotal(99).target(5000),
                // no usage rate: realised not computable; h blank -> workbook default 40; c blank -> 0;
                // all four stage savings blank -> m = save.total = 30
                // potential = 600 x 30 / 60 x 40 = 12000
                row(6, "TYO-02").status(IN_USE).volume(600).saveTotal(30),
                // planned: potential only = 100 x 6 / 60 x 60 - 200 = 400; target 300 counts
                row(7, "TYO-03").status(PLANNED).volume(100).usage(0.7).hourly(60).cost(200).save("KAS", 6)
                        .target(300),
                // not adopted: nothing counts, not even the target
                row(8, "TYO-04").status(NOT_ADOPTED).volume(100).usage(1.0).hourly(60).save("KAS", 6).target(999),
                // in use, volume blank: not computable; its target 100 still counts (as given)
                row(9, "TYO-05").status(IN_USE).usage(0.5).save("KAS", 3).target(100),
                // in use, no minutes at all (stage savings and total blank): not computable
                row(10, "TYO-06").status(IN_USE).volume(10).usage(0.5).hourly(40),
                // a stage saving of 0 is given, so save.total 50 is not used: m = 0
                // potential = realised = 10 x 0 ... - 25 = -25
                row(11, "TYO-07").status(IN_USE).volume(10).usage(0.5).cost(25).save("PAA", 0).saveTotal(50),
                // own service: m = 12, h = default 40
                // potential = 50 x 12 / 60 x 40 = 400; realised = 50 x 1.0 x 12 / 60 x 40 = 400
                own(20, "Oma").status(IN_USE).volume(50).usage(1.0).save("ARK", 12)));

        assertEquals(14000.0, service(m, "TYO-01").potentialNet(), EPS);
        assertEquals(6500.0, service(m, "TYO-01").realisedNet(), EPS);
        assertEquals(5000.0, service(m, "TYO-01").target(), EPS);
        assertEquals(12000.0, service(m, "TYO-02").potentialNet(), EPS);
        assertNull(service(m, "TYO-02").realisedNet());
        assertNull(service(m, "TYO-02").target());
        assertEquals(400.0, service(m, "TYO-03").potentialNet(), EPS);
        assertNull(service(m, "TYO-03").realisedNet());
        assertEquals(300.0, service(m, "TYO-03").target(), EPS);
        assertNull(service(m, "TYO-04").potentialNet());
        assertNull(service(m, "TYO-04").realisedNet());
        assertNull(service(m, "TYO-04").target());
        assertNull(service(m, "TYO-05").potentialNet());
        assertNull(service(m, "TYO-05").realisedNet());
        assertEquals(100.0, service(m, "TYO-05").target(), EPS);
        assertNull(service(m, "TYO-06").potentialNet());
        assertNull(service(m, "TYO-06").realisedNet());
        assertEquals(-25.0, service(m, "TYO-07").potentialNet(), EPS);
        assertEquals(-25.0, service(m, "TYO-07").realisedNet(), EPS);
        ServiceFigures ownService = m.services().stream().filter(s -> s.id() == null).findFirst().orElseThrow();
        assertEquals(400.0, ownService.potentialNet(), EPS);
        assertEquals(400.0, ownService.realisedNet(), EPS);
        // unanswered catalogue services have no savings
        assertNull(service(m, "TYO-10").potentialNet());

        // sums: realised 6500 - 25 + 400 = 6875; potential 14000 + 12000 + 400 - 25 + 400 = 26775;
        // target 5000 + 300 + 100 = 5400; in-use rows with a computable realised saving:
        // TYO-01, TYO-07 and the own service = 3
        Savings tyo = area(m, "TYO").savings();
        assertEquals(6875.0, tyo.realisedNet(), EPS);
        assertEquals(26775.0, tyo.potentialNet(), EPS);
        assertEquals(5400.0, tyo.target(), EPS);
        assertEquals(3, tyo.computableInUse());
        // the other areas have no rows; the municipality's sums are the TYO ones
        assertEquals(Savings.ZERO, area(m, "ASU").savings());
        assertEquals(tyo, m.savings());
    }

    @Test
    void withoutADefaultHourlyCostARowNeedsItsOwn() {
        MunicipalityFigures m = figures(Returns.of("001").add("ASU",
                // no hourly cost anywhere: not computable
                row(5, "ASU-01").status(IN_USE).volume(100).usage(1.0).save("KAS", 6),
                // own h = 30: potential = 100 x 6 / 60 x 30 = 300; realised = 100 x 0.25 x 6 / 60 x 30 = 75
                row(6, "ASU-02").status(IN_USE).volume(100).usage(0.25).hourly(30).save("KAS", 6)));
        assertNull(service(m, "ASU-01").potentialNet());
        assertNull(service(m, "ASU-01").realisedNet());
        assertEquals(300.0, service(m, "ASU-02").potentialNet(), EPS);
        assertEquals(75.0, service(m, "ASU-02").realisedNet(), EPS);
        assertEquals(new Savings(75.0, 300.0, 0.0, 1), m.savings());
    }

    @Test
    void savingsAddUpAcrossAreasToTheCent() {
        MunicipalityFigures m = figures(Returns.of("001").defaultHourly(35.5).add("ASU",
                // 250 x 0.4 x 7.5 / 60 x 35.5 - 120.10 = 443.75 - 120.10 = 323.65
                // potential 250 x 7.5 / 60 x 35.5 - 120.10 = 1109.375 - 120.10 = 989.275
                row(5, "ASU-01").status(IN_USE).volume(250).usage(0.4).cost(120.10).save("LAS", 7.5).target(0.05))
                .add("VIO",
                        // 3 x 1.0 x 20 / 60 x 35.5 = 35.5; potential the same
                        row(5, "VIO-01").status(IN_USE).volume(3).usage(1.0).saveTotal(20).target(0.10)));
        assertEquals(323.65, area(m, "ASU").savings().realisedNet(), EPS);
        assertEquals(989.275, area(m, "ASU").savings().potentialNet(), EPS);
        assertEquals(35.5, area(m, "VIO").savings().realisedNet(), EPS);
        // municipality = area sums added in schema order: 323.65 + 35.5 = 359.15; 989.275 + 35.5 = 1024.775
        assertEquals(359.15, m.savings().realisedNet(), EPS);
        assertEquals(1024.775, m.savings().potentialNet(), EPS);
        assertEquals(0.15, m.savings().target(), EPS);
        assertEquals(2, m.savings().computableInUse());
    }

    @Test
    void aHalfCentStaysAHalfCentInARowAndInASumOfRowsThatDoNotEndInDecimals() {
        MunicipalityFigures m = figures(Returns.of("001")
                // 73 x 29 / 60 x 34.5 - 1090 = 127.275 exactly; in double arithmetic 127.27499999999986,
                // which the writers rounded to 127.27
                .add("ASU", row(5, "ASU-01").status(PLANNED).volume(73).hourly(34.5).cost(1090).save("KAS", 29))
                // 7 x 1 / 60 x 50 = 5.8333... and 29 x 1 / 60 x 41.3 = 19.961666... make 25.795; their
                // doubles added made 25.794999999999998
                .add("TYO", row(6, "TYO-01").status(PLANNED).volume(7).hourly(50).save("KAS", 1),
                        row(7, "TYO-02").status(PLANNED).volume(29).hourly(41.3).save("KAS", 1)));
        // What the writers round (HALF_UP, after BigDecimal.valueOf) is the exact decimal.
        assertEquals("127.275", BigDecimal.valueOf(service(m, "ASU-01").potentialNet()).toPlainString());
        assertEquals("25.795", BigDecimal.valueOf(area(m, "TYO").savings().potentialNet()).toPlainString());
        assertEquals("153.07", BigDecimal.valueOf(m.savings().potentialNet()).toPlainString());
    }
}
