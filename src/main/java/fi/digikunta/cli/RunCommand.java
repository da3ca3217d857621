package fi.digikunta.cli;

import fi.digikunta.pipeline.BatchRun;
import fi.digikunta.pipeline.InboxRounds;
import fi.digikunta.pipeline.RunInputs;
import fi.digikunta.report.CsvDialect;
import fi.digikunta.report.ReportOptions;
import fi.digikunta.report.ReportSet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code digikunta run INBOX --out DIR}: the whole batch. Turns the options into one checked
 * {@link BatchRun.Options} and calls the pipeline; nothing else happens here.
 */
@Command(name = "run", sortOptions = false)
public final class RunCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "INBOX", descriptionKey = "run.inbox")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", descriptionKey = "run.out")
    Path out;

    @Option(names = "--table", paramLabel = "NAME", descriptionKey = "run.table")
    String table;

    @Option(names = "--csv-dialect", paramLabel = "rfc4180|excel-fi", defaultValue = "rfc4180",
            descriptionKey = "run.csvDialect")
    String csvDialect;

    @Option(names = "--templates", paramLabel = "DIR", descriptionKey = "run.templates")
    Path templates;

    @Option(names = "--pages-in-lang", descriptionKey = "run.pagesInLang")
    boolean pagesInLang;

    @Mixin
    BatchOptions batch;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "2s", descriptionKey = "run.settle")
    String settle;

    @Option(names = "--archive", paramLabel = "DIR", descriptionKey = "run.archive")
    Path archive;

    @Option(names = "--keep-history", paramLabel = "N", defaultValue = "30", descriptionKey = "run.keepHistory")
    int keepHistory;

    @Option(names = {"-q", "--quiet"}, descriptionKey = "run.quiet")
    boolean quiet;

    /** Every problem here is a usage error (exit 2). */
    @Override
    protected void validate() {
        InboxRounds rounds = batch.inboxes(this, inputs);
        if (out == null && table == null) {
            throw usage("outOrTable");
        }
        // Archiving and history belong to a published report set: with only --table they did nothing.
        if (out == null) {
            for (String option : List.of("--archive", "--keep-history")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw usage("needsOut", option);
                }
            }
        }
        if (table != null && ReportSet.tableName(table).isEmpty()) {
            throw usage("choices", "--table " + table, String.join(", ", ReportSet.tableNames()));
        }
        try {
            CsvDialect.of(csvDialect);
        } catch (IllegalArgumentException e) {
            throw usage("choices", "--csv-dialect " + csvDialect, "rfc4180, excel-fi");
        }
        if (templates != null && !Files.isDirectory(templates)) {
            throw usage("noSuchFolder", "--templates", templates);
        }
        batch.validate(this);
        RunInputs.settleProblem(settle).ifPresent(p -> {
            throw usage("choices", "--settle " + settle, p);
        });
        if (archive != null) {
            RunInputs.archiveProblem(archive, rounds.inputs()).ifPresent(p -> {
                throw usage("choices", "--archive " + archive, p.get(common.lang()));
            });
        }
        // The paths as scanned: a YEAR=FOLDER argument is checked as its folder.
        RunInputs.overlap(rounds.inputs(), out, archive).ifPresent(p -> {
            throw usage("overlap", p[0], p[1]);
        });
        if (keepHistory < 0) {
            throw usage("range", "--keep-history", "0..");
        }
    }

    /** The options as one checked value; call after {@link #validate}. */
    BatchRun.Options toOptions(Clock clock) {
        ReportOptions report = ReportOptions.defaults().withCsvDialect(CsvDialect.of(csvDialect))
                .withLang(common.lang()).withTemplatesDir(templates)
                .withPageLang(pagesInLang ? common.lang() : null);
        InboxRounds rounds = InboxRounds.parse(inputs, batch.round);
        return new BatchRun.Options(rounds.inputs(), out, table, report,
                RunInputs.municipalities(batch.municipalities), batch.recursive, RunInputs.settle(settle), archive,
                keepHistory, quiet, batch.threads(RunInputs.defaultThreads()), clock, VersionProvider.toolVersion(),
                rounds);
    }

    @Override
    protected ExitCode execute() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        Clock clock;
        try {
            clock = clock(epoch);
        } catch (IllegalArgumentException e) {
            throw usage("sourceDateEpoch", epoch);
        }
        // The table is rendered to bytes and passed to the command's stdout writer, so that
        // in-process callers (tests) see it too; stdout carries nothing else.
        ByteArrayOutputStream tableBytes = new ByteArrayOutputStream();
        int code = BatchRun.execute(toOptions(clock), err(), tableBytes, new BatchRun.ExitCodes(
                r -> new BatchRun.Verdict(batch.failOn.exitCode(r).code(), batch.failOn.reason(r, common.lang())),
                ExitCode.FAILURE.code()));
        err().flush();
        if (tableBytes.size() > 0) {
            out().write(tableBytes.toString(StandardCharsets.UTF_8));
            out().flush();
        }
        return ExitCode.of(code);
    }

    /**
     * The run's clock: fixed at SOURCE_DATE_EPOCH when that is set (reproducible outputs), else the
     * system clock in UTC, to the second.
     *
     * @throws IllegalArgumentException when the variable is set but not a number of seconds
     */
    static Clock clock(String sourceDateEpoch) {
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.trim())), ZoneOffset.UTC);
        }
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.SECONDS));
    }
}
