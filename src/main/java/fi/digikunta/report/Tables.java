package fi.digikunta.report;

import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.RegionStats;
import fi.digikunta.model.Savings;
import fi.digikunta.model.ServiceFigures;
import fi.digikunta.model.ServiceStats;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.findings.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV tables of one run, as {@link Table}s (docs/outputs.md documents every column). Column
 * names and order are fixed here; only the per-area and per-stage columns follow the schema.
 */
final class Tables {
    static final String MUNICIPALITIES = "municipalities";
    static final String AREAS = "areas";
    static final String SERVICES = "services";
    static final String NATIONAL = "national";
    static final String SERVICE_STATS = "service_stats";
    static final String REGIONS = "regions";
    static final String FILES = "files";
    static final String FINDINGS = "findings";
    static final String TRENDS = "trends";
    static final String NATIONAL_TRENDS = "national_trends";
    /** Every table, in the order they are documented and written. */
    static final List<String> NAMES = List.of(MUNICIPALITIES, AREAS, SERVICES, NATIONAL, SERVICE_STATS, REGIONS,
            FILES, FINDINGS, TRENDS, NATIONAL_TRENDS);

    private final ReportContext ctx;

    Tables(ReportContext ctx) {
        this.ctx = ctx;
    }

    Table table(String name) {
        return switch (name) {
            case MUNICIPALITIES -> municipalities();
            case AREAS -> areas();
            case SERVICES -> services();
            case NATIONAL -> national();
            case SERVICE_STATS -> serviceStats();
            case REGIONS -> regions();
            case FILES -> files();
            case FINDINGS -> findings();
            case TRENDS -> TrendTables.trends(ctx);
            case NATIONAL_TRENDS -> TrendTables.nationalTrends(ctx);
            default -> throw new IllegalArgumentException("unknown table '" + name + "': " + String.join(", ", NAMES));
        };
    }

