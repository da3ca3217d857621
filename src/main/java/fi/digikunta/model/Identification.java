package fi.digikunta.model;

import java.time.LocalDate;

/**
 * The identification block of a return. {@code code} is the 3-digit municipality code; any field
 * may be null where the workbook left it out or it could not be read (the validator says which).
 */
public record Identification(String name, String code, String contact, String email, LocalDate fillDate,
        String templateVersion, Double defaultHourly) {
}
