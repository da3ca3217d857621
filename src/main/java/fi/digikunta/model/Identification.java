package fi.digikunta.model;

import java.time.LocalDate;

/**
 * The identification block of a return. {@code code} is the 3-digit municipality code; any field
 * may be null where the workbook left it out or it could not be read (the validator says which).
 *
 * @param round the assessment round as the form states it (form version 2 on); null for a v1 form
 */
public record Identification(String name, String code, String contact, String email, LocalDate fillDate,
        String templateVersion, Double defaultHourly, Integer round) {

    /** A block without a round field (form version 1). */
    public Identification(String name, String code, String contact, String email, LocalDate fillDate,
            String templateVersion, Double defaultHourly) {
        this(name, code, contact, email, fillDate, templateVersion, defaultHourly, null);
    }
}
