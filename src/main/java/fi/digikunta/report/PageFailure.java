package fi.digikunta.report;

/**
 * A municipality's page could not be rendered (out of memory, say): the returns behind it, not the
 * run, fail (the run rejects them and writes the set again without them).
 */
public final class PageFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public PageFailure(String code, Throwable cause) {
        super("municipalities/" + code + ".html: " + cause, cause);
        this.code = code;
    }

    /** The municipality code of the page. */
    public String code() {
        return code;
    }
}
