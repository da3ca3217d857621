package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.pipeline.BatchRun;
import fi.digikunta.pipeline.ValidateRun;
import fi.digikunta.report.CsvDialect;
import fi.digikunta.schema.Lang;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Arguments to each command's options, through the real command line, without running anything. */
class ParseOnlyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** The subcommand object the arguments select, its fields set by picocli. */
    @SuppressWarnings("unchecked")
    static <T> T parse(String... args) {
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args);
        return (T) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void runOptionsCarryEveryOption() {
        RunCommand run = parse("run", "samples/inbox", "--out", "o", "--table", "areas.csv", "--csv-dialect",
                "excel-fi", "--lang", "sv", "-r", "--threads", "3", "--settle", "500ms", "--keep-history", "4", "-q",
                "--fail-on", "warning", "--round", "2025");
        BatchRun.Options o = run.toOptions(CLOCK);
        assertEquals(List.of(Path.of("samples/inbox")), o.inputs());
        assertEquals(List.of(2025), o.rounds().byInput());
        assertEquals(Path.of("o"), o.out());
        assertEquals("areas.csv", o.table());
        assertEquals(CsvDialect.EXCEL_FI, o.report().csvDialect());
        assertEquals(Lang.SV, o.report().lang());
        assertTrue(o.recursive());
        assertEquals(3, o.threads());
        assertEquals(Duration.ofMillis(500), o.settle());
        assertEquals(4, o.historyKeep());
        assertTrue(o.quiet());
        assertNull(o.archive());
        assertEquals(CLOCK, o.clock());
        assertEquals(FailOn.warning, run.batch.failOn);
    }

    @Test
    void runDefaults() {
        BatchRun.Options o = ParseOnlyTest.<RunCommand>parse("run", "samples/inbox", "--out", "o").toOptions(CLOCK);
        assertEquals(CsvDialect.RFC4180, o.report().csvDialect());
        assertEquals(Lang.FI, o.report().lang());
        assertFalse(o.recursive());
        assertEquals(Duration.ofSeconds(2), o.settle());
        assertEquals(30, o.historyKeep());
        assertTrue(o.threads() >= 1);
    }

    @Test
    void validateOptionsCarryEveryOption() {
        ValidateCommand v = parse("validate", "a.xlsx", "2024=b", "--format", "json", "--recursive", "--threads", "2",
                "--municipalities", "m.csv", "--lang", "en", "--fail-on", "never", "--round", "2025");
        ValidateRun.Options o = v.toOptions();
        assertEquals(List.of(Path.of("a.xlsx"), Path.of("b")), o.inboxes().inputs());
        assertEquals(java.util.Arrays.asList(2025, 2024), o.inboxes().byInput());
        assertEquals(2025, o.inboxes().defaultRound());
        assertEquals(ValidateRun.Format.json, o.format());
        assertTrue(o.recursive());
        assertEquals(2, o.threads());
        assertEquals(Path.of("m.csv"), o.municipalities());
        assertEquals(Lang.EN, o.lang());
        assertEquals(FailOn.never, v.batch.failOn);
    }

    @Test
    void theOtherCommands() {
        SchemaCommand s = parse("schema", "--format", "json", "--schema-version", "1");
        assertEquals(SchemaCommand.Format.json, s.format);
        assertEquals("1", s.version);
        TemplateCommand t = parse("template", "--lang", "sv", "--out", "x.xlsx", "--force");
        assertEquals(Lang.SV, t.common.lang());
        assertEquals(Path.of("x.xlsx"), t.out);
        assertTrue(t.force);
        SamplesCommand m = parse("samples", "--out", "d", "--seed", "7", "--count", "5");
        assertEquals(Path.of("d"), m.out);
        assertEquals(7, m.seed);
        assertEquals(5, m.count);
    }

    @Test
    void badValuesFailWhileParsing() {
        CommandLine cl = Main.commandLine();
        assertThrows(CommandLine.ParameterException.class, () -> cl.parseArgs("validate", "--format", "xml", "x"));
        assertThrows(CommandLine.ParameterException.class, () -> cl.parseArgs("run", "x", "--fail-on", "sometimes"));
        assertThrows(CommandLine.ParameterException.class, () -> cl.parseArgs("schema", "--lang", "de"));
    }
}
