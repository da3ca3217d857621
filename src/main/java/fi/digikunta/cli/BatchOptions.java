package fi.digikunta.cli;

import fi.digikunta.pipeline.InboxRounds;
import fi.digikunta.pipeline.RunInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options run and validate share: which files and their rounds, how many threads, which findings fail. */
final class BatchOptions {
    @Option(names = "--round", paramLabel = "YEAR", descriptionKey = "option.round")
    Integer round;

    @Option(names = {"-r", "--recursive"}, descriptionKey = "option.recursive")
    boolean recursive;

    @Option(names = "--municipalities", paramLabel = "FILE", descriptionKey = "validate.municipalities")
    Path municipalities;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "validate.threads")
    Integer threads;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "error|warning|never",
            descriptionKey = "validate.failOn")
    FailOn failOn;

    /**
     * The inbox arguments with their rounds ({@code YEAR=PATH} or {@code --round}), checked: a round
     * out of range or a path that does not exist is a usage error of {@code command}.
     */
    InboxRounds inboxes(BaseCommand command, List<Path> arguments) {
        InboxRounds rounds = InboxRounds.parse(arguments, round);
        rounds.problem().ifPresent(p -> {
            throw command.usage("range", p[0], p[1]);
        });
        RunInputs.missing(rounds.inputs()).ifPresent(p -> {
            throw command.usage("noSuchPath", p);
        });
        return rounds;
    }

    /** Checks the shared options; a problem is a usage error of {@code command}. */
    void validate(BaseCommand command) {
        if (municipalities != null && !Files.isRegularFile(municipalities)) {
            throw command.usage("noSuchFile", "--municipalities", municipalities);
        }
        if (threads != null && threads < 1) {
            throw command.usage("range", "--threads", "1..");
        }
    }

    /** The thread count asked for, or one per core. */
    int threads(int byDefault) {
        return threads == null ? byDefault : threads;
    }
}
