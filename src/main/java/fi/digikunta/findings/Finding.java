package fi.digikunta.findings;

/**
 * One problem found in one file. {@code code} is its entry in the finding catalogue
 * (docs/findings.md); {@code sheet} and {@code cell} (A1 notation) are null where the finding is
 * about the whole file or a whole tab. Made by the factories of {@link FindingCode}.
 */
public record Finding(FindingCode code, Severity severity, String sheet, String cell, Message message) {
    /** The stable code as written in every output, e.g. {@code number-as-text}. */
    public String id() {
        return code.code();
    }
}
