package fi.digikunta.validate;

import fi.digikunta.model.StageLevel;
import fi.digikunta.model.Status;
import fi.digikunta.schema.Labels;
import fi.digikunta.schema.Localized;
import fi.digikunta.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One schema's labels and values, normalised once ({@link Labels#normalize}) for matching: tab
 * names and aliases, identification labels, column labels, status values and stage levels, each in
 * Finnish and Swedish. Built once per validator, never per file.
 */
final class SchemaIndex {
    final Schema schema;
    final Map<String, String> areaByTab = new HashMap<>();
    final Map<String, String> roleByTab = new HashMap<>();
    final Map<String, Schema.IdKey> idKeyByLabel = new HashMap<>();
    final Map<String, Schema.Column> columnByLabel = new HashMap<>();
    final Map<String, Status> statusByLabel = new HashMap<>();
    final Map<String, StageLevel> levelByLabel = new HashMap<>();
    final Map<String, Schema.Column> columns = new LinkedHashMap<>();
    final Localized allowedStatuses;
    final Localized allowedLevels;
    /** Catalogue services by id, and by area in catalogue order. */
    final Map<String, Schema.CatalogueService> serviceById = new HashMap<>();
    final Map<String, List<Schema.CatalogueService>> servicesByArea = new HashMap<>();
    /** Column key to its label as messages show it ({@link #asWritten}). */
    final Map<String, Localized> writtenLabels = new HashMap<>();
    /** Column keys of the stage and saving-stage columns, in schema order ("stage.X", "save.X"). */
    final List<String> stageKeys;
    final List<String> savingKeys;
    /**
     * {@link #key} of every label the schema knows, as written there: most workbook cells hold
     * exactly such a label, whose key is then looked up instead of normalised again.
     */
    private final Map<String, String> knownKeys = new HashMap<>();

    SchemaIndex(Schema s) {
        this.schema = s;
        indexTabs(s);
        indexLabels(s);
        allowedStatuses = join(s.statuses().stream().map(Schema.Choice::label).toList());
        allowedLevels = join(s.stageLevels().stream().map(Schema.StageLevelDef::label).toList());
        for (Schema.CatalogueService c : s.catalogue()) {
            serviceById.putIfAbsent(c.id(), c);
            servicesByArea.computeIfAbsent(c.area(), a -> new ArrayList<>()).add(c);
        }
        servicesByArea.replaceAll((a, l) -> List.copyOf(l));
        for (Schema.Column c : s.columns()) {
            writtenLabels.put(c.key(), asWritten(c.label()));
        }
        stageKeys = s.stages().stream().map(st -> "stage." + st).toList();
        savingKeys = s.savingStages().stream().map(st -> "save." + st).toList();
        for (Localized l : allLabels(s)) {
            knownKeys.put(l.fi(), key(l.fi()));
            knownKeys.put(l.sv(), key(l.sv()));
        }
    }

    /** Area tabs and the other tabs (summary, instructions) by name and alias. */
    private void indexTabs(Schema s) {
        for (Schema.Area a : s.areas()) {
            areaByTab.put(key(a.tab().fi()), a.code());
            areaByTab.put(key(a.tab().sv()), a.code());
            a.aliases().forEach(al -> areaByTab.put(key(al), a.code()));
        }
        s.tabs().forEach((role, t) -> {
            roleByTab.put(key(t.name().fi()), role);
            roleByTab.put(key(t.name().sv()), role);
            t.aliases().forEach(al -> roleByTab.put(key(al), role));
        });
    }

    /** Identification keys, columns, statuses and stage levels by their Finnish and Swedish labels. */
    private void indexLabels(Schema s) {
        for (Schema.IdKey k : s.identification().keys()) {
            idKeyByLabel.putIfAbsent(key(k.label().fi()), k);
            idKeyByLabel.putIfAbsent(key(k.label().sv()), k);
        }
        for (Schema.Column c : s.columns()) {
            columns.put(c.key(), c);
            columnByLabel.put(key(c.label().fi()), c);
            columnByLabel.put(key(c.label().sv()), c);
        }
        for (Schema.Choice c : s.statuses()) {
            Status st = Status.valueOf(c.code());
            statusByLabel.put(key(c.label().fi()), st);
            statusByLabel.put(key(c.label().sv()), st);
        }
        for (Schema.StageLevelDef d : s.stageLevels()) {
            StageLevel l = StageLevel.valueOf(d.code());
            levelByLabel.put(key(d.label().fi()), l);
            levelByLabel.put(key(d.label().sv()), l);
        }
    }

    /** Every label the schema knows, tab aliases as one text in all languages. */
    private static List<Localized> allLabels(Schema s) {
        List<Localized> labels = new ArrayList<>();
        s.areas().forEach(a -> {
            labels.add(a.tab());
            a.aliases().forEach(al -> labels.add(new Localized(al, al, al)));
        });
        s.tabs().values().forEach(t -> {
            labels.add(t.name());
            t.aliases().forEach(al -> labels.add(new Localized(al, al, al)));
        });
        s.identification().keys().forEach(k -> labels.add(k.label()));
        s.columns().forEach(c -> labels.add(c.label()));
        s.statuses().forEach(c -> labels.add(c.label()));
        s.stageLevels().forEach(d -> labels.add(d.label()));
        return labels;
    }

    /** {@link #key} of a text, looked up when it is a label of the schema as written there. */
    String keyOf(String text) {
        String k = text == null ? null : knownKeys.get(text);
        return k != null ? k : key(text);
    }

    /** The catalogue services of an area, in catalogue order. */
    List<Schema.CatalogueService> servicesOf(String area) {
        return servicesByArea.getOrDefault(area, List.of());
    }

    /**
     * A label as matched: normalised, with a trailing colon or asterisk (a "required" mark) taken off,
     * so that "Kunta:" and "Tunnus *" still match.
     */
    static String key(String text) {
        String n = Labels.normalize(text);
        int end = n.length();
        while (end > 0 && (n.charAt(end - 1) == ':' || n.charAt(end - 1) == '*' || n.charAt(end - 1) == ' ')) {
            end--;
        }
        return n.substring(0, end);
    }

    /**
     * A label as a message shows it: Finnish and Swedish as they are; in English the labels the
     * workbook actually has, "Finnish (Swedish)", since no workbook carries the English ones.
     */
    static Localized asWritten(Localized l) {
        return new Localized(l.fi(), l.sv(), l.fi().equals(l.sv()) ? l.fi() : l.fi() + " (" + l.sv() + ")");
    }

    /** Labels joined with commas, each language on its own. */
    static Localized join(List<Localized> labels) {
        return new Localized(labels.stream().map(Localized::fi).collect(Collectors.joining(", ")),
                labels.stream().map(Localized::sv).collect(Collectors.joining(", ")),
                labels.stream().map(l -> asWritten(l).en()).collect(Collectors.joining(", ")));
    }
}
