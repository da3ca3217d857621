package fi.digikunta.findings;

import java.util.Locale;

/** Severity of a finding. A "rejected" problem is an outcome, not a finding severity. */
public enum Severity {
    WARNING, ERROR;

    /** Lower-case name used in every output: "warning", "error". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
