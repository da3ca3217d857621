package fi.digikunta.compute;

import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.AreaReturn;
import fi.digikunta.model.AssessmentReturn;
import fi.digikunta.model.Figures;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.Savings;
import fi.digikunta.model.ServiceFigures;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.model.StageLevel;
import fi.digikunta.model.Status;
import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of shared/spec/figures.md, computed from the returns whose outcome counts. A pure
 * function: no I/O, no clock, no shared state; weights, thresholds, stage values and the catalogue
 * come from the {@link Schema}, populations and regions from the {@link MunicipalityList}. Values are
 * doubles, never rounded here (the writers round); every sum runs in a fixed order (municipalities
 * by code, areas in schema order, services by id then row) so two runs give identical bits.
 * Readings where figures.md is silent are in docs/figures-notes.md.
 */
public final class FiguresCalculator {
    /**
     * Indices within this distance below a band threshold count as reaching it: a mean such as
     * (269/6 + 50 + 42.5 + 38/3) / 6 is exactly 25 but comes out 24.999999999999996 in double, and
     * the level must agree with the index the reports show.
     */
    static final double LEVEL_TOLERANCE = 1e-9;

    /** A catalogue service missing from the tab has no savings. */
    private static final BigDecimal[] NO_SAVINGS = new BigDecimal[2];

    private static final Comparator<ServiceRow> BY_ROW = Comparator.comparingInt(ServiceRow::row);

    private FiguresCalculator() {
    }

    /**
     * Figures over the files whose outcome counts; superseded, rejected and pending files are left
     * out. The caller (validation) guarantees at most one counting file per municipality, each with
     * a return and a code of the list; a breach is a programming error and throws
     * {@link IllegalArgumentException} naming the file.
     */
    public static Figures compute(Schema schema, MunicipalityList municipalities, List<FileResult> files) {
        return compute(v -> schema, schema, municipalities, files, null);
    }

