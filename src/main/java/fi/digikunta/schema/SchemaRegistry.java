package fi.digikunta.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema versions this build knows. Each version is a JSON resource
 * {@code /fi/digikunta/schema/v<N>.json}; adding v2 means adding a file and a line to
 * {@link #VERSIONS}, with no change to v1's data or code paths.
 */
public final class SchemaRegistry {
    /** Known versions, oldest first. */
    public static final List<String> VERSIONS = List.of("1");

    private final Map<String, Schema> byVersion;

    private SchemaRegistry(Map<String, Schema> byVersion) {
        this.byVersion = byVersion;
    }

    /** Loads and checks every known version; throws {@link SchemaException} on any defect. */
    public static SchemaRegistry load() {
        Map<String, Schema> m = new LinkedHashMap<>();
        for (String v : VERSIONS) {
            Schema s = loadResource("/fi/digikunta/schema/v" + v + ".json");
            if (!v.equals(s.schemaVersion())) {
                throw new SchemaException("v" + v + ".json declares schema_version " + s.schemaVersion());
            }
            List<String> problems = check(s);
            if (!problems.isEmpty()) {
                throw new SchemaException("schema v" + v + " is inconsistent: " + String.join("; ", problems));
            }
            m.put(v, s);
        }
        return new SchemaRegistry(Map.copyOf(m));
    }

    static Schema loadResource(String resource) {
        try (InputStream in = SchemaRegistry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SchemaException("schema resource missing: " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new SchemaException("cannot read schema " + resource + ": " + e.getMessage(), e);
        }
    }

    static Schema read(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        return mapper.readValue(in, Schema.class);
    }

    /** The newest version: what the template writes. */
    public Schema latest() {
        return byVersion.get(VERSIONS.get(VERSIONS.size() - 1));
    }

    /** The schema that reads workbooks of the given template version ("Lomakeversio"). */
    public Optional<Schema> forTemplateVersion(String templateVersion) {
        return byVersion.values().stream()
                .filter(s -> s.templateVersions().contains(templateVersion))
                .findFirst();
    }

    public Optional<Schema> version(String v) {
        return Optional.ofNullable(byVersion.get(v));
    }

    /** Consistency rules every schema version must satisfy; returns the problems found. */
    static List<String> check(Schema s) {
        List<String> p = new ArrayList<>();
        if (s.areas() == null || s.areas().isEmpty()) {
            p.add("no areas");
            return p;
        }
        Set<String> areaCodes = new HashSet<>();
        Set<String> tabNames = new HashSet<>();
        for (Schema.Area a : s.areas()) {
            if (!areaCodes.add(a.code())) {
                p.add("area " + a.code() + " twice");
            }
            for (String n : List.of(a.tab().fi(), a.tab().sv())) {
                if (!tabNames.add(Labels.normalize(n))) {
                    p.add("tab name '" + n + "' twice");
                }
            }
            for (String n : a.aliases()) {
                if (!tabNames.add(Labels.normalize(n))) {
                    p.add("tab alias '" + n + "' twice");
                }
            }
        }
        for (String role : List.of("instructions", "summary")) {
            Schema.Tab t = s.tabs().get(role);
            if (t == null) {
                p.add("tab role " + role + " missing");
            } else {
                for (String n : List.of(t.name().fi(), t.name().sv())) {
                    if (!tabNames.add(Labels.normalize(n))) {
                        p.add("tab name '" + n + "' twice");
                    }
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (Schema.CatalogueService c : s.catalogue()) {
            if (!ids.add(c.id())) {
                p.add("catalogue id " + c.id() + " twice");
            }
            if (!areaCodes.contains(c.area())) {
                p.add(c.id() + " has unknown area " + c.area());
            }
            if (!c.id().startsWith(c.area() + "-")) {
                p.add(c.id() + " does not start with its area code " + c.area());
            }
            if (c.name().en() == null) {
                p.add(c.id() + " has no English name");
            }
        }
        for (String a : areaCodes) {
            if (s.servicesOf(a).isEmpty()) {
                p.add("area " + a + " has no catalogue services");
            }
        }
        Set<String> keys = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (Schema.Column c : s.columns()) {
            if (!keys.add(c.key())) {
                p.add("column " + c.key() + " twice");
            }
            for (String l : List.of(c.label().fi(), c.label().sv())) {
                if (!labels.add(Labels.normalize(l))) {
                    p.add("column label '" + l + "' twice");
                }
            }
            if (!Set.of("id", "text", "status", "stage", "percent", "number").contains(c.type())) {
                p.add("column " + c.key() + " has unknown type " + c.type());
            }
        }
        if (s.column(s.areaSheet().headerKey()).isEmpty()) {
            p.add("header key " + s.areaSheet().headerKey() + " is not a column");
        }
        for (String st : s.stages()) {
            if (s.column("stage." + st).isEmpty()) {
                p.add("stage " + st + " has no column");
            }
        }
        for (String st : s.savingStages()) {
            if (!s.stages().contains(st)) {
                p.add("saving stage " + st + " is not a stage");
            }
            if (s.column("save." + st).isEmpty()) {
                p.add("saving stage " + st + " has no column");
            }
        }
        Schema.Weights w = s.figures().weights();
        if (Math.abs(w.coverage() + w.depth() + w.usage() - 1.0) > 1e-12) {
            p.add("weights do not add up to 1");
        }
        List<Double> t = s.figures().levelThresholds();
        for (int i = 1; i < t.size(); i++) {
            if (t.get(i) <= t.get(i - 1)) {
                p.add("level thresholds not ascending");
            }
        }
        if (s.figures().levels().size() != t.size() + 2) {
            p.add("level names must number thresholds + 2 (level 0 and one per band)");
        }
        if (s.statuses().isEmpty() || s.stageLevels().isEmpty()) {
            p.add("no status values or stage levels");
        }
        Set<String> idKeys = new HashSet<>();
        for (Schema.IdKey k : s.identification().keys()) {
            idKeys.add(k.key());
        }
        for (String required : List.of("name", "code", "date", "version")) {
            if (!idKeys.contains(required)) {
                p.add("identification key " + required + " missing");
            }
        }
        return p;
    }
}
