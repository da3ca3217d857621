package fi.digikunta.findings;

/**
 * One problem found in one file. {@code code} is its entry in the finding catalogue
 * (docs/findings.md); {@code sheet} and {@code cell} (A1 notation) are null where the finding is
 * about the whole file or a whole tab. Made by the factories of {@link FindingCode}. {@code column}
 * is the form column's name where the cell is one of a service row's value cells (so that a letter
 * can say "Käyttöaste, J5:J40" in its own language); null otherwise.
 */
public record Finding(FindingCode code, Severity severity, String sheet, String cell, Message message,
        Message column) {
    public Finding(FindingCode code, Severity severity, String sheet, String cell, Message message) {
        this(code, severity, sheet, cell, message, null);
    }

    /** This finding, said to be in the form column named {@code name}. */
    public Finding inColumn(Message name) {
        return new Finding(code, severity, sheet, cell, message, name);
    }

    /** The stable code as written in every output, e.g. {@code number-as-text}. */
    public String id() {
        return code.code();
    }
}
