package fi.digikunta.cli;

/** The process exit codes, in one place; listed in every command's --help and in the README. */
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
}
