package fi.digikunta.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a schema resource into {@link Schema} with jackson-core's streaming parser and explicit
 * mapping. Databind's bean introspection of these 14 record types cost about a third of an empty
 * run's CPU (docs/performance.md, "Issue 16: start-up"). As strict as the databind mapping it
 * replaces: an unknown or missing field (other than the nullable ones) is a {@link SchemaException}.
 */
final class SchemaJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private SchemaJson() {
    }

    static Schema read(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            Object root = value(p, p.nextToken());
            if (p.nextToken() != null) {
                throw new SchemaException("schema: content after the document");
            }
            return schema(new Obj(root, "schema"));
        }
    }

    /** The document as maps (in document order), lists, strings, numbers, booleans and nulls. */
    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new SchemaException("schema: unexpected end of document");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (m.put(name, value(p, p.nextToken())) != null) {
                        throw new SchemaException("schema: field " + name + " twice");
                    }
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    l.add(value(p, e));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return t == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new SchemaException("schema: unexpected " + t);
        }
    }

    private static Schema schema(Obj o) {
        o.only("schema_version description template_versions tabs areas identification area_sheet columns statuses"
                + " stage_levels stages saving_stages figures catalogue");
        return new Schema(o.text("schema_version"), o.text("description"), o.texts("template_versions"),
                o.map("tabs", rec("name aliases", t -> new Schema.Tab(localized(t.obj("name")), t.texts("aliases")))),
                o.list("areas", rec("code tab aliases",
                        a -> new Schema.Area(a.text("code"), localized(a.obj("tab")), a.texts("aliases")))),
                o.obj("identification", rec("label_column value_column max_row keys", SchemaJson::identification)),
                o.obj("area_sheet", rec("title_row header_search_rows header_key", s -> new Schema.AreaSheet(
                        s.integer("title_row"), s.integer("header_search_rows"), s.text("header_key")))),
                o.list("columns", rec("key label type required min max", c -> new Schema.Column(c.text("key"),
                        localized(c.obj("label")), c.text("type"), c.bool("required"), c.decimal("min"),
                        c.decimal("max")))),
                o.list("statuses", rec("code label",
                        c -> new Schema.Choice(c.text("code"), localized(c.obj("label"))))),
                o.list("stage_levels", rec("code value label", l -> new Schema.StageLevelDef(l.text("code"),
                        l.wholeOrNull("value"), localized(l.obj("label"))))),
                o.texts("stages"), o.texts("saving_stages"),
                o.obj("figures", rec("weights max_stage_value level_thresholds levels", SchemaJson::figures)),
                o.list("catalogue", rec("id area name", s -> new Schema.CatalogueService(s.text("id"),
                        s.text("area"), localized(s.obj("name"))))));
    }

    private static Schema.Identification identification(Obj o) {
        return new Schema.Identification(o.text("label_column"), o.text("value_column"), o.integer("max_row"),
                o.list("keys", rec("key label required type min max", k -> new Schema.IdKey(k.text("key"),
                        localized(k.obj("label")), k.bool("required"), k.text("type"), k.decimal("min"),
                        k.decimal("max")))));
    }

    private static Schema.Figures figures(Obj o) {
        return new Schema.Figures(
                o.obj("weights", rec("coverage depth usage",
                        w -> new Schema.Weights(w.number("coverage"), w.number("depth"), w.number("usage")))),
                o.integer("max_stage_value"), o.list("level_thresholds", Obj::asDouble),
                o.list("levels", rec("level name",
                        l -> new Schema.LevelName(l.integer("level"), localized(l.obj("name"))))));
    }

    private static Localized localized(Obj o) {
        if (o == null) {
            return null;
        }
        o.only("fi sv en");
        if (o.text("fi") == null || o.text("sv") == null) {
            return o.fail("fi and sv expected");
        }
        return new Localized(o.text("fi"), o.text("sv"), o.text("en"));
    }

    /** Maps an object of exactly the given fields (space-separated) with {@code f}. */
    private static <T> Function<Obj, T> rec(String fields, Function<Obj, T> f) {
        return o -> {
            o.only(fields);
            return f.apply(o);
        };
    }

    /**
     * One JSON value being mapped, with its path for messages. Absent and null fields of object or
     * list type are null, as databind gave; absent primitives are an error.
     */
    private record Obj(Object value, String where) {
        private Map<?, ?> fields() {
            if (value instanceof Map<?, ?> m) {
                return m;
            }
            throw new SchemaException(where + ": an object expected");
        }

        private Object get(String name) {
            return fields().get(name);
        }

        /** Fails on a field not in {@code names} (space-separated). */
        void only(String names) {
            Set<String> known = Set.of(names.split(" "));
            for (Object k : fields().keySet()) {
                if (!known.contains(k)) {
                    throw new SchemaException(where + ": unknown field " + k);
                }
            }
        }

        Obj obj(String name) {
            Object v = get(name);
            return v == null ? null : new Obj(v, where + "." + name);
        }

        <T> T obj(String name, Function<Obj, T> f) {
            Obj o = obj(name);
            return o == null ? null : f.apply(o);
        }

        String text(String name) {
            Object v = get(name);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            throw new SchemaException(where + "." + name + ": a string expected");
        }

        List<String> texts(String name) {
            return list(name, e -> e.value instanceof String s ? s : e.fail("a string expected"));
        }

        boolean bool(String name) {
            if (get(name) instanceof Boolean b) {
                return b;
            }
            throw new SchemaException(where + "." + name + ": true or false expected");
        }

        Double decimal(String name) {
            Object v = get(name);
            return v == null ? null : new Obj(v, where + "." + name).asDouble();
        }

        double number(String name) {
            Double d = decimal(name);
            if (d == null) {
                throw new SchemaException(where + "." + name + ": a number expected");
            }
            return d;
        }

        Integer wholeOrNull(String name) {
            Object v = get(name);
            if (v == null) {
                return null;
            }
            if (v instanceof Integer i) {
                return i;
            }
            throw new SchemaException(where + "." + name + ": a whole number expected");
        }

        int integer(String name) {
            Integer i = wholeOrNull(name);
            if (i == null) {
                throw new SchemaException(where + "." + name + ": a whole number expected");
            }
            return i;
        }

        Double asDouble() {
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            return fail("a number expected");
        }

        <T> T fail(String what) {
            throw new SchemaException(where + ": " + what);
        }

        <T> List<T> list(String name, Function<Obj, T> element) {
            Object v = get(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> l)) {
                throw new SchemaException(where + "." + name + ": a list expected");
            }
            List<T> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(element.apply(new Obj(l.get(i), where + "." + name + "[" + i + "]")));
            }
            return List.copyOf(out);
        }

        <T> Map<String, T> map(String name, Function<Obj, T> element) {
            Obj o = obj(name);
            if (o == null) {
                return null;
            }
            Map<String, T> out = new LinkedHashMap<>();
            o.fields().forEach((k, e) -> out.put((String) k, element.apply(new Obj(e, o.where + "." + k))));
            return Collections.unmodifiableMap(out);
        }
    }
}
