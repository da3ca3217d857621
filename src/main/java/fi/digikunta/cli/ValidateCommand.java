package fi.digikunta.cli;

import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.inbox.InboxOptions;
import fi.digikunta.inbox.InboxScanner;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.RunFailure;
import fi.digikunta.report.ValidateReport;
import fi.digikunta.pipeline.Validation;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code digikunta validate PATH...}: reads and validates returned workbooks (files or folders) and
 * prints each file's outcome and findings, as text or, with {@code --format json}, as one JSON
 * document on stdout and nothing else. Exit code 1 when a file has a finding at or above
 * {@code --fail-on} (a rejected file counts as an error).
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "fi.digikunta.cli.Messages", sortOptions = false)
public final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    /** What the command was asked to do, checked once. */
    record Options(List<Path> paths, Format format, FailOn failOn, boolean recursive, int threads,
            Path municipalities) {
        Options {
            paths = List.copyOf(paths);
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "validate.paths")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", descriptionKey = "validate.format")
    Format format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "error|warning|never",
            descriptionKey = "validate.failOn")
    FailOn failOn;

    @Option(names = {"-r", "--recursive"}, descriptionKey = "validate.recursive")
    boolean recursive;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "validate.threads")
    Integer threads;

    @Option(names = "--municipalities", paramLabel = "FILE", descriptionKey = "validate.municipalities")
    Path municipalities;

    /** The options as one checked value; a path that does not exist is a usage error. */
    Options toOptions() {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new ParameterException(spec.commandLine(),
                        "Polkua ei ole / Sökvägen finns inte / No such file or folder: " + p);
            }
        }
        if (municipalities != null && !Files.isRegularFile(municipalities)) {
            throw new ParameterException(spec.commandLine(),
                    "--municipalities: tiedostoa ei ole / filen finns inte / no such file: " + municipalities);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads: 1..");
        }
        return new Options(paths, format, failOn, recursive, threads == null ? Validation.defaultThreads() : threads,
                municipalities);
    }

    @Override
    public Integer call() {
        Options o = toOptions();
        MunicipalityList list = loadMunicipalities(o.municipalities());
        SchemaRegistry registry = SchemaRegistry.load();
        List<InboxEntry> entries = InboxScanner.scan(o.paths(), new InboxOptions(o.recursive(), Duration.ZERO));
        List<FileResult> results = Validation.validateAll(entries, registry, list, new StaxWorkbookReader(),
                o.threads());
        PrintWriter out = spec.commandLine().getOut();
        if (o.format() == Format.json) {
            out.print(ValidateReport.json(results, VersionProvider.toolVersion(), registry.latest().schemaVersion()));
        } else {
            ValidateReport.text(results, common.lang(), out);
        }
        out.flush();
        return exitCode(results, o.failOn()).code();
    }

    static ExitCode exitCode(List<FileResult> results, FailOn failOn) {
        return failOn.exitCode(results);
    }

    static MunicipalityList loadMunicipalities(Path file) {
        if (file == null) {
            return MunicipalityList.builtIn();
        }
        try {
            return MunicipalityList.fromFile(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new RunFailure("--municipalities " + file + ": " + e.getMessage(), e);
        }
    }
}
