package fi.digikunta.validate;

import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The index of every schema version, built once per validator, and the template versions they accept. */
final class SchemaIndexes {
    private final SchemaRegistry registry;
    private final Map<String, SchemaIndex> byVersion = new HashMap<>();
    private final SchemaIndex latest;

    SchemaIndexes(SchemaRegistry registry) {
        this.registry = registry;
        for (String v : SchemaRegistry.VERSIONS) {
            registry.version(v).ifPresent(s -> byVersion.put(v, new SchemaIndex(s)));
        }
        this.latest = new SchemaIndex(registry.latest());
    }

    /** The latest schema: tabs and identification labels are found with it before the version is known. */
    SchemaIndex latest() {
        return latest;
    }

    /** The index of the schema a template version names; empty for an unknown version. */
    Optional<SchemaIndex> forTemplateVersion(String templateVersion) {
        Optional<Schema> s = registry.forTemplateVersion(templateVersion);
        return s.map(x -> byVersion.getOrDefault(x.schemaVersion(), latest));
    }

    /** Whether every known version requires an identification key (v1 has no round, so not the round). */
    boolean requiredByEvery(String key) {
        return byVersion.values().stream().allMatch(ix -> ix.schema.idKey(key).map(Schema.IdKey::required)
                .orElse(false));
    }

    /** Every template version some schema accepts, as a message lists them. */
    String knownTemplateVersions() {
        List<String> known = new ArrayList<>();
        for (String sv : SchemaRegistry.VERSIONS) {
            registry.version(sv).ifPresent(x -> known.addAll(x.templateVersions()));
        }
        return String.join(", ", known);
    }
}
