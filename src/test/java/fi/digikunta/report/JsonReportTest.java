package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fi.digikunta.model.RunResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** report.json: validates against docs/report.schema.json, and carries the figures, rounded. */
class JsonReportTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonSchema SCHEMA = loadSchema();

    static JsonSchema loadSchema() {
        try (InputStream in = Files.newInputStream(Path.of("docs/report.schema.json"))) {
            SchemaValidatorsConfig cfg = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, cfg);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(RunResult run) {
        return ReportSet.render(run, ReportOptions.defaults()).get("report.json");
    }

    static JsonNode json(RunResult run) throws Exception {
        return MAPPER.readTree(bytes(run));
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(Arguments.of("empty", TestRuns.empty()), Arguments.of("oneAccepted", TestRuns.oneAccepted()),
                Arguments.of("oneRejected", TestRuns.oneRejected()), Arguments.of("superseded", TestRuns.superseded()),
                Arguments.of("manyFindings", TestRuns.manyFindings()), Arguments.of("twelve", TestRuns.twelve()),
                Arguments.of("rounding", CsvReportTest.roundingRun()),
                Arguments.of("hostile", TestRuns.hostile("<script>alert(1)</script>\u0000\r\n\"")),
                Arguments.of("sinceChanges", TestRuns.sinceChanges()), Arguments.of("sinceFirstRun",
                        TestRuns.sinceFirstRun()), Arguments.of("sinceUnreadable", TestRuns.sinceUnreadable()),
                Arguments.of("sinceNothing", TestRuns.sinceNothing()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void realOutputValidatesAgainstThePublishedSchema(String name, RunResult run) throws Exception {
        Set<ValidationMessage> errors = SCHEMA.validate(json(run));
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void theSchemaRejectsWhatItShould() throws Exception {
        ObjectNode doc = (ObjectNode) json(TestRuns.superseded());
        doc.remove("national");
        assertFalse(SCHEMA.validate(doc).isEmpty(), "national is required");
        ObjectNode doc2 = (ObjectNode) json(TestRuns.superseded());
        ((ObjectNode) doc2.get("municipalities").get(0).get("areas").get(0)).put("coverage", 1.5);
        assertFalse(SCHEMA.validate(doc2).isEmpty(), "a share above 1");
        ObjectNode doc3 = (ObjectNode) json(TestRuns.superseded());
        ((ObjectNode) doc3.get("files").get(0)).put("outcome", "ok");
        assertFalse(SCHEMA.validate(doc3).isEmpty(), "an unknown outcome");
    }

    @Test
    void theSchemaHoldsSincePreviousRunToItsShape() throws Exception {
        JsonNode good = json(TestRuns.sinceChanges());
        assertTrue(SCHEMA.validate(good).isEmpty());
        ObjectNode status = good.deepCopy();
        ((ObjectNode) status.at("/since_previous_run/changed_figures/0")).put("status", "moved");
        assertFalse(SCHEMA.validate(status).isEmpty(), "an unknown status");
        ObjectNode firstRunWithList = good.deepCopy();
        ((ObjectNode) firstRunWithList.get("since_previous_run")).put("first_run", true);
        assertFalse(SCHEMA.validate(firstRunWithList).isEmpty(), "a first run lists nothing");
        ObjectNode rejectedAsNew = good.deepCopy();
        ((ObjectNode) rejectedAsNew.at("/since_previous_run/new_returns/0")).put("outcome", "rejected");
        assertFalse(SCHEMA.validate(rejectedAsNew).isEmpty(), "a new return counts");
        ObjectNode extra = good.deepCopy();
        ((ObjectNode) extra.at("/since_previous_run/changed_figures/0/changes/0")).put("delta", 1);
        assertFalse(SCHEMA.validate(extra).isEmpty(), "no unknown fields");
        ObjectNode noList = good.deepCopy();
        ((ObjectNode) noList.get("since_previous_run")).remove("newly_rejected");
        assertFalse(SCHEMA.validate(noList).isEmpty(), "every list is there");
        ObjectNode textValue = good.deepCopy();
        ((ObjectNode) textValue.at("/since_previous_run/changed_figures/0/changes/0")).put("after", "3,1");
        assertFalse(SCHEMA.validate(textValue).isEmpty(), "values are numbers");
    }

    @Test
    void sincePreviousRunListsWhatChanged() throws Exception {
        JsonNode s = json(TestRuns.sinceChanges()).get("since_previous_run");
        assertFalse(s.get("first_run").asBoolean());
        assertEquals("2026-03-01T02:00:00Z", s.get("previous_generated_at").asText());
        assertEquals("inari.xlsx", s.at("/new_returns/0/file").asText());
        assertEquals(1, s.get("new_returns").size());
        assertEquals("helsinki-vanha.xlsx", s.at("/superseded_returns/0/file").asText());
        assertEquals("salattu.xlsx", s.at("/newly_rejected/0/file").asText());
        assertEquals("encrypted", s.at("/newly_rejected/0/reason_code").asText());
        List<String> statuses = new java.util.ArrayList<>();
        s.get("changed_figures").forEach(m -> statuses.add(m.get("municipality_code").asText() + " " + m.get("status").asText()));
        assertEquals(List.of("091 changed", "148 new", "245 gone"), statuses);
        assertFalse(json(TestRuns.superseded()).has("since_previous_run"), "no section without a previous-run check");
    }

    @Test
    void carriesTheCoreShapeInSnakeCase() throws Exception {
        JsonNode j = json(TestRuns.superseded());
        assertEquals(2, j.get("format_version").asInt());
        assertEquals("0.1.0-test", j.get("tool_version").asText());
        assertEquals("1", j.get("schema_version").asText());
        assertEquals("2026-03-01T02:00:00Z", j.get("generated_at").asText());
        JsonNode rejected = j.get("files").get(3);
        assertEquals("salattu.xlsx", rejected.get("file").asText());
        assertEquals("rejected", rejected.get("outcome").asText());
        assertEquals("encrypted", rejected.get("reason").get("code").asText());
        assertEquals("The file is password-protected", rejected.get("reason").get("en").asText());
        assertTrue(j.get("files").get(0).get("reason").isNull());
        JsonNode inari = j.get("municipalities").get(1);
        assertEquals("148", inari.get("municipality_code").asText(), "the name of every CSV");
        assertFalse(inari.has("code"));
        assertEquals("name-mismatch", inari.get("findings").get(0).get("code").asText());
        assertEquals("B2", inari.get("findings").get(0).get("cell").asText());
        assertEquals(6, inari.get("areas").size());
        assertEquals(2, j.get("national").get("respondents").asInt());
        assertEquals(7, j.get("national").get("index").size(), "ALL and six areas");
        for (Iterator<String> it = j.get("national").get("levels").get("ALL").fieldNames(); it.hasNext();) {
            assertTrue(it.next().matches("level_[0-4]"), "named as the statistics of national.csv");
        }
    }

    @Test
    void numbersAreRoundedJsonNumbersAndNullStaysNull() throws Exception {
        String text = new String(bytes(CsvReportTest.roundingRun()), StandardCharsets.UTF_8);
        JsonNode area = MAPPER.readTree(text).get("municipalities").get(0).get("areas").get(0);
        assertTrue(area.get("coverage").isNumber());
        assertEquals("0.6667", area.get("coverage").asText());
        assertTrue(area.get("depth").isNull());
        assertEquals(-12.5, area.get("savings").get("realised_net").asDouble());
        assertTrue(text.contains("\"realised_net\":-12.50,"), "plain JSON number, 2 decimals");
        assertTrue(text.contains("\"target\":10000000.00,"), "never exponent notation");
        assertFalse(text.contains("\r"), "LF line ends only");
        assertTrue(text.endsWith("}\n"));
        assertEquals(text.length() - 1, text.indexOf('\n'), "compact: one line, no indentation");
    }
}
