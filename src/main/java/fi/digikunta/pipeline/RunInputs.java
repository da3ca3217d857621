package fi.digikunta.pipeline;

import fi.digikunta.findings.Message;
import fi.digikunta.inbox.InboxArchiver;
import fi.digikunta.inbox.InboxOptions;
import fi.digikunta.inbox.InboxScanner;
import fi.digikunta.model.RunFailure;
import fi.digikunta.reference.MunicipalityList;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a command's inputs that need a stage (the inbox, the municipality list), so that
 * the command line can report them as usage errors before anything runs.
 */
public final class RunInputs {
    private RunInputs() {
    }

    /** Threads to use by default: one per core. */
    public static int defaultThreads() {
        return Validation.defaultThreads();
    }

    /** The first of the paths that does not exist, if any. */
    public static Optional<Path> missing(List<Path> paths) {
        return InboxScanner.missing(paths).stream().findFirst();
    }

    /** The problem with an archive folder for these inboxes (in each language), or empty when it may be used. */
    public static Optional<Message> archiveProblem(Path archive, List<Path> inboxes) {
        return InboxArchiver.problem(archive, inboxes);
    }

    /**
     * Two of the run's folders (inboxes, {@code --out} and its {@code .d}, {@code --archive}) that are
     * the same or one inside the other, as the user named them; empty when all are apart.
     */
    public static Optional<String[]> overlap(List<Path> inputs, Path out, Path archive) {
        return RunPaths.overlap(inputs, out, archive);
    }

    /** The problem with a {@code --settle} value, or empty when {@link #settle} takes it. */
    public static Optional<String> settleProblem(String text) {
        try {
            InboxOptions.parseSettle(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A {@code --settle} value as a duration; check it with {@link #settleProblem} first. */
    public static Duration settle(String text) {
        return InboxOptions.parseSettle(text);
    }

    /** The municipality list of a file, or the built-in one for null; a bad file fails the run. */
    public static MunicipalityList municipalities(Path file) {
        if (file == null) {
            return MunicipalityList.builtIn();
        }
        try {
            return MunicipalityList.fromFile(file);
        } catch (IllegalArgumentException e) {
            // The message names the file and line already.
            throw new RunFailure("kuntaluettelo ei kelpaa / municipality list not valid (--municipalities): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new RunFailure("kuntaluetteloa ei voi lukea / cannot read municipality list (--municipalities): "
                    + file + " (" + e.getMessage() + ")", e);
        }
    }
}
