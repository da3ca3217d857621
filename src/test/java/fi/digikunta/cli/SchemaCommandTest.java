package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {
    @Test
    void jsonOnStdoutListsTabsColumnsAndCatalogue() throws Exception {
        var r = CliTestSupport.run("schema", "--format", "json").expectExit(0);
        JsonNode n = new ObjectMapper().readTree(r.out());
        // The newest version by default; --schema-version 1 gives the old form.
        assertEquals("2", n.get("schema_version").asText());
        assertEquals(69, n.get("catalogue").size());
        JsonNode v1 = new ObjectMapper().readTree(CliTestSupport.run("schema", "--format", "json",
                "--schema-version", "1").expectExit(0).out());
        assertEquals(67, v1.get("catalogue").size());
        assertEquals("ASU-01", n.get("catalogue").get(0).get("id").asText());
        assertEquals("Boende, miljö, trafik", n.get("areas").get(0).get("tab").get("sv").asText());
        assertEquals("", r.err());
    }

    @Test
    void textNamesEveryServiceInTheChosenLanguage() {
        var r = CliTestSupport.run("schema", "--lang", "en").expectExit(0);
        assertTrue(r.out().contains("VIO-12  Youth council e-elections"), r.out());
        assertTrue(r.out().contains("Varhaiskasvatus- ja liikenne"), "aliases are shown");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwo() {
        var r = CliTestSupport.run("schema", "--bogus").expectExit(2);
        assertTrue(r.err().contains("--bogus"), r.err());
    }

    @Test
    void helpListsExitCodesInFinnishByDefaultAndEnglishOnRequest() {
        assertTrue(CliTestSupport.run("--help").expectExit(0).out().contains("Paluuarvot"));
        assertTrue(CliTestSupport.run("--help", "--lang", "en").out().contains("Exit codes"));
    }

    @Test
    void everyExitCodeIsListedFromTheEnumInTheHelpLanguage() {
        String sv = CliTestSupport.run("validate", "--help", "--lang", "sv").expectExit(0).out();
        assertTrue(sv.contains("Slutkoder"), sv);
        for (ExitCode c : ExitCode.values()) {
            assertTrue(sv.lines().anyMatch(l -> l.strip().startsWith(c.code() + " ")), c + "\n" + sv);
        }
        assertTrue(sv.contains("användningsfel"), sv);
        assertFalse(sv.contains("usage error"), sv);
    }

    @Test
    void everySubcommandHasVersionAndCompletionIsGenerated() {
        assertTrue(CliTestSupport.run("schema", "--version").expectExit(0).out().contains("digikunta"));
        assertTrue(CliTestSupport.run("generate-completion").expectExit(0).out().contains("complete -F"));
    }
}