    /**
     * As above, for the files of one round: each return computed against the schema of its own
     * version ({@code schemaOf}), the national per-service figures against {@code national}'s catalogue.
     */
    public static Figures compute(Function<String, Schema> schemaOf, Schema national, MunicipalityList municipalities,
            List<FileResult> files, Integer round) {
        Map<String, FileResult> byCode = new TreeMap<>();
        for (FileResult f : files) {
            if (!f.outcome().counts()) {
                continue;
            }
            if (f.ret() == null) {
                throw new IllegalArgumentException(f.file() + ": outcome " + f.outcome().id()
                        + " but no return to compute figures from");
            }
            String code = f.municipalityCode() != null ? f.municipalityCode()
                    : f.ret().identification() == null ? null : f.ret().identification().code();
            if (code == null) {
                throw new IllegalArgumentException(f.file() + ": counting return without a municipality code");
            }
            FileResult previous = byCode.putIfAbsent(code, f);
            if (previous != null) {
                throw new IllegalArgumentException("municipality " + code + " has two counting returns, "
                        + previous.file() + " and " + f.file() + "; all but the newest must be superseded");
            }
        }
        List<MunicipalityFigures> ms = new ArrayList<>();
        for (Map.Entry<String, FileResult> e : byCode.entrySet()) {
            FileResult f = e.getValue();
            Municipality m = municipalities.byCode(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    f.file() + ": municipality code " + e.getKey() + " is not in the municipality list"));
            ms.add(municipality(schemaOf.apply(f.ret().schemaVersion()), m, f.file(), f.ret()));
        }
        return new Figures(national.schemaVersion(), ms, NationalStatistics.of(national, schemaOf, municipalities, ms),
                round,
                List.copyOf(municipalities.all()));
    }

    /** The figures of one return (figures.md, "Per municipality and area" and "Savings"). */
    public static MunicipalityFigures municipality(Schema schema, Municipality m, String file, AssessmentReturn ret) {
        if (!schema.schemaVersion().equals(ret.schemaVersion())) {
            throw new IllegalArgumentException(file + ": return of schema " + ret.schemaVersion()
                    + " computed with schema " + schema.schemaVersion());
        }
        Ctx ctx = new Ctx(schema);
        Double defaultHourly = ret.identification() == null ? null : ret.identification().defaultHourly();
        List<AreaFigures> areas = new ArrayList<>();
        List<ServiceFigures> services = new ArrayList<>();
        for (String area : schema.areaCodes()) {
            List<ServiceFigures> areaServices = services(ctx, area, ret, defaultHourly);
            areas.add(area(ctx, area, areaServices));
            services.addAll(areaServices);
        }
        double sum = 0;
        boolean allZero = true;
        for (AreaFigures a : areas) {
            sum += a.index();
            allZero &= a.level() == 0;
        }
        Savings savings = total(ctx, services, areas);
        double index = sum / areas.size();
        return new MunicipalityFigures(m.code(), m.nameFi(), m.nameSv(), m.region(), m.population(), file, areas,
                index, allZero ? 0 : band(schema, index), savings, services, schema.schemaVersion());
    }

    /** A return's savings: the sums of all its rows (the areas' sums added), in decimal. */
    private static Savings total(Ctx ctx, List<ServiceFigures> services, List<AreaFigures> areas) {
        Euros.Sum realised = new Euros.Sum();
        Euros.Sum potential = new Euros.Sum();
        Euros.Sum target = new Euros.Sum();
        for (ServiceFigures s : services) {
            BigDecimal[] exact = ctx.exact.getOrDefault(s, NO_SAVINGS);
            realised.add(exact[1]);
            potential.add(exact[0]);
            if (s.target() != null) {
                target.add(s.target());
            }
        }
        int computable = 0;
        for (AreaFigures a : areas) {
            computable += a.savings().computableInUse();
        }
        return new Savings(realised.euros(), potential.euros(), target.value(), computable);
    }

    /**
     * The services of one area: every catalogue service by id (row 0 when missing from the tab),
     * then the own services by row. A catalogue id written twice counts once, at its first row (the
     * later row has a duplicate-id error); a row carrying another area's id is left out (wrong-area-id
     * error); a non-catalogue id counts as an own service.
     */
    private static List<ServiceFigures> services(Ctx ctx, String area, AssessmentReturn ret, Double defaultHourly) {
        List<ServiceRow> rows = new ArrayList<>(ret.area(area).map(AreaReturn::rows).orElse(List.of()));
        rows.sort(BY_ROW);
        Map<String, ServiceRow> catalogueRows = new HashMap<>();
        List<ServiceRow> own = new ArrayList<>();
        for (ServiceRow r : rows) {
            Schema.CatalogueService c = r.id() == null ? null : ctx.catalogue.get(r.id());
            if (c == null) {
                own.add(r);
            } else if (c.area().equals(area)) {
                catalogueRows.putIfAbsent(c.id(), r);
            }
        }
        List<Schema.CatalogueService> catalogue = new ArrayList<>(ctx.schema.servicesOf(area));
        catalogue.sort(Comparator.comparing(Schema.CatalogueService::id));
        List<ServiceFigures> out = new ArrayList<>();
        for (Schema.CatalogueService c : catalogue) {
            ServiceRow r = catalogueRows.get(c.id());
            out.add(r == null
                    ? new ServiceFigures(area, c.id(), c.name().fi(), 0, null, Map.of(), null, null, null, null, null)
                    : service(ctx, area, c.id(), c.name().fi(), r, defaultHourly));
        }
        for (ServiceRow r : own) {
            out.add(service(ctx, area, null, r.name(), r, defaultHourly));
        }
        return out;
    }

    private static ServiceFigures service(Ctx ctx, String area, String id, String name, ServiceRow r,
            Double defaultHourly) {
        Status status = r.status();
        boolean inUse = status == Status.IN_USE;
        boolean sought = inUse || status == Status.PLANNED;
        Double minutes = minutes(ctx, r);
        Double hourly = r.hourly() != null ? r.hourly() : defaultHourly;
        BigDecimal potential = null;
        BigDecimal realised = null;
        if (sought && r.volume() != null && minutes != null && hourly != null) {
            double cost = r.cost() == null ? 0 : r.cost();
            potential = Euros.sixtyTimesNet(r.volume(), null, minutes, hourly, cost);
            if (inUse && r.usage() != null) {
                realised = Euros.sixtyTimesNet(r.volume(), r.usage(), minutes, hourly, cost);
            }
        }
        ServiceFigures f = new ServiceFigures(area, id, name, r.row(), status, r.stages(), r.usage(),
                depth(ctx, r.stages()), potential == null ? null : Euros.euros(potential),
                realised == null ? null : Euros.euros(realised), sought ? r.target() : null);
        ctx.exact.put(f, new BigDecimal[] {potential, realised});
        return f;
    }

    /** Minutes saved a case: the given stage savings added, else the total where all are blank. */
    private static Double minutes(Ctx ctx, ServiceRow r) {
        Euros.Sum sum = new Euros.Sum();
        boolean any = false;
        for (String stage : ctx.schema.savingStages()) {
            Double v = r.savings().get(stage);
            if (v != null) {
                sum.add(v);
                any = true;
            }
        }
        return any ? Double.valueOf(sum.value()) : r.savingTotal();
    }

    /** Answered stage levels over the maximum of those stages; "not applicable" and blanks left out. */
    private static Double depth(Ctx ctx, Map<String, StageLevel> stages) {
        int sum = 0;
        int count = 0;
        for (String stage : ctx.schema.stages()) {
            StageLevel level = stages.get(stage);
            Integer value = level == null ? null : ctx.levelValues.get(level);
            if (value != null) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? null : Double.valueOf(sum / ((double) ctx.schema.figures().maxStageValue() * count));
    }

    private static AreaFigures area(Ctx ctx, String area, List<ServiceFigures> services) {
        int inUse = 0;
        int planned = 0;
        int notAdopted = 0;
        int unanswered = 0;
        int catalogueCount = 0;
        List<Double> depths = new ArrayList<>();
        List<Double> usages = new ArrayList<>();
        Euros.Sum realised = new Euros.Sum();
        Euros.Sum potential = new Euros.Sum();
        Euros.Sum target = new Euros.Sum();
        int computableInUse = 0;
        for (ServiceFigures s : services) {
            if (s.id() != null) {
                catalogueCount++;
                if (s.status() == null) {
                    unanswered++;
                } else {
                    switch (s.status()) {
                        case IN_USE -> inUse++;
                        case PLANNED -> planned++;
                        case NOT_ADOPTED -> notAdopted++;
                    }
                }
            }
            if (s.status() == Status.IN_USE) {
                if (s.depth() != null) {
                    depths.add(s.depth());
                }
                if (s.usage() != null) {
                    usages.add(s.usage());
                }
            }
            BigDecimal[] exact = ctx.exact.getOrDefault(s, NO_SAVINGS);
            if (s.realisedNet() != null) {
                realised.add(exact[1]);
                computableInUse++;
            }
            if (s.potentialNet() != null) {
                potential.add(exact[0]);
            }
            if (s.target() != null) {
                target.add(s.target());
            }
        }
        double coverage = (double) inUse / catalogueCount;
        Double depth = Stats.mean(depths);
        Double usage = Stats.mean(usages);
        Schema.Weights w = ctx.schema.figures().weights();
        double index = 100.0 * (w.coverage() * coverage + w.depth() * (depth == null ? 0 : depth)
                + w.usage() * (usage == null ? 0 : usage));
        int level = inUse + planned == 0 ? 0 : band(ctx.schema, index);
        return new AreaFigures(area, inUse, planned, notAdopted, unanswered, coverage, depth, usage, index, level,
                new Savings(realised.euros(), potential.euros(), target.value(), computableInUse));
    }

    private static int band(Schema schema, double index) {
        return schema.bandOf(index + LEVEL_TOLERANCE);
    }

    /** The national figures over the given municipalities (figures.md, "National"). */
    public static NationalFigures national(Schema schema, MunicipalityList list, List<MunicipalityFigures> figures) {
        return NationalStatistics.of(schema, list, figures);
    }

    /**
     * The population-weighted mean overall index of each region (named as in the list), summed in the
     * order given (code order); a region whose respondents have no population is left out. Drawn on
     * the region map; figures.md's region figure stays the plain mean ({@code RegionStats}).
     */
    public static Map<String, Double> regionWeightedMeans(List<MunicipalityFigures> figures) {
        Map<String, double[]> sums = new TreeMap<>();
        for (MunicipalityFigures m : figures) {
            if (m.region() == null || m.population() <= 0) {
                continue;
            }
            double[] s = sums.computeIfAbsent(m.region(), k -> new double[2]);
            s[0] += m.index() * m.population();
            s[1] += m.population();
        }
        Map<String, Double> out = new TreeMap<>();
        sums.forEach((region, s) -> out.put(region, s[0] / s[1]));
        return out;
    }

    /** Schema lookups built once per return. */
    private static final class Ctx {
        final Schema schema;
        final Map<String, Schema.CatalogueService> catalogue = new HashMap<>();
        final Map<StageLevel, Integer> levelValues = new EnumMap<>(StageLevel.class);
        /**
         * A row's savings (potential, realised) times 60, exact (Euros): the sums are made of these,
         * not of the doubles, which cannot hold 1234.5666… exactly.
         */
        final Map<ServiceFigures, BigDecimal[]> exact = new IdentityHashMap<>();

        Ctx(Schema schema) {
            this.schema = schema;
            schema.catalogue().forEach(c -> catalogue.put(c.id(), c));
            for (Schema.StageLevelDef d : schema.stageLevels()) {
                if (d.value() != null) {
                    levelValues.put(StageLevel.valueOf(d.code()), d.value());
                }
            }
        }
    }
}
