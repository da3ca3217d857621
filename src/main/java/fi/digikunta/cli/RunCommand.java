package fi.digikunta.cli;

import fi.digikunta.inbox.InboxArchiver;
import fi.digikunta.inbox.InboxOptions;
import fi.digikunta.inbox.InboxScanner;
import fi.digikunta.pipeline.BatchRun;
import fi.digikunta.pipeline.Validation;
import fi.digikunta.report.CsvDialect;
import fi.digikunta.report.ReportOptions;
import fi.digikunta.report.ReportSet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code digikunta run INBOX --out DIR}: the whole batch. Turns the options into one checked
 * {@link BatchRun.Options} and calls the pipeline; nothing else happens here.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "fi.digikunta.cli.Messages", sortOptions = false)
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

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

    @Option(names = "--municipalities", paramLabel = "FILE", descriptionKey = "validate.municipalities")
    Path municipalities;

    @Option(names = {"-r", "--recursive"}, descriptionKey = "run.recursive")
    boolean recursive;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "2s", descriptionKey = "run.settle")
    String settle;

    @Option(names = "--archive", paramLabel = "DIR", descriptionKey = "run.archive")
    Path archive;

    @Option(names = "--keep-history", paramLabel = "N", defaultValue = "30", descriptionKey = "run.keepHistory")
    int keepHistory;

    @Option(names = {"-q", "--quiet"}, descriptionKey = "run.quiet")
    boolean quiet;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "error|warning|never",
            descriptionKey = "validate.failOn")
    FailOn failOn;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "validate.threads")
    Integer threads;

    /** The options as one checked value; every problem here is a usage error (exit 2). */
    BatchRun.Options toOptions(Clock clock) {
        List<Path> missing = InboxScanner.missing(inputs);
        if (!missing.isEmpty()) {
            throw usage("Polkua ei ole / Sökvägen finns inte / No such file or folder: " + missing.get(0));
        }
        if (out == null && table == null) {
            throw usage("Anna --out KANSIO tai --table NIMI / Ange --out MAPP eller --table NAMN"
                    + " / Give --out DIR or --table NAME");
        }
        if (table != null && !ReportSet.tableNames().contains(table.replaceFirst("\\.csv$", ""))) {
            throw usage("--table " + table + ": " + String.join(", ", ReportSet.tableNames()));
        }
        CsvDialect dialect;
        try {
            dialect = CsvDialect.of(csvDialect);
        } catch (IllegalArgumentException e) {
            throw usage("--csv-dialect " + csvDialect + ": rfc4180, excel-fi");
        }
        if (templates != null && !Files.isDirectory(templates)) {
            throw usage("--templates: kansiota ei ole / mappen finns inte / no such folder: " + templates);
        }
        if (municipalities != null && !Files.isRegularFile(municipalities)) {
            throw usage("--municipalities: tiedostoa ei ole / filen finns inte / no such file: " + municipalities);
        }
        Duration settleTime;
        try {
            settleTime = InboxOptions.parseSettle(settle);
        } catch (IllegalArgumentException e) {
            throw usage("--settle " + settle + ": " + e.getMessage());
        }
        if (archive != null) {
            InboxArchiver.problem(archive, inputs).ifPresent(p -> {
                throw usage("--archive " + archive + ": " + p);
            });
        }
        if (keepHistory < 0) {
            throw usage("--keep-history: 0..");
        }
        if (threads != null && threads < 1) {
            throw usage("--threads: 1..");
        }
        ReportOptions report = ReportOptions.defaults().withCsvDialect(dialect).withLang(common.lang())
                .withTemplatesDir(templates);
        return new BatchRun.Options(inputs, out, table, report, ValidateCommand.loadMunicipalities(municipalities),
                recursive, settleTime, archive, keepHistory, quiet,
                threads == null ? Validation.defaultThreads() : threads, clock, VersionProvider.toolVersion());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() {
        Clock clock;
        try {
            clock = clock(System.getenv("SOURCE_DATE_EPOCH"));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        BatchRun.Options o = toOptions(clock);
        PrintWriter err = spec.commandLine().getErr();
        // The table is rendered to bytes and passed to the command's stdout writer, so that
        // in-process callers (tests) see it too; stdout carries nothing else.
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        var results = BatchRun.execute(o, err, table, r -> failOn.exitCode(r).code());
        err.flush();
        if (table.size() > 0) {
            PrintWriter out = spec.commandLine().getOut();
            out.write(table.toString(StandardCharsets.UTF_8));
            out.flush();
        }
        return failOn.exitCode(results).code();
    }

    /**
     * The run's clock: fixed at SOURCE_DATE_EPOCH when that is set (reproducible outputs), else the
     * system clock in UTC, to the second.
     */
    static Clock clock(String sourceDateEpoch) {
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            try {
                return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.trim())), ZoneOffset.UTC);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SOURCE_DATE_EPOCH is not a number of seconds: " + sourceDateEpoch);
            }
        }
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.SECONDS));
    }
}
