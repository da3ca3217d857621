package fi.digikunta.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The process exit codes, in one place; listed in every command's --help (texts in the Messages
 * bundles, key {@code exitCode.<name>}) and in the README.
 */
public enum ExitCode {
    /** The run completed and no finding reached the --fail-on level. */
    OK(0),
    /** The run completed, and some file has a finding at or above the --fail-on level (or was rejected). */
    FINDINGS(1),
    /** Bad command line: unknown option, missing argument, path that does not exist. */
    USAGE(2),
    /** The run itself could not complete: output not writable, another run holds the lock, internal error. */
    FAILURE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit code with this number. */
    static ExitCode of(int code) {
        for (ExitCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("no exit code " + code);
    }

    /** The --help list: each code's number and its text in the help bundle's language. */
    static Map<String, String> helpList(ResourceBundle bundle) {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode c : values()) {
            list.put(String.valueOf(c.code), bundle.getString("exitCode." + c.name().toLowerCase(Locale.ROOT)));
        }
        return list;
    }
}
