package fi.digikunta.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * datapackage.json: a Frictionless Data Package (v1, tabular profile) describing the CSV tables
 * beside it, so that R, pandas, DuckDB or frictionless read each column with its type (a
 * municipality code stays the text "020"). Column types and units are fixed here; the fi and en
 * descriptions are in DataPackage{,_en}.properties. docs/outputs.md documents the same columns.
 */
final class DataPackage {
    static final String FILE = "datapackage.json";
    static final String MUNICIPALITY_CODE_PATTERN = "^[0-9]{3}$";

    /** The suffix of a change column of trends.csv: typed and described as the column it is the change of. */
    private static final String CHANGE = "_change";

    private static final Properties FI = load("DataPackage.properties");
    private static final Properties EN = load("DataPackage_en.properties");

    /** A column's Table Schema type and its unit (count, persons, eur, share, index, level, code, text). */
    private record Kind(String type, String unit) {
    }

    private DataPackage() {
    }

    static void write(Tables tables, CsvDialect dialect, OutputStream out) throws IOException {
        JsonReportWriter.WRITER.writeValue(out, descriptor(tables, dialect));
        out.write('\n');
        out.flush();
    }

    static Map<String, Object> descriptor(Tables tables, CsvDialect dialect) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("profile", "tabular-data-package");
        d.put("name", "digikunta-run");
        d.put("title", "Kuntien digitalisaatioasteen arviointi / Municipal digitalisation assessment");
        List<Object> resources = new ArrayList<>();
        for (String name : Tables.NAMES) {
            resources.add(resource(name, tables.columns(name), dialect));
        }
        d.put("resources", resources);
        return d;
    }

    private static Map<String, Object> resource(String table, List<String> columns, CsvDialect dialect) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("profile", "tabular-data-resource");
        r.put("name", table);
        r.put("path", ReportSet.csvFileName(table));
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        // excel-fi starts with a BOM; readers that take "utf-8" skip it (frictionless, pandas' utf-8-sig).
        r.put("encoding", "utf-8");
        r.put("description", text(FI, "table." + table) + " / " + text(EN, "table." + table));
        Map<String, Object> dia = new LinkedHashMap<>();
        dia.put("delimiter", String.valueOf(dialect.format().getDelimiterString()));
        dia.put("doubleQuote", true);
        dia.put("lineTerminator", "\r\n");
        dia.put("quoteChar", "\"");
        dia.put("header", true);
        r.put("dialect", dia);
        Map<String, Object> schema = new LinkedHashMap<>();
        List<Object> fields = new ArrayList<>();
        for (String c : columns) {
            fields.add(field(table, c, dialect));
        }
        schema.put("fields", fields);
        schema.put("missingValues", List.of(""));
        keys(table, schema);
        r.put("schema", schema);
        return r;
    }

    private static Map<String, Object> field(String table, String column, CsvDialect dialect) {
        Kind k = kind(column);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", column);
        f.put("type", k.type());
        if (k.type().equals("number") && dialect.decimalSeparator() != '.') {
            f.put("decimalChar", String.valueOf(dialect.decimalSeparator()));
        }
        if (k.type().equals("boolean")) {
            f.put("trueValues", List.of("true"));
            f.put("falseValues", List.of("false"));
        }
        f.put("description", describe(EN, table, column));
        f.put("description_fi", describe(FI, table, column));
        f.put("unit", k.unit());
        Map<String, Object> constraints = new LinkedHashMap<>();
        if (column.equals("municipality_code")) {
            constraints.put("pattern", MUNICIPALITY_CODE_PATTERN);
        }
        if (column.equals("level")) {
            constraints.put("minimum", 0);
            constraints.put("maximum", 4);
        }
        if (!constraints.isEmpty()) {
            f.put("constraints", constraints);
        }
        return f;
    }

    /** Primary keys and the foreign keys between the tables (codes in files and findings may be unknown ones). */
    private static void keys(String table, Map<String, Object> schema) {
        switch (table) {
            case Tables.MUNICIPALITIES -> {
                schema.put("primaryKey", List.of("municipality_code"));
                schema.put("foreignKeys", List.of(fk("file", Tables.FILES, "file")));
            }
            case Tables.AREAS -> {
                schema.put("primaryKey", List.of("municipality_code", "area"));
                schema.put("foreignKeys", List.of(fk("municipality_code", Tables.MUNICIPALITIES, "municipality_code")));
            }
            case Tables.SERVICES -> schema.put("foreignKeys", List.of(
                    fk("municipality_code", Tables.MUNICIPALITIES, "municipality_code"),
                    fk("service", Tables.SERVICE_STATS, "service")));
            case Tables.NATIONAL -> schema.put("primaryKey", List.of("area", "statistic"));
            case Tables.SERVICE_STATS -> schema.put("primaryKey", List.of("service"));
            case Tables.REGIONS -> schema.put("primaryKey", List.of("region"));
            case Tables.FILES -> schema.put("primaryKey", List.of("file"));
            case Tables.FINDINGS -> schema.put("foreignKeys", List.of(fk("file", Tables.FILES, "file")));
            // No key to municipalities: a municipality that skipped the latest round is in trends only.
            case Tables.TRENDS -> schema.put("primaryKey", List.of("round", "municipality_code", "area"));
            case Tables.NATIONAL_TRENDS -> schema.put("primaryKey", List.of("round", "area", "statistic"));
            default -> throw new IllegalArgumentException(table);
        }
    }

    private static Map<String, Object> fk(String field, String resource, String refField) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("resource", resource);
        ref.put("fields", refField);
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("fields", field);
        k.put("reference", ref);
        return k;
    }

    private static Kind kind(String c) {
        if (c.endsWith(CHANGE)) {
            return kind(c.substring(0, c.length() - CHANGE.length()));
        }
        if (c.startsWith("index_") || c.endsWith("_share") || c.startsWith("mean_")) {
            return new Kind("number", c.equals("mean_index") || c.startsWith("index_") ? "index" : "share");
        }
        if (c.startsWith("stage_") || c.startsWith("message_") || c.endsWith("_name")) {
            return new Kind("string", c.startsWith("stage_") ? "code" : "text");
        }
        return switch (c) {
            case "population" -> new Kind("integer", "persons");
            case "level" -> new Kind("integer", "level");
            case "in_use", "planned", "not_adopted", "unanswered", "computable_in_use", "errors", "warnings",
                    "respondents" -> new Kind("integer", "count");
            case "row" -> new Kind("integer", "row");
            case "round", "previous_round" -> new Kind("integer", "year");
            case "index" -> new Kind("number", "index");
            case "coverage", "depth", "usage" -> new Kind("number", "share");
            case "realised_net", "potential_net", "target" -> new Kind("number", "eur");
            // national.csv is long form: each row's unit is in its unit column.
            case "value", "change" -> new Kind("number", "see unit column");
            case "own_service", "findings_truncated", "after_gap", "version_changed" ->
                    new Kind("boolean", "true/false");
            case "outcome", "area", "status", "severity", "code", "reason_code", "statistic", "unit", "service",
                    "schema_version" ->
                    new Kind("string", "code");
            default -> new Kind("string", "text");
        };
    }

    /** The column's description: a table's own ("services.name") before the shared one ("name"). */
    private static String describe(Properties p, String table, String column) {
        String own = p.getProperty(table + "." + column);
        if (own != null) {
            return own;
        }
        if (column.endsWith(CHANGE)) {
            return text(p, "*" + CHANGE).replace("{0}", column.substring(0, column.length() - CHANGE.length()));
        }
        for (String prefix : List.of("index_", "stage_", "message_")) {
            if (column.startsWith(prefix)) {
                return text(p, prefix + "*").replace("{0}", column.substring(prefix.length()).toUpperCase(
                        java.util.Locale.ROOT));
            }
        }
        return text(p, column);
    }

    private static String text(Properties p, String key) {
        String t = p.getProperty(key);
        if (t == null) {
            throw new IllegalStateException("no description for column " + key);
        }
        return t;
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = DataPackage.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
