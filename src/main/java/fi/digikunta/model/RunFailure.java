package fi.digikunta.model;

/** A failure of the run itself (not of one input file); its message is shown as is, exit code 3. */
public class RunFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailure(String message) {
        super(message);
    }

    public RunFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
