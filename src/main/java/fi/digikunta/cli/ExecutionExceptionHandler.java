package fi.digikunta.cli;

import fi.digikunta.model.RunFailure;
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
        if (ex instanceof RunFailure rf) {
            err.println("digikunta: " + rf.getMessage());
        } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            err.println("digikunta: I/O-virhe / I/O error: " + ex.getMessage());
        } else {
            err.println("digikunta: sisäinen virhe / internal error: " + ex);
            if (isVerbose(parsed)) {
                ex.printStackTrace(err);
            } else {
                err.println("(--verbose näyttää lisätiedot / shows details)");
            }
        }
        err.flush();
        return ExitCode.FAILURE.code();
    }

    private static boolean isVerbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static int exitCodeOf(Throwable t) {
        return t instanceof CommandLine.ParameterException ? ExitCode.USAGE.code() : ExitCode.FAILURE.code();
    }
}
