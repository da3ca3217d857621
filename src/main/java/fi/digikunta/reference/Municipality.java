package fi.digikunta.reference;

import java.util.Set;

/** One row of the municipality reference list. {@code aliases} are other accepted spellings. */
public record Municipality(String code, String nameFi, String nameSv, String region, long population,
        Set<String> aliases) {
}
