package fi.digikunta.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the workbook schema: tabs, identification keys, column labels, allowed values,
 * the service catalogue and the weights and thresholds of the figures. Loaded from a versioned
 * JSON resource (see {@link SchemaRegistry}); nothing here is specific to v1. Its lists and maps are
 * unmodifiable copies: one registry serves the whole process.
 */
public record Schema(
        String schemaVersion,
        String description,
        List<String> templateVersions,
        Map<String, Tab> tabs,
        List<Area> areas,
        Identification identification,
        AreaSheet areaSheet,
        List<Column> columns,
        List<Choice> statuses,
        List<StageLevelDef> stageLevels,
        List<String> stages,
        List<String> savingStages,
        Figures figures,
        List<CatalogueService> catalogue) {

    public Schema {
        templateVersions = fixed(templateVersions);
        tabs = tabs == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tabs));
        areas = fixed(areas);
        columns = fixed(columns);
        statuses = fixed(statuses);
        stageLevels = fixed(stageLevels);
        stages = fixed(stages);
        savingStages = fixed(savingStages);
        catalogue = fixed(catalogue);
    }

    /** An unmodifiable copy in the same order (nulls kept, unlike List.copyOf). */
    static <T> List<T> fixed(List<T> l) {
        return l == null ? null : Collections.unmodifiableList(new ArrayList<>(l));
    }

    public record Tab(Localized name, List<String> aliases) {
        public Tab {
            aliases = fixed(aliases);
        }
    }

    public record Area(String code, Localized tab, List<String> aliases) {
        public Area {
            aliases = fixed(aliases);
        }
    }

    public record Identification(String labelColumn, String valueColumn, int maxRow, List<IdKey> keys) {
        public Identification {
            keys = fixed(keys);
        }
    }

    /** type: text, municipality_code, date, number, round; min and max bound a number or a round. */
    public record IdKey(String key, Localized label, boolean required, String type, Double min, Double max) {
    }

    /** The identification key of that name, if this version has it (v1 has no round). */
    public Optional<IdKey> idKey(String key) {
        return identification.keys().stream().filter(k -> k.key().equals(key)).findFirst();
    }

    public record AreaSheet(int titleRow, int headerSearchRows, String headerKey) {
    }

    /** type: id, text, status, stage, percent, number. */
    public record Column(String key, Localized label, String type, boolean required, Double min, Double max) {
    }

    public record Choice(String code, Localized label) {
    }

    /** value is null for "not applicable". */
    public record StageLevelDef(String code, Integer value, Localized label) {
    }

    public record Weights(double coverage, double depth, double usage) {
    }

    public record LevelName(int level, Localized name) {
    }

    public record Figures(Weights weights, int maxStageValue, List<Double> levelThresholds, List<LevelName> levels) {
        public Figures {
            levelThresholds = fixed(levelThresholds);
            levels = fixed(levels);
        }
    }

    public record CatalogueService(String id, String area, Localized name) {
    }

    public Optional<Area> area(String code) {
        return areas.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public Optional<CatalogueService> service(String id) {
        return catalogue.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Catalogue services of one area, in catalogue order. */
    public List<CatalogueService> servicesOf(String areaCode) {
        return catalogue.stream().filter(s -> s.area().equals(areaCode)).toList();
    }

    public Optional<Column> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** Level (0..4) of an index by the schema's thresholds; level 0 is decided by the caller. */
    public int bandOf(double index) {
        int level = 1;
        for (double t : figures.levelThresholds()) {
            if (index >= t) {
                level++;
            }
        }
        return level;
    }

    public Localized levelName(int level) {
        return figures.levels().stream().filter(l -> l.level() == level).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no level " + level)).name();
    }

    /** Area codes in catalogue order. */
    public List<String> areaCodes() {
        return areas.stream().map(Area::code).toList();
    }
}
