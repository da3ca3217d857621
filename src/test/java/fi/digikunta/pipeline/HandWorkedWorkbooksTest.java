package fi.digikunta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.Figures;
import fi.digikunta.compute.FiguresCalculator;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.inbox.InboxOptions;
import fi.digikunta.inbox.InboxScanner;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.testing.TestReturn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, end to end: small real .xlsx workbooks go through the reader, the validator and the
 * figures, and every figure is worked out by hand below (v1: weights 0.4/0.3/0.3, stage values
 * 0/1/2, bands 25/50/75; ASU has 15 catalogue services, VIO 12).
 */
class HandWorkedWorkbooksTest {
    static final double EPS = 1e-9;

    /** A return of the given municipality with every catalogue row present but left blank. */
    static TestReturn blank(String code, String name, LocalDate date) {
        TestReturn t = TestReturn.valid(code, name, date);
        t.id.put("hourly", 40.0);
        for (TestReturn.Area a : t.areas.values()) {
            var rows = a.rows.stream().filter(r -> r.get("id") != null).map(r -> {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("id", r.get("id"));
                b.put("service", r.get("service"));
                return b;
            }).toList();
            a.rows.clear();
            rows.forEach(a.rows::add);
        }
        return t;
    }

    @Test
    void twoMunicipalitiesAndASupersededReturnGiveTheHandWorkedFigures(@TempDir Path inbox) throws Exception {
        // Helsinki (091, population 684 018), filled 14.3.2025, default hourly cost 40 €/h.
        TestReturn hki = blank("091", "Helsinki", LocalDate.of(2025, 3, 14));
        // ASU-01 in use: stages 2, 2, 1, "Ei sovellu", blank, 0 -> depth (2+2+1+0) / (2 x 4) = 0.625;
        // usage 50 %; minutes m = 10 + 5 (the other stage savings blank) = 15; hourly blank -> 40;
        // potential 1200 x 15/60 x 40 - 1000 = 11 000; realised 1200 x 0.5 x 15/60 x 40 - 1000 = 5 000.
        hki.set("ASU", "ASU-01", "status", "Käytössä").set("ASU", "ASU-01", "stage.NEU", "Digitaalinen")
                .set("ASU", "ASU-01", "stage.HAK", "Digitaalinen").set("ASU", "ASU-01", "stage.KAS", "Sähköinen")
                .set("ASU", "ASU-01", "stage.PAA", "Ei sovellu").set("ASU", "ASU-01", "stage.ARK", "Manuaalinen")
                .set("ASU", "ASU-01", "usage", new TestReturn.Pct(0.5)).set("ASU", "ASU-01", "volume", 1200.0)
                .set("ASU", "ASU-01", "save.KAS", 10.0).set("ASU", "ASU-01", "save.PAA", 5.0)
                .set("ASU", "ASU-01", "cost", 1000.0).set("ASU", "ASU-01", "target", 5000.0);
        // ASU-02 planned: potential only, 100 x 30/60 x 60 - 0 = 3 000 (save.total, own hourly 60).
        hki.set("ASU", "ASU-02", "status", "Suunnitteilla").set("ASU", "ASU-02", "volume", 100.0)
                .set("ASU", "ASU-02", "save.total", 30.0).set("ASU", "ASU-02", "hourly", 60.0);
        hki.set("ASU", "ASU-03", "status", "Ei oteta käyttöön");
        // An own service in use (blank id): depth (1+1) / (2 x 2) = 0.5, usage 20 %; not in coverage.
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("service", "Oma palvelu");
        own.put("status", "Käytössä");
        own.put("stage.NEU", "Sähköinen");
        own.put("stage.HAK", "Sähköinen");
        own.put("usage", new TestReturn.Pct(0.2));
        hki.append("ASU", own);
        Files.write(inbox.resolve("helsinki-uusi.xlsx"), hki.toXlsx());

        // An older Helsinki return (1.1.2025) with every ASU service in use: superseded, must not count.
        TestReturn old = TestReturn.valid("091", "Helsinki", LocalDate.of(2025, 1, 1));
        Files.write(inbox.resolve("helsinki-vanha.xlsx"), old.toXlsx());

        // Vantaa (092, population 251 269): VIO-01 in use, all six stages digital, usage 100 %.
        TestReturn vantaa = blank("092", "Vantaa", LocalDate.of(2025, 3, 10));
        vantaa.set("VIO", "VIO-01", "status", "Käytössä").set("VIO", "VIO-01", "usage", new TestReturn.Pct(1.0));
        for (String st : List.of("NEU", "HAK", "KAS", "PAA", "LAS", "ARK")) {
            vantaa.set("VIO", "VIO-01", "stage." + st, "Digitaalinen");
        }
        Files.write(inbox.resolve("vantaa.xlsx"), vantaa.toXlsx());

        SchemaRegistry registry = SchemaRegistry.load();
        MunicipalityList list = MunicipalityList.builtIn();
        List<FileResult> files = Validation.validateAll(
                InboxScanner.scan(List.of(inbox), new InboxOptions(false, Duration.ZERO)), registry, list,
                new StaxWorkbookReader(), 2);
        assertEquals(Outcome.SUPERSEDED, outcome(files, "helsinki-vanha.xlsx"));
        assertTrue(outcome(files, "helsinki-uusi.xlsx").counts(), files.toString());
        assertTrue(outcome(files, "vantaa.xlsx").counts(), files.toString());

        Figures f = FiguresCalculator.compute(registry.version("1").orElseThrow(), list, files);
        MunicipalityFigures h = f.municipalities().get(0);
        assertEquals("091", h.code());
        AreaFigures asu = h.areas().get(0);
        // ASU: 1 in use, 1 planned, 1 not adopted, 12 unanswered; coverage 1/15;
        // depth mean(0.625, 0.5) = 0.5625; usage mean(0.5, 0.2) = 0.35;
        // index 100 x (0.4/15 + 0.3 x 0.5625 + 0.3 x 0.35) = 30.041666...; level 2 (25 <= i < 50).
        assertEquals(List.of(1, 1, 1, 12), List.of(asu.inUse(), asu.planned(), asu.notAdopted(), asu.unanswered()));
        assertEquals(1.0 / 15, asu.coverage(), EPS);
        assertEquals(0.5625, asu.depth(), EPS);
        assertEquals(0.35, asu.usage(), EPS);
        assertEquals(30.041666666666668, asu.index(), EPS);
        assertEquals(2, asu.level());
        // Savings: realised 5 000 (ASU-01), potential 11 000 + 3 000, target 5 000, 1 computable in use.
        assertEquals(5000.00, asu.savings().realisedNet(), 0.005);
        assertEquals(14000.00, asu.savings().potentialNet(), 0.005);
        assertEquals(5000.00, asu.savings().target(), 0.005);
        assertEquals(1, asu.savings().computableInUse());
        // Every other area: nothing answered -> coverage 0, depth and usage null, index 0, level 0.
        AreaFigures vko = h.areas().get(1);
        assertEquals(0.0, vko.coverage());
        assertNull(vko.depth());
        assertNull(vko.usage());
        assertEquals(0.0, vko.index());
        assertEquals(0, vko.level());
        // Helsinki index = 30.041666... / 6 = 5.0069444...; level 1 (not every area is 0).
        assertEquals(5.006944444444445, h.index(), EPS);
        assertEquals(1, h.level());

        MunicipalityFigures v = f.municipalities().get(1);
        AreaFigures vio = v.areas().get(5);
        // VIO: coverage 1/12, depth 12/12 = 1, usage 1 -> 100 x (0.4/12 + 0.3 + 0.3) = 63.333...; level 3.
        assertEquals(63.333333333333336, vio.index(), EPS);
        assertEquals(3, vio.level());
        // Vantaa index 63.333... / 6 = 10.5555...; no savings data.
        assertEquals(10.555555555555555, v.index(), EPS);
        assertEquals(0.0, v.savings().realisedNet());
        assertEquals(0, v.savings().computableInUse());

        NationalFigures n = f.national();
        // 2 respondents of 308; population 684 018 + 251 269 = 935 287 of 5 635 971.
        assertEquals(2, n.respondents());
        assertEquals(2.0 / 308, n.responseRate(), EPS);
        assertEquals(935_287L, n.populationCovered());
        assertEquals(935_287.0 / 5_635_971, n.populationShare(), EPS);
        var all = n.index().get(NationalFigures.ALL);
        // mean (5.00694 + 10.55556) / 2 = 7.78125; weighted by population
        // (5.00694 x 684 018 + 10.55556 x 251 269) / 935 287 = 6.4976034...;
        // type 7 on two values: p25 = 5.00694 + 0.25 x 5.54861 = 6.3940972..., median 7.78125,
        // p75 = 9.1684027...
        assertEquals(2, all.n());
        assertEquals(7.78125, all.mean(), EPS);
        assertEquals(6.49760342428462, all.weightedMean(), EPS);
        assertEquals(7.78125, all.median(), EPS);
        assertEquals(6.394097222222222, all.p25(), EPS);
        assertEquals(9.168402777777779, all.p75(), EPS);
        assertEquals(5.006944444444445, all.min(), EPS);
        assertEquals(10.555555555555555, all.max(), EPS);
        // National savings: Helsinki's only.
        assertEquals(5000.00, n.savings().get(NationalFigures.ALL).realisedNet(), 0.005);
        assertEquals(14000.00, n.savings().get(NationalFigures.ALL).potentialNet(), 0.005);
    }

    static Outcome outcome(List<FileResult> files, String name) {
        return files.stream().filter(x -> x.file().equals(name)).findFirst().orElseThrow().outcome();
    }
}
