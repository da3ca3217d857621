package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.Message;
import fi.digikunta.model.Outcome;
import fi.digikunta.findings.Severity;
import fi.digikunta.schema.Lang;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {
    private static final Message BROKEN = new Message("Tiedosto on vioittunut.", "Filen är skadad.",
            "The file is damaged.");
    private static final Message W = new Message("v", "v", "w");

    private static FileResult r(String file, Outcome o, String code, Message reason, Finding... f) {
        return new FileResult(file, o, code, reason, List.of(f), false, null, Instant.EPOCH, null);
    }

    @Test
    void summaryLinesInEachLanguage() {
        FileResult warned = r("espoo.xlsx", Outcome.ACCEPTED_WITH_WARNINGS, "049", null,
                new Finding(FindingCode.of("name-mismatch").orElseThrow(), Severity.WARNING, "Tiedot", "B3", W),
                new Finding(FindingCode.of("unknown-id").orElseThrow(), Severity.WARNING, "ASI", "A9", W));
        assertEquals("espoo.xlsx: Hyväksytty varoituksin (049), 2 varoitusta", ConsoleReporter.summaryLine(warned, Lang.FI));
        assertEquals("espoo.xlsx: Godkänd med varningar (049), 2 varningar", ConsoleReporter.summaryLine(warned, Lang.SV));
        assertEquals("espoo.xlsx: Accepted with warnings (049), 2 warnings", ConsoleReporter.summaryLine(warned, Lang.EN));
        FileResult rejected = r("rikki.xlsx", Outcome.REJECTED, null, BROKEN);
        assertEquals("rikki.xlsx: Hylätty – Tiedosto on vioittunut.", ConsoleReporter.summaryLine(rejected, Lang.FI));
        assertEquals("kesken.xlsx: Pending",
                ConsoleReporter.summaryLine(r("kesken.xlsx", Outcome.PENDING, null, null), Lang.EN));
        FileResult oneError = r("a.xlsx", Outcome.ACCEPTED, "091", null,
                new Finding(FindingCode.of("invalid-status").orElseThrow(), Severity.ERROR, "ASI", "C7", W));
        assertEquals("a.xlsx: Hyväksytty (091), 1 virhe", ConsoleReporter.summaryLine(oneError, Lang.FI));
    }

    @Test
    void controlCharactersInAFileNameCannotReachTheTerminal() {
        String line = ConsoleReporter.summaryLine(
                r("evil\u001b[2J\u202e.xlsx", Outcome.REJECTED, null, BROKEN), Lang.EN);
        assertEquals("evil?[2J?.xlsx: Rejected – The file is damaged.", line);
    }

    @Test
    void progressBarOnlyForAPersonAtATerminal() {
        assertTrue(ConsoleReporter.progressWanted(true, "xterm-256color", false, false));
        assertFalse(ConsoleReporter.progressWanted(false, "xterm", false, false), "cron, systemd: no console");
        assertFalse(ConsoleReporter.progressWanted(true, "dumb", false, false));
        assertFalse(ConsoleReporter.progressWanted(true, "xterm", false, true), "--quiet");
        assertFalse(ConsoleReporter.progressWanted(true, null, false, false));
        assertTrue(ConsoleReporter.progressWanted(true, null, true, false), "Windows consoles set no TERM");
    }

    @Test
    void withoutATerminalOnlyPlainLines() {
        StringWriter sw = new StringWriter();
        ConsoleReporter c = new ConsoleReporter(new PrintWriter(sw), Lang.FI, false, false, 2);
        c.file(r("a.xlsx", Outcome.ACCEPTED, "091", null));
        c.file(r("b.xlsx", Outcome.ACCEPTED, "049", null));
        c.finish();
        assertEquals("a.xlsx: Hyväksytty (091)" + System.lineSeparator() + "b.xlsx: Hyväksytty (049)"
                + System.lineSeparator(), sw.toString());
    }

    @Test
    void withATerminalTheBarFollowsTheLinesAndIsClearedAtTheEnd() {
        StringWriter sw = new StringWriter();
        ConsoleReporter c = new ConsoleReporter(new PrintWriter(sw), Lang.FI, false, true, 2);
        c.file(r("a.xlsx", Outcome.ACCEPTED, "091", null));
        c.file(r("b.xlsx", Outcome.ACCEPTED, "049", null));
        c.finish();
        String nl = System.lineSeparator();
        String bar1 = "[" + "#".repeat(15) + ".".repeat(15) + "] 1/2";
        String bar2 = "[" + "#".repeat(30) + "] 2/2";
        assertEquals("a.xlsx: Hyväksytty (091)" + nl + bar1 + "\r" + " ".repeat(bar1.length()) + "\r"
                + "b.xlsx: Hyväksytty (049)" + nl + bar2 + "\r" + " ".repeat(bar2.length()) + "\r", sw.toString());
    }

    @Test
    void quietPrintsNothing() {
        StringWriter sw = new StringWriter();
        ConsoleReporter c = new ConsoleReporter(new PrintWriter(sw), Lang.FI, true, true, 1);
        c.file(r("a.xlsx", Outcome.ACCEPTED, "091", null));
        c.note("ohitettu");
        c.finish();
        assertEquals("", sw.toString());
    }
}
