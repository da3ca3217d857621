package fi.digikunta.cli;

import fi.digikunta.findings.Texts;
import fi.digikunta.model.RunFailure;
import fi.digikunta.schema.Lang;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Maps run-level failures (output not writable, lock held, bad templates folder) to one line on
 * stderr and exit code 3. Per-file problems never get here: they are findings and outcomes. Any
 * other exception is an internal error: one line, plus the stack trace with --verbose.
 */
public final class ExecutionExceptionHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        var err = cl.getErr();
        Lang lang = lang(parsed);
        if (ex instanceof RunFailure rf) {
            err.println("digikunta: " + rf.getMessage());
        } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            err.println("digikunta: " + Texts.get(lang, "cli.ioError", ioReason(lang, ex)));
        } else {
            // The message only: a Java class name means nothing to the operator (--verbose shows it).
            err.println("digikunta: " + Texts.get(lang, "cli.internalError",
                    ex.getMessage() == null ? "" : ex.getMessage()));
            if (parsed(parsed, "--verbose") != null) {
                ex.printStackTrace(err);
            } else {
                err.println(Texts.get(lang, "cli.verboseHint"));
            }
        }
        err.flush();
        return ExitCode.FAILURE.code();
    }

    /** What went wrong with a file, in words: the path and the reason, without the exception's class. */
    static String ioReason(Lang lang, Exception ex) {
        Throwable e = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
        String why = switch (e.getClass().getSimpleName()) {
            case "AccessDeniedException" -> Texts.get(lang, "cli.permissionDenied");
            case "NoSuchFileException" -> Texts.get(lang, "cli.noFolder");
            case "FileAlreadyExistsException" -> Texts.get(lang, "cli.exists");
            default -> null;
        };
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return why == null ? msg : msg + " (" + why + ")";
    }

    /** The --lang of the command line, Finnish when none was given. */
    private static Lang lang(ParseResult parsed) {
        ParseResult p = parsed(parsed, "--lang");
        return p == null ? Lang.FI : p.matchedOptionValue("--lang", Lang.FI);
    }

    /** The (sub)command's parse result where the option was given, or null. */
    private static ParseResult parsed(ParseResult parsed, String option) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                return p;
            }
        }
        return null;
    }

    static int exitCodeOf(Throwable t) {
        return t instanceof CommandLine.ParameterException ? ExitCode.USAGE.code() : ExitCode.FAILURE.code();
    }
}