    static String id(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** A table's columns without building its rows (for datapackage.json). */
    List<String> columns(String name) {
        return switch (name) {
            case MUNICIPALITIES -> municipalityColumns();
            case AREAS -> AREA_COLUMNS;
            case SERVICES -> serviceColumns();
            case FILES -> FILE_COLUMNS;
            case FINDINGS -> FINDING_COLUMNS;
            case TRENDS -> TrendTables.TREND_COLUMNS;
            case NATIONAL_TRENDS -> TrendTables.NATIONAL_TREND_COLUMNS;
            default -> table(name).columns();
        };
    }

    private static final List<String> AREA_COLUMNS = List.of("municipality_code", "area", "in_use", "planned",
            "not_adopted", "unanswered", "coverage", "depth", "usage", "index", "level", "realised_net",
            "potential_net", "target", "computable_in_use", "level_name", "round");
    private static final List<String> FILE_COLUMNS = List.of("file", "outcome", "outcome_text", "municipality_code",
            "reason", "reason_code", "errors", "warnings", "findings_truncated", "round");
    private static final List<String> FINDING_COLUMNS = List.of("file", "municipality_code", "sheet", "cell",
            "code", "severity", "message_fi", "message_en", "message_sv", "round");

    private List<String> municipalityColumns() {
        List<String> cols = new ArrayList<>(List.of("municipality_code", "name_fi", "name_sv", "region", "population",
                "file", "outcome", "outcome_text", "index", "level", "level_name", "realised_net", "potential_net", "target",
                "computable_in_use", "errors", "warnings"));
        ctx.schema.areaCodes().forEach(a -> cols.add("index_" + lower(a)));
        cols.add("round");
        return cols;
    }

    Table municipalities() {
        Table.Builder t = new Table.Builder(MUNICIPALITIES, municipalityColumns());
        for (MunicipalityFigures m : ctx.municipalities) {
            FileResult f = ctx.file(m.file()).orElse(null);
            List<Object> r = new ArrayList<>(List.of(m.code(), m.nameFi(), m.nameSv(), m.region(), m.population()));
            r.add(m.file());
            r.add(f == null ? null : f.outcome().id());
            r.add(f == null ? null : f.outcome().text().get(ctx.options.lang()));
            r.add(Num.share(m.index()));
            r.add(m.level());
            r.add(ctx.levelName(m.level()));
            addSavings(r, m.savings());
            r.add(f == null ? 0 : count(f, Severity.ERROR));
            r.add(f == null ? 0 : count(f, Severity.WARNING));
            for (String a : ctx.schema.areaCodes()) {
                r.add(m.areas().stream().filter(x -> x.area().equals(a)).findFirst()
                        .map(x -> (Object) Num.share(x.index())).orElse(null));
            }
            r.add(ctx.round());
            t.row(r);
        }
        return t.build();
    }

    static int count(FileResult f, Severity s) {
        return (int) f.findings().stream().filter(x -> x.severity() == s).count();
    }

    private static void addSavings(List<Object> r, Savings s) {
        if (s == null) {
            r.add(null);
            r.add(null);
            r.add(null);
            r.add(null);
        } else {
            r.add(Num.euro(s.realisedNet()));
            r.add(Num.euro(s.potentialNet()));
            r.add(Num.euro(s.target()));
            r.add(s.computableInUse());
        }
    }

    Table areas() {
        Table.Builder t = new Table.Builder(AREAS, AREA_COLUMNS);
        for (MunicipalityFigures m : ctx.municipalities) {
            for (AreaFigures a : m.areas()) {
                List<Object> r = new ArrayList<>();
                r.add(m.code());
                r.add(a.area());
                r.add(a.inUse());
                r.add(a.planned());
                r.add(a.notAdopted());
                r.add(a.unanswered());
                r.add(Num.share(a.coverage()));
                r.add(Num.share(a.depth()));
                r.add(Num.share(a.usage()));
                r.add(Num.share(a.index()));
                r.add(a.level());
                addSavings(r, a.savings());
                r.add(ctx.levelName(a.level()));
                r.add(ctx.round());
                t.row(r);
            }
        }
        return t.build();
    }

    private List<String> serviceColumns() {
        List<String> cols = new ArrayList<>(List.of("municipality_code", "area", "service", "name", "own_service",
                "row", "status"));
        ctx.schema.stages().forEach(s -> cols.add("stage_" + lower(s)));
        cols.addAll(List.of("usage", "depth", "realised_net", "potential_net", "target", "system", "notes", "round"));
        return cols;
    }

    /** One row per service of each municipality, made as it is written ({@link Table#lazy}). */
    Table services() {
        List<MunicipalityFigures> of = new ArrayList<>();
        List<ServiceFigures> services = new ArrayList<>();
        for (MunicipalityFigures m : ctx.municipalities) {
            for (ServiceFigures s : m.services()) {
                of.add(m);
                services.add(s);
            }
        }
        return Table.lazy(SERVICES, serviceColumns(), services.size(), i -> serviceRow(of.get(i), services.get(i)));
    }

    /**
     * One row of services.csv. A method of its own: the JIT compiles a method after a few hundred
     * calls, while the loop body of a method called once ran interpreted for all ~25,000 rows.
     */
    private List<Object> serviceRow(MunicipalityFigures m, ServiceFigures s) {
        ServiceRow row = ctx.row(m, s).orElse(null);
        List<Object> r = new ArrayList<>();
        r.add(m.code());
        r.add(s.area());
        r.add(s.id());
        r.add(s.name());
        r.add(s.id() == null);
        r.add(s.row() > 0 ? s.row() : null);
        r.add(id(s.status()));
        for (String st : ctx.schema.stages()) {
            r.add(id(s.stages().get(st)));
        }
        r.add(Num.share(s.usage()));
        r.add(Num.share(s.depth()));
        r.add(Num.euro(s.realisedNet()));
        r.add(Num.euro(s.potentialNet()));
        r.add(Num.euro(s.target()));
        r.add(row == null ? null : row.system());
        r.add(row == null ? null : row.notes());
        r.add(ctx.round());
        return r;
    }

    /** Long form: one row per (area, statistic). Units: count, persons, share, index, eur. */
    Table national() {
        Table.Builder t = new Table.Builder(NATIONAL, "area", "statistic", "value", "unit");
        for (NationalRows.Stat s : NationalRows.of(ctx.national, ctx.allAndAreas(), ctx.levels())) {
            t.row(s.area(), s.statistic(), s.rounded(), s.unit());
        }
        return t.build();
    }

    static <V> V get(Map<String, V> m, String key) {
        return m == null ? null : m.get(key);
    }

    Table serviceStats() {
        Table.Builder t = new Table.Builder(SERVICE_STATS, "service", "area", "name", "in_use_share", "planned_share",
                "not_adopted_share", "unanswered_share", "mean_usage", "mean_depth");
        List<ServiceStats> list = new ArrayList<>(ctx.national.services());
        list.sort(Comparator.comparing(ServiceStats::id));
        for (ServiceStats s : list) {
            String name = ctx.serviceOfAnyVersion(s.id()).map(c -> c.name().get(ctx.options.lang())).orElse(null);
            t.row(s.id(), s.area(), name, Num.share(s.inUseShare()), Num.share(s.plannedShare()),
                    Num.share(s.notAdoptedShare()), Num.share(s.unansweredShare()), Num.share(s.meanUsage()),
                    Num.share(s.meanDepth()));
        }
        return t.build();
    }

    Table regions() {
        Table.Builder t = new Table.Builder(REGIONS, "region", "respondents", "mean_index");
        List<RegionStats> list = new ArrayList<>(ctx.national.regions());
        list.sort(Comparator.comparing(RegionStats::region, Comparator.nullsLast(Comparator.naturalOrder())));
        for (RegionStats r : list) {
            t.row(r.region(), r.respondents(), Num.share(r.meanIndex()));
        }
        return t.build();
    }

    Table files() {
        Table.Builder t = new Table.Builder(FILES, FILE_COLUMNS);
        for (FileResult f : ctx.files) {
            t.row(f.file(), f.outcome().id(), f.outcome().text().get(ctx.options.lang()), f.municipalityCode(),
                    f.reason() == null ? null : f.reason().get(ctx.options.lang()), f.reasonCode(),
                    count(f, Severity.ERROR), count(f, Severity.WARNING), f.findingsTruncated(), f.round());
        }
        return t.build();
    }

    Table findings() {
        Table.Builder t = new Table.Builder(FINDINGS, FINDING_COLUMNS);
        for (FileResult f : ctx.files) {
            for (Finding x : f.findings()) {
                t.row(f.file(), f.municipalityCode(), x.sheet(), x.cell(), x.id(), id(x.severity()),
                        x.message() == null ? null : x.message().fi(), x.message() == null ? null : x.message().en(),
                        x.message() == null ? null : x.message().sv(), f.round());
            }
        }
        return t.build();
    }
}
