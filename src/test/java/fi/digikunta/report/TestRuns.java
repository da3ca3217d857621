package fi.digikunta.report;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.history.RunComparison;
import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.Figures;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.RegionStats;
import fi.digikunta.model.Savings;
import fi.digikunta.model.ServiceFigures;
import fi.digikunta.model.ServiceStats;
import fi.digikunta.history.ReportSnapshot;
import fi.digikunta.model.SincePreviousRun;
import fi.digikunta.model.AreaReturn;
import fi.digikunta.model.AssessmentReturn;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.model.Identification;
import fi.digikunta.findings.Message;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.findings.Severity;
import fi.digikunta.model.StageLevel;
import fi.digikunta.model.Status;
import fi.digikunta.model.RunResult;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Hand-made RunResults for the writer tests: the figures of each municipality are generated from a
 * seed (deterministically) and follow figures.md closely enough to look real; the national figures
 * are worked out from them here. The writers only format what they are given, so exactness of the
 * method is the compute step's tests' business, not these.
 */
final class TestRuns {
    static final Schema SCHEMA = SchemaRegistry.load().version("1").orElseThrow();
    static final Instant GENERATED = Instant.parse("2026-03-01T02:00:00Z");
    static final int REFERENCE_COUNT = 308;
    static final long NATIONAL_POPULATION = 5_603_851L;

    private TestRuns() {
    }

    static Message msg(String fi, String en) {
        return new Message(fi, fi + " (sv)", en);
    }

    /** One accepted municipality's input: its file, findings, and the seed of its answers. */
    record Muni(String code, String nameFi, String nameSv, String region, long population, String file, long seed,
            List<Finding> findings, String ownServiceName, String system, String notes) {
        Muni withFindings(List<Finding> f) {
            return new Muni(code, nameFi, nameSv, region, population, file, seed, f, ownServiceName, system, notes);
        }

        Muni withText(String own, String sys, String note) {
            return new Muni(code, nameFi, nameSv, region, population, file, seed, findings, own, sys, note);
        }
    }

    static Muni helsinki() {
        return new Muni("091", "Helsinki", "Helsingfors", "Uusimaa", 674_963, "helsinki-2026.xlsx", 91, List.of(),
                "Pysäköinnin mobiilimaksu", "Lupapiste", "Käytössä koko kaupungissa");
    }

    static Muni inari() {
        return new Muni("148", "Inari", "Enare", "Lappi", 7_036, "inari.xlsx", 148,
                List.of(new Finding(FindingCode.of("name-mismatch").orElseThrow(), Severity.WARNING, "Yhteenveto", "B2",
                        msg("Kunnan nimi ei vastaa kuntanumeroa", "The name does not match the code"))),
                null, null, null);
    }

