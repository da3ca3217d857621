package fi.digikunta.report;

import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.ServiceFigures;
import fi.digikunta.model.AreaReturn;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.model.RunResult;
import fi.digikunta.model.Trends;
import fi.digikunta.compute.TrendCalculator;
import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's result as every writer sees it: files sorted by name, municipalities by code, the
 * schema of the run, and look-ups the writers share. Sorting here, not trusting the caller's order,
 * is what makes two writes of the same result byte-identical.
 */
final class ReportContext {
    final RunResult run;
    final Schema schema;
    final ReportOptions options;
    final List<FileResult> files;
    final List<MunicipalityFigures> municipalities;
    final NationalFigures national;
    /** The municipality list of the run (every municipality, answered or not), sorted by code. */
    final List<Municipality> reference;
    private final Map<String, FileResult> fileByName = new LinkedHashMap<>();
    // Look-ups every page and table makes, indexed once rather than searched per page or per row.
    private final Map<String, MunicipalityFigures> byCode = new HashMap<>();
    private final Map<String, List<FileResult>> filesByCode = new HashMap<>();
    private final Map<String, Municipality> referenceByCode = new HashMap<>();
    private final Map<String, Schema.CatalogueService> services = new HashMap<>();
    /** Every form version's catalogue by id: a return is named by its own form's. */
    private final Map<String, Map<String, Schema.CatalogueService>> servicesByVersion = new HashMap<>();
    /** A counted file's service rows by area and row number, indexed when its first row is asked for. */
    private final Map<String, Map<String, Map<Integer, ServiceRow>>> rowsByFile = new ConcurrentHashMap<>();
    private Trends trends;

    ReportContext(RunResult run, ReportOptions options) {
        this.run = Objects.requireNonNull(run, "run");
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(run.figures(), "run.figures");
        SchemaRegistry reg = SchemaRegistry.load();
        this.schema = reg.version(run.schemaVersion()).orElseGet(reg::latest);
        List<FileResult> fs = new ArrayList<>(run.files());
        fs.sort(Comparator.comparing(FileResult::file));
        this.files = List.copyOf(fs);
        files.forEach(f -> fileByName.putIfAbsent(f.file(), f));
        List<MunicipalityFigures> ms = new ArrayList<>(run.figures().municipalities());
        ms.sort(Comparator.comparing(MunicipalityFigures::code));
        this.municipalities = List.copyOf(ms);
        this.national = run.figures().national();
        List<Municipality> ref = run.figures().reference().isEmpty()
                ? new ArrayList<>(MunicipalityList.builtIn().all()) : new ArrayList<>(run.figures().reference());
        ref.sort(Comparator.comparing(Municipality::code));
        this.reference = List.copyOf(ref);
        municipalities.forEach(m -> byCode.putIfAbsent(m.code(), m));
        files.forEach(f -> filesByCode.computeIfAbsent(f.municipalityCode(), k -> new ArrayList<>()).add(f));
        reference.forEach(m -> referenceByCode.putIfAbsent(m.code(), m));
        schema.catalogue().forEach(c -> services.putIfAbsent(c.id(), c));
        for (String v : SchemaRegistry.VERSIONS) {
            Map<String, Schema.CatalogueService> byId = new HashMap<>();
            reg.version(v).ifPresent(sv -> sv.catalogue().forEach(c -> byId.putIfAbsent(c.id(), c)));
            servicesByVersion.put(v, byId);
        }
    }

    /** The figures of a municipality (the first of its code), or null. */
    MunicipalityFigures municipality(String code) {
        return byCode.get(code);
    }

    /** The files of a municipality code, in file order. */
    List<FileResult> filesOf(String code) {
        return filesByCode.getOrDefault(code, List.of());
    }

    /** The run's municipality list entry of a code, or empty. */
    Optional<Municipality> referenceEntry(String code) {
        return Optional.ofNullable(referenceByCode.get(code));
    }

