package fi.digikunta.schema;

/** A schema resource that cannot be loaded or is inconsistent: a build defect, not a user error. */
public class SchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
