package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.RunFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The handler alone: what it prints on stderr and the exit code it returns, for each kind of failure. */
class ExecutionExceptionHandlerTest {
    private final StringWriter err = new StringWriter();

    private int handle(Exception ex, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        return new ExecutionExceptionHandler().handleExecutionException(ex, cl, parsed);
    }

    @Test
    void aRunFailureIsOneLineAndExitThree() {
        int code = handle(new RunFailure("out: cannot write", new java.io.IOException("x")), "schema");
        assertEquals(ExitCode.FAILURE.code(), code);
        assertEquals("digikunta: out: cannot write", err.toString().strip());
        assertEquals(1, err.toString().strip().lines().count());
    }

    @Test
    void anyOtherExceptionIsExitThreeWithoutAStackTrace() {
        int code = handle(new IllegalStateException("boom"), "schema", "--lang", "en");
        assertEquals(3, code);
        assertTrue(err.toString().contains("internal error: boom"), err.toString());
        assertFalse(err.toString().contains("java.lang"), "no Java class names without --verbose: " + err);
        assertTrue(err.toString().contains("--verbose"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void verboseAddsTheStackTrace() {
        assertEquals(3, handle(new IllegalStateException("boom"), "schema", "--verbose"));
        assertTrue(err.toString().contains("sisäinen virhe"), err.toString());
        assertTrue(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void anIoErrorIsOneLineInTheChosenLanguage() {
        assertEquals(3, handle(new java.io.UncheckedIOException(new java.io.IOException("disk full")), "schema",
                "--lang", "sv"));
        assertEquals("digikunta: I/O-fel: disk full", err.toString().strip());
    }

    @Test
    void aReadOnlyFolderIsSaidInWordsNotByTheExceptionClass() {
        assertEquals(3, handle(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/srv/out")),
                "schema", "--lang", "en"));
        assertEquals("digikunta: I/O error: /srv/out (permission denied)", err.toString().strip());
    }

    @Test
    void usageErrorsMapToTwo() {
        assertEquals(2, ExecutionExceptionHandler.exitCodeOf(new CommandLine.ParameterException(Main.commandLine(),
                "x")));
        assertEquals(3, ExecutionExceptionHandler.exitCodeOf(new IllegalStateException()));
    }
}
