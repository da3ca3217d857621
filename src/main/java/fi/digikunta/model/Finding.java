package fi.digikunta.model;

/**
 * One problem found in one file. {@code code} is the stable code of the finding catalogue
 * (docs/findings.md); {@code sheet} and {@code cell} (A1 notation) are null where the finding is
 * about the whole file or a whole tab.
 */
public record Finding(String code, Severity severity, String sheet, String cell, Message message) {
}
