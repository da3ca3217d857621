package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.testing.ZipParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate end to end in-process: exit codes, stdout as data, stderr for everything else. */
class ValidateCommandTest {
    @TempDir
    Path inbox;

    void put(String name, byte[] b, String time) throws Exception {
        Path p = inbox.resolve(name);
        Files.write(p, b);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(time)));
    }

    /** A folder with one of each outcome (bar pending). */
    void mixedInbox() throws Exception {
        put("091-helsinki.xlsx", TestReturn.valid().toXlsx(), "2025-04-01T10:00:00Z");
        put("091-helsinki-vanha.xlsx", TestReturn.valid("091", "Helsinki", LocalDate.of(2025, 2, 1)).toXlsx(),
                "2025-04-02T10:00:00Z");
        TestReturn warn = TestReturn.valid("049", "Espoo", LocalDate.of(2025, 3, 1));
        warn.set("ASU", "ASU-01", "volume", "1 200");
        put("049-espoo.xlsx", warn.toXlsx(), "2025-04-01T10:00:00Z");
        put("rikki.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0}, "2025-04-01T10:00:00Z");
    }

    static Map<String, JsonNode> files(JsonNode doc) {
        Map<String, JsonNode> m = new HashMap<>();
        doc.get("files").forEach(f -> m.put(f.get("file").asText(), f));
        return m;
    }

    @Test
    void jsonIsTheOnlyThingOnStdout() throws Exception {
        mixedInbox();
        var r = CliTestSupport.run("validate", "--format", "json", inbox.toString()).expectExit(1);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("", r.err());
        assertEquals(1, doc.get("format_version").asInt());
        assertEquals("2", doc.get("schema_version").asText());
        assertTrue(doc.hasNonNull("tool_version"));
        assertEquals(4, doc.get("summary").get("files").asInt());
        assertEquals(1, doc.get("summary").get("rejected").asInt());
        Map<String, JsonNode> f = files(doc);
        assertEquals("accepted", f.get("091-helsinki.xlsx").get("outcome").asText());
        assertEquals("091", f.get("091-helsinki.xlsx").get("municipality_code").asText());
        assertTrue(f.get("091-helsinki.xlsx").get("reason").isNull());
        JsonNode old = f.get("091-helsinki-vanha.xlsx");
        assertEquals("superseded", old.get("outcome").asText());
        assertEquals("superseded", old.get("reason").get("code").asText());
        assertTrue(old.get("reason").get("en").asText().contains("091-helsinki.xlsx"));
        JsonNode espoo = f.get("049-espoo.xlsx");
        assertEquals("accepted_with_warnings", espoo.get("outcome").asText());
        JsonNode finding = espoo.get("findings").get(0);
        assertEquals("number-as-text", finding.get("code").asText());
        assertEquals("warning", finding.get("severity").asText());
        assertEquals("Asuminen, ympäristö, liikenne", finding.get("sheet").asText());
        assertEquals("L4", finding.get("cell").asText());
        assertTrue(finding.get("message_fi").asText().contains("1 200"));
        assertTrue(finding.get("message_en").asText().startsWith("The number is written as text"));
        assertTrue(finding.has("message_sv"));
        assertFalse(espoo.get("findings_truncated").asBoolean());
        JsonNode broken = f.get("rikki.xlsx");
        assertEquals("rejected", broken.get("outcome").asText());
        assertEquals("corrupt-zip", broken.get("reason").get("code").asText());
        assertTrue(broken.get("municipality_code").isNull());
        assertEquals("error", broken.get("findings").get(0).get("severity").asText());
    }

    @Test
    void failOnSetsTheExitCode() throws Exception {
        TestReturn warn = TestReturn.valid();
        warn.extraTabs.add("Muistiinpanot");
        put("091.xlsx", warn.toXlsx(), "2025-04-01T10:00:00Z");
        CliTestSupport.run("validate", inbox.toString()).expectExit(0);
        CliTestSupport.run("validate", "--fail-on", "warning", inbox.toString()).expectExit(1);
        TestReturn err = TestReturn.valid("049", "Espoo", LocalDate.of(2025, 3, 1));
        err.set("ASU", "ASU-01", "status", "ehkä");
        put("049.xlsx", err.toXlsx(), "2025-04-01T10:00:00Z");
        CliTestSupport.run("validate", inbox.toString()).expectExit(1);
        CliTestSupport.run("validate", "--fail-on", "never", inbox.toString()).expectExit(0);
    }

    @Test
    void textSummaryInTheChosenLanguage() throws Exception {
        mixedInbox();
        var fi = CliTestSupport.run("validate", inbox.toString()).expectExit(1);
        assertTrue(fi.out().contains("Hylätty"), fi.out());
        assertTrue(fi.out().contains("rikki.xlsx  corrupt-zip: Tiedosto on katkennut"), fi.out());
        assertTrue(fi.out().contains("number-as-text  'Asuminen, ympäristö, liikenne'!L4"), fi.out());
        assertTrue(fi.out().contains("Yhteensä: 1 Hyväksytty, 1 Hyväksytty varoituksin, 1 Korvattu uudemmalla, 1 Hylätty"),
                fi.out());
        var en = CliTestSupport.run("validate", "--lang", "en", inbox.resolve("rikki.xlsx").toString()).expectExit(1);
        assertTrue(en.out().contains("Rejected  rikki.xlsx  corrupt-zip: The file is truncated"), en.out());
    }

    @Test
    void aPathThatDoesNotExistIsAUsageError() {
        var r = CliTestSupport.run("validate", inbox.resolve("ei-ole").toString()).expectExit(2);
        assertTrue(r.err().contains("ei-ole"), r.err());
        assertEquals("", r.out());
        CliTestSupport.run("validate").expectExit(2);
        CliTestSupport.run("validate", "--format", "xml", inbox.toString()).expectExit(2);
    }

    /** A path given twice, or a file inside a folder given too, would be read twice: refused, as run does. */
    @Test
    void overlappingPathsAreAUsageError() throws Exception {
        mixedInbox();
        String file = inbox.resolve("049-espoo.xlsx").toString();
        for (String[] paths : List.of(new String[] {inbox.toString(), inbox.toString()},
                new String[] {file, inbox.toString()})) {
            var r = CliTestSupport.run("validate", "--lang", "en", paths[0], paths[1]);
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("overlap") && r.err().contains("checked twice"), r.err());
            assertEquals("", r.out());
        }
    }

    /** What the scan leaves out is said on stderr, as run says it: "0 files" alone looked like a pass. */
    @Test
    void aSkippedSubFolderIsNamedOnStderr() throws Exception {
        Path sub = Files.createDirectories(inbox.resolve("uusimaa"));
        Files.write(sub.resolve("091-helsinki.xlsx"), TestReturn.valid().toXlsx());
        var r = CliTestSupport.run("validate", "--lang", "en", "--format", "json", inbox.toString()).expectExit(0);
        assertTrue(r.err().contains("uusimaa") && r.err().contains("--recursive"), r.err());
        assertEquals(0, new ObjectMapper().readTree(r.out()).get("summary").get("files").asInt());
        var all = CliTestSupport.run("validate", "--lang", "en", "--format", "json", "-r", inbox.toString())
                .expectExit(0);
        assertEquals("", all.err());
        assertEquals(1, new ObjectMapper().readTree(all.out()).get("summary").get("files").asInt());
    }

    /** A broken municipality list fails the run (exit 3) naming the file once, in Finnish and English. */
    @Test
    void aBadMunicipalityListIsNamedOnce() throws Exception {
        mixedInbox();
        // The list is read before any return, so it may sit in the folder.
        Path bad = Files.writeString(inbox.resolve("kunnat.csv"), "x,y\n1,2\n");
        var r = CliTestSupport.run("validate", "--municipalities", bad.toString(), inbox.toString());
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains("kuntaluettelo ei kelpaa / municipality list not valid (--municipalities): "
                + bad + ": column"), r.err());
        assertEquals(1, r.err().split(java.util.regex.Pattern.quote(bad.toString()), -1).length - 1, r.err());
    }

    @Test
    void anExternalEntityNeverReachesTheOutput() throws Exception {
        Path secret = inbox.getParent().resolve("salaisuus-" + System.nanoTime() + ".txt");
        Files.writeString(secret, "SALAINEN-ARVO-42");
        try {
            put("xxe.xlsx", ZipParts.edit(TestReturn.valid().toXlsx(), "xl/worksheets/sheet2.xml", s -> s
                    .replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>")),
                    "2025-04-01T10:00:00Z");
            var r = CliTestSupport.run("validate", "--format", "json", inbox.toString()).expectExit(1);
            assertFalse(r.out().contains("SALAINEN") || r.err().contains("SALAINEN"));
            assertEquals("xml-doctype", files(new ObjectMapper().readTree(r.out())).get("xxe.xlsx").get("reason")
                    .get("code").asText());
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        var r = CliTestSupport.run("validate", "--help", "--lang", "en").expectExit(0);
        assertTrue(r.out().contains("--fail-on=error|warning|never"), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
        assertTrue(CliTestSupport.run("--help").out().contains("validate"));
    }
}