    static Muni[] many() {
        String[][] rows = {
            {"005", "Alajärvi", "Alajärvi", "Etelä-Pohjanmaa", "9876"},
            {"020", "Akaa", "Akaa", "Pirkanmaa", "16489"},
            {"049", "Espoo", "Esbo", "Uusimaa", "310000"},
            {"091", "Helsinki", "Helsingfors", "Uusimaa", "674963"},
            {"148", "Inari", "Enare", "Lappi", "7036"},
            {"179", "Jyväskylä", "Jyväskylä", "Keski-Suomi", "147746"},
            {"245", "Kerava", "Kervo", "Uusimaa", "38000"},
            {"297", "Kuopio", "Kuopio", "Pohjois-Savo", "124000"},
            {"398", "Lahti", "Lahtis", "Päijät-Häme", "121000"},
            {"564", "Oulu", "Uleåborg", "Pohjois-Pohjanmaa", "214000"},
            {"837", "Tampere", "Tammerfors", "Pirkanmaa", "255000"},
            {"853", "Turku", "Åbo", "Varsinais-Suomi", "202000"},
        };
        Muni[] out = new Muni[rows.length];
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            out[i] = new Muni(r[0], r[1], r[2], r[3], Long.parseLong(r[4]), r[1].toLowerCase() + ".xlsx",
                    Long.parseLong(r[0]) * 7 + i, i % 3 == 0 ? inari().findings() : List.of(),
                    i % 2 == 0 ? "Oma sähköinen palvelu" : null, "Järjestelmä " + i, null);
        }
        return out;
    }

    // ------------------------------------------------------------------ scenarios

    static RunResult empty() {
        return run(List.of(), List.of());
    }

    static RunResult oneAccepted() {
        return run(List.of(helsinki()), List.of());
    }

    static RunResult oneRejected() {
        return run(List.of(), List.of(rejected("roskaa.xlsx", null, "corrupt-zip",
                msg("Tiedosto on vioittunut (zip-rakenne rikki)", "The file is damaged (broken zip)"))));
    }

    /** Helsinki returned twice: the older file is superseded. Plus one rejected file. */
    static RunResult superseded() {
        FileResult old = new FileResult("helsinki-vanha.xlsx", Outcome.SUPERSEDED, "091",
                msg("Korvattu uudemmalla palautuksella helsinki-2026.xlsx", "Superseded by helsinki-2026.xlsx"),
                List.of(), false, null, Instant.parse("2026-01-10T10:00:00Z"), "superseded");
        return run(List.of(helsinki(), inari()), List.of(old, rejected("salattu.xlsx", "245", "encrypted",
                msg("Tiedosto on suojattu salasanalla", "The file is password-protected"))));
    }

    /** One municipality with a long list of findings, capped. */
    static RunResult manyFindings() {
        List<Finding> fs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            fs.add(new Finding(i % 2 == 0 ? FindingCode.INVALID_STAGE : FindingCode.NUMBER_AS_TEXT, i % 2 == 0 ? Severity.ERROR
                    : Severity.WARNING, "Asuminen, ympäristö, liikenne", "F" + (4 + i),
                    msg("Arvo ei kelpaa (rivi " + (4 + i) + ")", "Value not allowed (row " + (4 + i) + ")"))
                    .inColumn(new Message("Neuvonta", "Rådgivning", "Advice")));
        }
        Muni m = helsinki().withFindings(fs);
        return run(List.of(m), List.of(), true);
    }

    static RunResult twelve() {
        List<FileResult> extra = List.of(
                rejected("kunta.ods", null, "ods-format", msg("ODS-tiedosto: tallenna .xlsx-muodossa",
                        "An ODS file: save it as .xlsx")),
                new FileResult("oulu-vanha.xlsx", Outcome.SUPERSEDED, "564", msg("Korvattu uudemmalla palautuksella",
                        "Superseded by a newer return"), List.of(), false, null, GENERATED, "superseded"));
        return run(Arrays.asList(many()), extra);
    }

    /** Every free-text field a workbook or a file name can carry holds {@code payload}. */
    static RunResult hostile(String payload) {
        Muni m = helsinki().withText(payload, payload, payload)
                .withFindings(List.of(new Finding(FindingCode.of("invalid-status").orElseThrow(), Severity.ERROR, payload, "C7",
                        new Message(payload, payload, payload))));
        m = new Muni(m.code(), m.nameFi(), m.nameSv(), m.region(), m.population(), payload + ".xlsx", m.seed(),
                m.findings(), m.ownServiceName(), m.system(), m.notes());
        return run(List.of(m), List.of(rejected(payload, "092", "not-a-workbook",
                new Message(payload, payload, payload))));
    }

    // ------------------------------------------------------------------ since the previous run

    /** current with the since-the-previous-run section computed, as the nightly run does, from both report.json. */
    static RunResult since(RunResult previous, RunResult current) {
        try {
            byte[] before = ReportSet.render(previous, ReportOptions.defaults()).get(ReportSet.JSON);
            byte[] now = ReportSet.render(current, ReportOptions.defaults()).get(ReportSet.JSON);
            return current.withSincePreviousRun(RunComparison.compare(ReportSnapshot.parse(before),
                    ReportSnapshot.parse(now)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The run before {@link #superseded()}: Helsinki with other answers, and Kerava, which is gone since. */
    static RunResult beforeSuperseded() {
        Muni h = helsinki();
        Muni helsinkiBefore = new Muni(h.code(), h.nameFi(), h.nameSv(), h.region(), h.population(), h.file(), 90,
                List.of(), h.ownServiceName(), h.system(), h.notes());
        return run(List.of(helsinkiBefore, kerava()), List.of());
    }

    /**
     * {@link #superseded()} after {@link #beforeSuperseded()}: inari.xlsx is a new return,
     * helsinki-vanha.xlsx newly superseded, salattu.xlsx newly rejected; 091 changed, 148 new, 245 gone.
     */
    static RunResult sinceChanges() {
        return since(beforeSuperseded(), superseded());
    }

    static RunResult sinceFirstRun() {
        return superseded().withSincePreviousRun(SincePreviousRun.forFirstRun());
    }

    static RunResult sinceUnreadable() {
        return superseded().withSincePreviousRun(SincePreviousRun.forUnreadablePrevious());
    }

    static RunResult sinceNothing() {
        return since(superseded(), superseded());
    }

    static FileResult rejected(String file, String code, String reasonCode, Message reason) {
        return new FileResult(file, Outcome.REJECTED, code, reason, List.of(), false, null, GENERATED, reasonCode);
    }

    static RunResult run(List<Muni> munis, List<FileResult> others) {
        return run(munis, others, false);
    }

    /** The round of every scenario's returns but those of {@link #rounds()}. */
    static final int ROUND = 2026;

    static RunResult run(List<Muni> munis, List<FileResult> others, boolean truncated) {
        return run(munis, others, truncated, ROUND);
    }

    static RunResult run(List<Muni> munis, List<FileResult> others, boolean truncated, int round) {
        List<FileResult> files = new ArrayList<>(others);
        List<MunicipalityFigures> figures = new ArrayList<>();
        for (Muni m : munis) {
            Generated g = generate(m);
            figures.add(g.figures());
            boolean warn = !m.findings().isEmpty();
            files.add(new FileResult(m.file(), warn ? Outcome.ACCEPTED_WITH_WARNINGS : Outcome.ACCEPTED, m.code(),
                    null, m.findings(), truncated, g.ret(), GENERATED, null, round));
        }
        files.sort((a, b) -> a.file().compareTo(b.file()));
        figures.sort((a, b) -> a.code().compareTo(b.code()));
        return new RunResult("0.1.0-test", SCHEMA.schemaVersion(), GENERATED, files,
                new Figures(SCHEMA.schemaVersion(), figures, national(figures), round));
    }

    /**
     * Three rounds, the last {@link #superseded()}: 2024 Helsinki, Kerava and Inari; 2025 Helsinki
     * and Kerava; 2026 Helsinki and Inari (Inari skipped 2025, Kerava 2026).
     */
    static RunResult rounds() {
        RunResult r2024 = run(List.of(again(helsinki(), 2024, 24), again(kerava(), 2024, 224),
                again(inari(), 2024, 48)), List.of(), false, 2024);
        RunResult r2025 = run(List.of(again(helsinki(), 2025, 25), again(kerava(), 2025, 225)), List.of(), false,
                2025);
        RunResult r2026 = superseded();
        List<FileResult> files = new ArrayList<>(r2024.files());
        files.addAll(r2025.files());
        files.addAll(r2026.files());
        files.sort((a, b) -> a.file().compareTo(b.file()));
        return new RunResult(r2026.toolVersion(), r2026.schemaVersion(), GENERATED, files, r2026.figures(), null,
                List.of(r2024.figures(), r2025.figures(), r2026.figures()));
    }

    /** The municipality's return of an earlier round: its own file name and other answers. */
    private static Muni again(Muni m, int round, long seed) {
        String file = m.file().replace(".xlsx", "").replace("-2026", "") + "-" + round + ".xlsx";
        return new Muni(m.code(), m.nameFi(), m.nameSv(), m.region(), m.population(), file, seed, List.of(),
                m.ownServiceName(), m.system(), m.notes());
    }

    private static Muni kerava() {
        return new Muni("245", "Kerava", "Kervo", "Uusimaa", 38_000, "kerava.xlsx", 245, List.of(), null, null, null);
    }

    // ------------------------------------------------------------------ one municipality

    record Generated(MunicipalityFigures figures, AssessmentReturn ret) {
    }

    static Generated generate(Muni m) {
        Random rnd = new Random(m.seed());
        double maturity = 0.05 + 0.9 * rnd.nextDouble();
        List<AreaFigures> areas = new ArrayList<>();
        List<ServiceFigures> services = new ArrayList<>();
        List<AreaReturn> areaReturns = new ArrayList<>();
        for (String area : SCHEMA.areaCodes()) {
            List<Schema.CatalogueService> cat = SCHEMA.servicesOf(area);
            List<ServiceRow> rows = new ArrayList<>();
            List<ServiceFigures> areaServices = new ArrayList<>();
            int row = 3;
            for (Schema.CatalogueService c : cat) {
                double u = rnd.nextDouble();
                Status status = u < maturity ? Status.IN_USE : u < maturity + 0.15 ? Status.PLANNED
                        : u < maturity + 0.25 ? Status.NOT_ADOPTED : null;
                areaServices.add(service(rnd, area, c.id(), c.name().fi(), row, status, maturity, rows, m));
                row++;
            }
            if (m.ownServiceName() != null && area.equals("ASU")) {
                areaServices.add(service(rnd, area, null, m.ownServiceName(), row, Status.IN_USE, maturity, rows, m));
            }
            services.addAll(areaServices);
            areas.add(areaFigures(area, cat.size(), areaServices));
            areaReturns.add(new AreaReturn(area, SCHEMA.area(area).orElseThrow().tab().fi(), rows));
        }
        double index = areas.stream().mapToDouble(AreaFigures::index).average().orElse(0);
        boolean none = areas.stream().allMatch(a -> a.level() == 0);
        Savings total = areas.stream().map(AreaFigures::savings).reduce(Savings.ZERO, Savings::plus);
        MunicipalityFigures mf = new MunicipalityFigures(m.code(), m.nameFi(), m.nameSv(), m.region(),
                m.population(), m.file(), areas, index, none ? 0 : SCHEMA.bandOf(index), total, services,
                SCHEMA.schemaVersion());
        AssessmentReturn ret = new AssessmentReturn(SCHEMA.schemaVersion(), new Identification(m.nameFi(), m.code(),
                "Testi Henkilö", "testi@example.invalid", LocalDate.of(2026, 2, 1), "1", 45.0), areaReturns);
        return new Generated(mf, ret);
    }

    private static ServiceFigures service(Random rnd, String area, String id, String name, int row, Status status,
            double maturity, List<ServiceRow> rows, Muni m) {
        Map<String, StageLevel> stages = new LinkedHashMap<>();
        Double usage = null;
        Double depth = null;
        Double potential = null;
        Double realised = null;
        Double target = null;
        if (status == Status.IN_USE || status == Status.PLANNED) {
            int sum = 0;
            int n = 0;
            for (String st : SCHEMA.stages()) {
                double u = rnd.nextDouble();
                StageLevel l = u < 0.08 ? null : u < 0.15 ? StageLevel.NOT_APPLICABLE
                        : u < 0.15 + 0.85 * maturity * 0.6 ? StageLevel.DIGITAL
                        : u < 0.15 + 0.85 * maturity ? StageLevel.ELECTRONIC : StageLevel.MANUAL;
                if (l != null) {
                    stages.put(st, l);
                    if (l != StageLevel.NOT_APPLICABLE) {
                        sum += l.ordinal();
                        n++;
                    }
                }
            }
            if (status == Status.IN_USE) {
                depth = n == 0 ? null : sum / (2.0 * n);
                usage = rnd.nextDouble() < 0.1 ? null : Math.round(Math.min(1, rnd.nextDouble() * maturity * 1.3) * 100) / 100.0;
            }
            if (rnd.nextDouble() < 0.6) {
                double volume = 100 + rnd.nextInt(5000);
                double minutes = 5 + rnd.nextInt(40);
                double cost = rnd.nextInt(3000);
                potential = volume * minutes / 60 * 45.0 - cost;
                if (status == Status.IN_USE && usage != null) {
                    realised = volume * usage * minutes / 60 * 45.0 - cost;
                }
                target = (double) (1000 * rnd.nextInt(20));
            }
        }
        rows.add(new ServiceRow(row, id, id, name, status, stages, usage, null, null, null, Map.of(), null, target,
                id == null || id.endsWith("1") ? m.system() : null, id == null ? m.notes() : null));
        return new ServiceFigures(area, id, name, row, status, stages, usage, depth, potential, realised, target);
    }

    private static AreaFigures areaFigures(String area, int catalogueSize, List<ServiceFigures> ss) {
        List<ServiceFigures> cat = ss.stream().filter(s -> s.id() != null).toList();
        int inUse = (int) cat.stream().filter(s -> s.status() == Status.IN_USE).count();
        int planned = (int) cat.stream().filter(s -> s.status() == Status.PLANNED).count();
        int notAdopted = (int) cat.stream().filter(s -> s.status() == Status.NOT_ADOPTED).count();
        int unanswered = catalogueSize - inUse - planned - notAdopted;
        double coverage = (double) inUse / catalogueSize;
        Double depth = mean(ss.stream().filter(s -> s.status() == Status.IN_USE).map(ServiceFigures::depth).toList());
        Double usage = mean(ss.stream().filter(s -> s.status() == Status.IN_USE).map(ServiceFigures::usage).toList());
        Schema.Weights w = SCHEMA.figures().weights();
        double index = 100 * (w.coverage() * coverage + w.depth() * (depth == null ? 0 : depth)
                + w.usage() * (usage == null ? 0 : usage));
        int level = inUse + planned == 0 ? 0 : SCHEMA.bandOf(index);
        double realised = 0;
        double potential = 0;
        double target = 0;
        int computable = 0;
        for (ServiceFigures s : ss) {
            if (s.realisedNet() != null) {
                realised += s.realisedNet();
                computable++;
            }
            potential += s.potentialNet() == null ? 0 : s.potentialNet();
            target += s.target() == null ? 0 : s.target();
        }
        return new AreaFigures(area, inUse, planned, notAdopted, unanswered, coverage, depth, usage, index, level,
                new Savings(realised, potential, target, computable));
    }

    // ------------------------------------------------------------------ national

    static Double mean(List<Double> xs) {
        List<Double> v = xs.stream().filter(x -> x != null).toList();
        return v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** R type 7 percentile of sorted values. */
    static Double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static Distribution distribution(List<MunicipalityFigures> ms, Function<MunicipalityFigures, Double> f) {
        List<MunicipalityFigures> with = ms.stream().filter(m -> f.apply(m) != null).toList();
        double[] v = with.stream().mapToDouble(m -> f.apply(m)).sorted().toArray();
        if (v.length == 0) {
            return new Distribution(0, null, null, null, null, null, null, null);
        }
        double pop = with.stream().mapToDouble(MunicipalityFigures::population).sum();
        double wm = with.stream().mapToDouble(m -> f.apply(m) * m.population()).sum() / pop;
        return new Distribution(v.length, Arrays.stream(v).average().orElseThrow(), wm, percentile(v, 0.5),
                percentile(v, 0.25), percentile(v, 0.75), v[0], v[v.length - 1]);
    }

    static AreaFigures area(MunicipalityFigures m, String code) {
        return m.areas().stream().filter(a -> a.area().equals(code)).findFirst().orElseThrow();
    }

    static NationalFigures national(List<MunicipalityFigures> ms) {
        String all = NationalFigures.ALL;
        Map<String, Distribution> index = new LinkedHashMap<>();
        Map<String, Distribution> coverage = new LinkedHashMap<>();
        Map<String, Distribution> depth = new LinkedHashMap<>();
        Map<String, Distribution> usage = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> levels = new LinkedHashMap<>();
        Map<String, Savings> savings = new LinkedHashMap<>();
        index.put(all, distribution(ms, MunicipalityFigures::index));
        levels.put(all, levelCounts(ms.stream().map(MunicipalityFigures::level).toList()));
        savings.put(all, ms.stream().map(MunicipalityFigures::savings).reduce(Savings.ZERO, Savings::plus));
        for (String a : SCHEMA.areaCodes()) {
            index.put(a, distribution(ms, m -> area(m, a).index()));
            coverage.put(a, distribution(ms, m -> area(m, a).coverage()));
            depth.put(a, distribution(ms, m -> area(m, a).depth()));
            usage.put(a, distribution(ms, m -> area(m, a).usage()));
            levels.put(a, levelCounts(ms.stream().map(m -> area(m, a).level()).toList()));
            savings.put(a, ms.stream().map(m -> area(m, a).savings()).reduce(Savings.ZERO, Savings::plus));
        }
        List<ServiceStats> services = new ArrayList<>();
        int n = ms.size();
        for (Schema.CatalogueService c : SCHEMA.catalogue()) {
            List<ServiceFigures> sf = ms.stream().flatMap(m -> m.services().stream())
                    .filter(s -> c.id().equals(s.id())).toList();
            ToDoubleFunction<Status> share = st -> n == 0 ? 0
                    : (double) sf.stream().filter(s -> s.status() == st).count() / n;
            services.add(new ServiceStats(c.id(), c.area(), share.applyAsDouble(Status.IN_USE),
                    share.applyAsDouble(Status.PLANNED), share.applyAsDouble(Status.NOT_ADOPTED),
                    n == 0 ? 0 : (double) sf.stream().filter(s -> s.status() == null).count() / n,
                    mean(sf.stream().map(ServiceFigures::usage).toList()),
                    mean(sf.stream().map(ServiceFigures::depth).toList())));
        }
        Map<String, List<MunicipalityFigures>> byRegion = new TreeMap<>();
        ms.forEach(m -> byRegion.computeIfAbsent(m.region(), k -> new ArrayList<>()).add(m));
        List<RegionStats> regions = new ArrayList<>();
        byRegion.forEach((r, list) -> regions.add(new RegionStats(r, list.size(),
                mean(list.stream().map(MunicipalityFigures::index).toList()))));
        long pop = ms.stream().mapToLong(MunicipalityFigures::population).sum();
        return new NationalFigures(n, REFERENCE_COUNT, (double) n / REFERENCE_COUNT, pop, NATIONAL_POPULATION,
                (double) pop / NATIONAL_POPULATION, index, coverage, depth, usage, levels, services, regions, savings);
    }

    static Map<Integer, Integer> levelCounts(List<Integer> ls) {
        Map<Integer, Integer> m = new TreeMap<>();
        for (int l = 0; l <= 4; l++) {
            m.put(l, 0);
        }
        ls.forEach(l -> m.merge(l, 1, Integer::sum));
        return m;
    }
}