    /** The catalogue service of an id in the run's schema, as {@code schema.service(id)}. */
    Optional<Schema.CatalogueService> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    /**
     * The catalogue service of an id in the run's schema, else in another form version's (a service
     * v2 retired still has a national line in a round where v1 returns answered it).
     */
    Optional<Schema.CatalogueService> serviceOfAnyVersion(String id) {
        if (services.containsKey(id)) {
            return Optional.of(services.get(id));
        }
        return SchemaRegistry.VERSIONS.stream().map(v -> servicesByVersion.get(v).get(id)).filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * The catalogue service of an id as the form of {@code version} names it (v2 renamed VIO-09), else
     * as the run's schema does.
     */
    Optional<Schema.CatalogueService> service(String version, String id) {
        Map<String, Schema.CatalogueService> own = version == null ? null : servicesByVersion.get(version);
        return own != null && own.containsKey(id) ? Optional.of(own.get(id)) : service(id);
    }

    /** The round the headline figures describe (the latest); null when not known. */
    Integer round() {
        return run.figures().round();
    }

    /** Every round side by side, made when first asked for. */
    synchronized Trends trends() {
        if (trends == null) {
            trends = TrendCalculator.of(run.rounds());
        }
        return trends;
    }

    Optional<FileResult> file(String name) {
        return Optional.ofNullable(name == null ? null : fileByName.get(name));
    }

    /** The row a service's figures were computed from, for its free text (system, notes); empty if none. */
    Optional<ServiceRow> row(MunicipalityFigures m, ServiceFigures s) {
        if (s.row() <= 0) {
            return Optional.empty();
        }
        FileResult f = file(m.file()).orElse(null);
        if (f == null || f.ret() == null || s.area() == null) {
            return Optional.empty();
        }
        Map<String, Map<Integer, ServiceRow>> byArea = rowsByFile.computeIfAbsent(f.file(), k -> rows(f));
        return Optional.ofNullable(byArea.getOrDefault(s.area(), Map.of()).get(s.row()));
    }

    /** The first area of each code and, in it, the first row of each number (as a search would find). */
    private static Map<String, Map<Integer, ServiceRow>> rows(FileResult f) {
        Map<String, Map<Integer, ServiceRow>> byArea = new HashMap<>();
        for (AreaReturn a : f.ret().areas()) {
            if (!byArea.containsKey(a.area())) {
                Map<Integer, ServiceRow> rows = new HashMap<>();
                a.rows().forEach(r -> rows.putIfAbsent(r.row(), r));
                byArea.put(a.area(), rows);
            }
        }
        return byArea;
    }

    String levelName(int level) {
        return levelName(level, options.lang());
    }

    String levelName(int level, Lang lang) {
        return schema.levelName(level).get(lang);
    }

    /**
     * A municipality's name in the language: from its figures, else from the built-in reference
     * list (a rejected return has no figures but its code was read); null when the code is unknown.
     */
    String municipalityName(String code, Lang lang) {
        if (code == null) {
            return null;
        }
        MunicipalityFigures figures = byCode.get(code);
        if (figures != null) {
            return lang == Lang.SV ? figures.nameSv() : figures.nameFi();
        }
        return MunicipalityList.builtIn().byCode(code).map(m -> lang == Lang.SV ? m.nameSv() : m.nameFi())
                .orElse(null);
    }

    private static final Comparator<Integer> ROUND_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Åland's region in the reference list: its municipalities are Swedish-speaking (Autonomy Act). */
    private static final String ALAND = "Ahvenanmaa";

    /**
     * The language of a municipality's page: forced by the options, else that of the form it
     * returned (its counted return first, then any other of its returns whose tabs were read, a
     * rejected one too), else Swedish for Åland (the one official language the reference list
     * tells: it has no language column), else the report's language (--lang, Finnish by default).
     * With rounds, the counted return of the latest round.
     */
    Lang pageLang(String code) {
        if (options.pageLang() != null) {
            return options.pageLang();
        }
        // Files are in name order; with rounds each round has a counted return: the latest round's
        // decides, whatever the inbox folders are called.
        FileResult counted = null;
        Lang other = null;
        for (FileResult f : filesOf(code)) {
            if (f.language() != null) {
                if (f.outcome().counts()) {
                    if (counted == null || ROUND_ORDER.compare(f.round(), counted.round()) >= 0) {
                        counted = f;
                    }
                } else if (other == null) {
                    other = f.language();
                }
            }
        }
        if (counted != null || other != null) {
            return counted != null ? counted.language() : other;
        }
        boolean aland = referenceEntry(code).or(() -> MunicipalityList.builtIn().byCode(code)).map(m -> ALAND.equals(m.region())).orElse(false);
        return aland ? Lang.SV : options.lang();
    }

    /** "ALL" then the schema's area codes: the order of every per-area listing. */
    List<String> allAndAreas() {
        List<String> keys = new ArrayList<>();
        keys.add(NationalFigures.ALL);
        keys.addAll(schema.areaCodes());
        return keys;
    }

    /** Level numbers 0..max of the schema, ascending. */
    List<Integer> levels() {
        return schema.figures().levels().stream().map(Schema.LevelName::level).sorted().toList();
    }
}
