package fi.digikunta.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options run and validate share: which files, how many threads, which findings fail. */
final class BatchOptions {
    @Option(names = {"-r", "--recursive"}, descriptionKey = "option.recursive")
    boolean recursive;

    @Option(names = "--municipalities", paramLabel = "FILE", descriptionKey = "validate.municipalities")
    Path municipalities;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "validate.threads")
    Integer threads;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "error|warning|never",
            descriptionKey = "validate.failOn")
    FailOn failOn;

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
