package fi.digikunta.read;

import java.util.List;

/**
 * A workbook's sheets in file order, as raw cells, plus what the reader noticed about the file as a
 * whole (e.g. "macros present", "external links") for the validator to report.
 */
public record RawWorkbook(List<RawSheet> sheets, List<ReadNote> notes) {
    public RawWorkbook {
        sheets = List.copyOf(sheets);
        notes = List.copyOf(notes);
    }

    /** Something worth a warning that is not about one cell; {@code code} is a finding-catalogue code. */
    public record ReadNote(String code, String sheet, String cell, String detail) {
    }
}
