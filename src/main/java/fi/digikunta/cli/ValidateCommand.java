package fi.digikunta.cli;

import fi.digikunta.pipeline.InboxRounds;
import fi.digikunta.pipeline.RunInputs;
import fi.digikunta.pipeline.ValidateRun;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code digikunta validate PATH...}: reads and validates returned workbooks (files or folders) and
 * prints each file's outcome and findings, as text or, with {@code --format json}, as one JSON
 * document on stdout and nothing else. Exit code 1 when a file has a finding at or above
 * {@code --fail-on} (a rejected file counts as an error). Rounds are given as for run
 * ({@code --round YEAR}, or a path written {@code YEAR=PATH}), so that a v1 return gets the outcome
 * here that the nightly run will give it.
 */
@Command(name = "validate", sortOptions = false)
public final class ValidateCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "validate.paths")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", descriptionKey = "validate.format")
    ValidateRun.Format format;

    @Mixin
    BatchOptions batch;

    @Override
    protected void validate() {
        InboxRounds rounds = batch.inboxes(this, paths);
        // As for run: a path inside another would be read twice, each copy superseding the other.
        RunInputs.overlap(rounds.inputs(), null, null).ifPresent(p -> {
            throw usage("overlapPaths", p[0], p[1]);
        });
        batch.validate(this);
    }

    /** The options as one checked value. */
    ValidateRun.Options toOptions() {
        return new ValidateRun.Options(InboxRounds.parse(paths, batch.round), format, batch.recursive,
                batch.threads(RunInputs.defaultThreads()),
                batch.municipalities, common.lang(), VersionProvider.toolVersion());
    }

    @Override
    protected ExitCode execute() {
        return batch.failOn.exitCode(ValidateRun.execute(toOptions(), out(), err()));
    }
}
