package fi.digikunta.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The consistency rules every schema version must satisfy; collects the problems in a fixed order. */
final class SchemaCheck {
    private static final Set<String> COLUMN_TYPES = Set.of("id", "text", "status", "stage", "percent", "number");

    private final Schema s;
    private final List<String> p = new ArrayList<>();

    private SchemaCheck(Schema s) {
        this.s = s;
    }

    static List<String> problems(Schema s) {
        SchemaCheck c = new SchemaCheck(s);
        if (s.areas() == null || s.areas().isEmpty()) {
            c.p.add("no areas");
            return c.p;
        }
        Set<String> areaCodes = c.tabs();
        c.catalogue(areaCodes);
        c.columns();
        c.stages();
        c.figures();
        c.identification();
        return c.p;
    }

    /** Adds {@code problem} when {@code key} was seen before. */
    private void once(Set<String> seen, String key, String problem) {
        if (!seen.add(key)) {
            p.add(problem);
        }
    }

    /** {@link #once} for the Finnish and the Swedish text, compared normalised. */
    private void onceEach(Set<String> seen, Localized text, String what) {
        for (String n : List.of(text.fi(), text.sv())) {
            once(seen, Labels.normalize(n), what + " '" + n + "' twice");
        }
    }

    /** Area codes and every tab name and alias, in both languages, are unique; returns the area codes. */
    private Set<String> tabs() {
        Set<String> areaCodes = new HashSet<>();
        Set<String> tabNames = new HashSet<>();
        for (Schema.Area a : s.areas()) {
            once(areaCodes, a.code(), "area " + a.code() + " twice");
            onceEach(tabNames, a.tab(), "tab name");
            for (String n : a.aliases()) {
                once(tabNames, Labels.normalize(n), "tab alias '" + n + "' twice");
            }
        }
        for (String role : List.of("instructions", "summary")) {
            Schema.Tab t = s.tabs().get(role);
            if (t == null) {
                p.add("tab role " + role + " missing");
            } else {
                onceEach(tabNames, t.name(), "tab name");
            }
        }
        return areaCodes;
    }

    private void catalogue(Set<String> areaCodes) {
        Set<String> ids = new HashSet<>();
        for (Schema.CatalogueService c : s.catalogue()) {
            once(ids, c.id(), "catalogue id " + c.id() + " twice");
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
    }

    private void columns() {
        Set<String> keys = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (Schema.Column c : s.columns()) {
            once(keys, c.key(), "column " + c.key() + " twice");
            onceEach(labels, c.label(), "column label");
            if (!COLUMN_TYPES.contains(c.type())) {
                p.add("column " + c.key() + " has unknown type " + c.type());
            }
        }
        if (s.column(s.areaSheet().headerKey()).isEmpty()) {
            p.add("header key " + s.areaSheet().headerKey() + " is not a column");
        }
    }

    private void stages() {
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
    }

    private void figures() {
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
    }

    private void identification() {
        Set<String> idKeys = new HashSet<>();
        for (Schema.IdKey k : s.identification().keys()) {
            idKeys.add(k.key());
            if (k.key().equals("round") && (!"round".equals(k.type()) || k.min() == null || k.max() == null
                    || k.min() > k.max())) {
                // The round's range is data (v2: 2016-2100); the validator needs both ends.
                p.add("identification key round needs type round and a min not above its max");
            }
        }
        for (String required : List.of("name", "code", "date", "version")) {
            if (!idKeys.contains(required)) {
                p.add("identification key " + required + " missing");
            }
        }
    }
}
