package fi.digikunta.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema versions this build knows. Each version is a JSON resource
 * {@code /fi/digikunta/schema/v<N>.json}; adding v2 means adding a file and a line to
 * {@link #VERSIONS}, with no change to v1's data or code paths.
 */
public final class SchemaRegistry {
    /** Known versions, oldest first. */
    public static final List<String> VERSIONS = List.of("1", "2");

    /** The registry of this process, once loaded: the resources are part of the jar and never change. */
    private static SchemaRegistry loaded;

    private final Map<String, Schema> byVersion;

    private SchemaRegistry(Map<String, Schema> byVersion) {
        this.byVersion = byVersion;
    }

    /**
     * Every known version, loaded and checked at the first call and shared after it (the schemas are
     * immutable); throws {@link SchemaException} on any defect, at every call.
     */
    public static synchronized SchemaRegistry load() {
        if (loaded == null) {
            loaded = loadAll();
        }
        return loaded;
    }

    private static SchemaRegistry loadAll() {
        Map<String, Schema> m = new LinkedHashMap<>();
        ObjectMapper mapper = mapper();
        for (String v : VERSIONS) {
            Schema s = loadResource(mapper, "/fi/digikunta/schema/v" + v + ".json");
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

    private static Schema loadResource(ObjectMapper mapper, String resource) {
        try (InputStream in = SchemaRegistry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SchemaException("schema resource missing: " + resource);
            }
            return mapper.readValue(in, Schema.class);
        } catch (IOException e) {
            throw new SchemaException("cannot read schema " + resource + ": " + e.getMessage(), e);
        }
    }

    static Schema read(InputStream in) throws IOException {
        return mapper().readValue(in, Schema.class);
    }

    /**
     * How a schema file maps onto {@link Schema}. {@link #load} reads every version with one mapper, so
     * its deserializers are built once: the second version then reads in a few milliseconds, not 0.05-0.1 s.
     */
    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
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
        return SchemaCheck.problems(s);
    }
}
