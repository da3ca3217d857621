package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fi.digikunta.model.RunResult;
import fi.digikunta.testing.CsvTable;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * datapackage.json is a valid Frictionless (tabular) Data Package, and every CSV written beside it
 * holds to its table schema: header, types, the municipality code pattern, primary and foreign keys.
 */
class DataPackageTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema PACKAGE = schema("tabular-data-package.json");
    private static final JsonSchema TABLE = schema("table-schema.json");

    private static JsonSchema schema(String name) {
        try (InputStream in = DataPackageTest.class.getResourceAsStream("/frictionless/" + name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("fi.digikunta.report.CsvReportTest#scenariosAndDialects")
    void theDescriptorIsValidAndEveryTableHoldsToItsSchema(String name, RunResult run, CsvDialect d)
            throws Exception {
        Map<String, byte[]> out = ReportSet.render(run, ReportOptions.defaults().withCsvDialect(d));
        check(out::get);
    }

    @Test
    void theSampleRunsGoldenTablesHoldToTheirDescriptor() throws Exception {
        Path dir = Path.of("samples/expected");
        check(f -> {
            try {
                return Files.readAllBytes(dir.resolve(f));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void theMunicipalityCodeIsTextWithThreeDigitsAndTheKeysJoinTheTables() throws Exception {
        JsonNode p = MAPPER.readTree(ReportSet.render(TestRuns.oneAccepted(), ReportOptions.defaults())
                .get("datapackage.json"));
        JsonNode areas = resource(p, "areas");
        JsonNode code = field(areas, "municipality_code");
        assertEquals("string", code.path("type").asText());
        assertEquals("^[0-9]{3}$", code.path("constraints").path("pattern").asText());
        assertTrue(code.path("description").asText().contains("leading zeros"), code.toString());
        assertTrue(code.path("description_fi").asText().contains("kuntanumero"), code.toString());
        assertEquals("[\"municipality_code\",\"area\"]", areas.path("schema").path("primaryKey").toString());
        assertEquals("municipalities", areas.path("schema").path("foreignKeys").get(0).path("reference")
                .path("resource").asText());
        assertEquals("eur", field(areas, "realised_net").path("unit").asText());
        assertEquals("number", field(areas, "realised_net").path("type").asText());

        JsonNode fi = MAPPER.readTree(ReportSet.render(TestRuns.oneAccepted(),
                ReportOptions.defaults().withCsvDialect(CsvDialect.EXCEL_FI)).get("datapackage.json"));
        assertEquals(";", resource(fi, "areas").path("dialect").path("delimiter").asText());
        assertEquals(",", field(resource(fi, "areas"), "index").path("decimalChar").asText());
    }

    @Test
    void theProfilesRefuseWhatTheSpecificationRefuses() throws Exception {
        JsonNode good = MAPPER.readTree(ReportSet.render(TestRuns.oneAccepted(), ReportOptions.defaults())
                .get("datapackage.json"));
        var badName = (com.fasterxml.jackson.databind.node.ObjectNode) good.deepCopy();
        badName.put("name", "Digikunta Run");
        assertTrue(!PACKAGE.validate(badName).isEmpty(), "a name with capitals and a space");
        var noResources = (com.fasterxml.jackson.databind.node.ObjectNode) good.deepCopy();
        noResources.putArray("resources");
        assertTrue(!PACKAGE.validate(noResources).isEmpty(), "no resources");
        var schema = (com.fasterxml.jackson.databind.node.ObjectNode) resource(good, "areas").path("schema")
                .deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) schema.path("fields").get(0)).put("type", "text");
        assertTrue(!TABLE.validate(schema).isEmpty(), "an unknown field type");
    }

    private static JsonNode resource(JsonNode p, String name) {
        for (JsonNode r : p.path("resources")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no resource " + name);
    }

    private static JsonNode field(JsonNode resource, String name) {
        for (JsonNode f : resource.path("schema").path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name);
    }

    /** Validates the descriptor and then every resource's CSV against its schema. */
    private static void check(Function<String, byte[]> files) throws Exception {
        JsonNode p = MAPPER.readTree(files.apply("datapackage.json"));
        Set<ValidationMessage> errors = PACKAGE.validate(p);
        assertTrue(errors.isEmpty(), "data package: " + errors);
        Map<String, List<Map<String, String>>> tables = new HashMap<>();
        assertEquals(ReportSet.tableNames().size(), p.path("resources").size());
        for (JsonNode r : p.path("resources")) {
            Set<ValidationMessage> e = TABLE.validate(r.path("schema"));
            assertTrue(e.isEmpty(), r.path("name").asText() + ": table schema: " + e);
            tables.put(r.path("name").asText(), rows(r, files.apply(r.path("path").asText())));
        }
        for (JsonNode r : p.path("resources")) {
            keys(r, tables);
        }
    }

    /** The CSV read as the descriptor says (delimiter, decimal char), each cell checked against its field. */
    private static List<Map<String, String>> rows(JsonNode r, byte[] bytes) {
        String name = r.path("path").asText();
        String text = new String(bytes, StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(r.path("dialect").path("delimiter").asText())
                .get();
        CsvTable t = CsvTable.parse(text, format);
        List<String> names = new ArrayList<>();
        r.path("schema").path("fields").forEach(f -> names.add(f.path("name").asText()));
        assertEquals(names, t.header, name + ": header = schema fields");
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord row : t.rows) {
            Map<String, String> m = new HashMap<>();
            for (JsonNode f : r.path("schema").path("fields")) {
                String v = row.get(f.path("name").asText());
                checkCell(name + " row " + row.getRecordNumber() + " " + f.path("name").asText(), f, v);
                m.put(f.path("name").asText(), v.isEmpty() ? null : v);
            }
            rows.add(m);
        }
        return rows;
    }

    private static void checkCell(String where, JsonNode f, String v) {
        if (v.isEmpty()) {
            return;
        }
        switch (f.path("type").asText()) {
            case "integer" -> assertTrue(v.matches("-?[0-9]+"), where + ": not an integer: " + v);
            case "number" -> {
                String dec = f.path("decimalChar").asText(".");
                assertTrue(v.matches("-?[0-9]+(" + Pattern.quote(dec) + "[0-9]+)?"), where + ": not a number: " + v);
                new BigDecimal(v.replace(dec, "."));
            }
            case "boolean" -> assertTrue(v.equals("true") || v.equals("false"), where + ": not a boolean: " + v);
            case "string" -> { }
            default -> throw new AssertionError(where + ": unexpected type " + f.path("type"));
        }
        JsonNode c = f.path("constraints");
        if (c.has("pattern")) {
            assertTrue(Pattern.compile(c.path("pattern").asText()).matcher(v).find(), where + ": " + v);
        }
        if (c.has("minimum")) {
            assertTrue(Long.parseLong(v) >= c.path("minimum").asLong() && Long.parseLong(v) <= c.path("maximum")
                    .asLong(), where + ": out of range: " + v);
        }
    }

    /** The primary key is unique and never empty; every non-empty foreign key is found in its table. */
    private static void keys(JsonNode r, Map<String, List<Map<String, String>>> tables) {
        String name = r.path("name").asText();
        List<Map<String, String>> rows = tables.get(name);
        JsonNode pk = r.path("schema").path("primaryKey");
        if (!pk.isMissingNode()) {
            Set<List<String>> seen = new HashSet<>();
            for (Map<String, String> row : rows) {
                List<String> key = new ArrayList<>();
                pk.forEach(k -> key.add(row.get(k.asText())));
                assertTrue(!key.contains(null), name + ": empty primary key " + key);
                assertTrue(seen.add(key), name + ": primary key twice: " + key);
            }
        }
        for (JsonNode fk : r.path("schema").path("foreignKeys")) {
            String field = fk.path("fields").asText();
            String other = fk.path("reference").path("resource").asText();
            String otherField = fk.path("reference").path("fields").asText();
            Set<String> known = new HashSet<>();
            tables.get(other).forEach(x -> known.add(x.get(otherField)));
            for (Map<String, String> row : rows) {
                String v = row.get(field);
                assertTrue(v == null || known.contains(v), name + "." + field + " " + v + " not in " + other);
            }
        }
    }
}
