package fi.digikunta.model;

import fi.digikunta.reference.Municipality;
import java.util.List;

/**
 * The result of the compute step: per municipality (sorted by code) and national figures.
 *
 * @param reference every municipality of the list the figures were computed against, answered or
 *     not (the maps draw the ones without a return too); empty when the caller had no list, and
 *     then the report falls back to the built-in list
 */
public record Figures(String schemaVersion, List<MunicipalityFigures> municipalities, NationalFigures national,
        List<Municipality> reference) {
    public Figures {
        municipalities = List.copyOf(municipalities);
        reference = List.copyOf(reference);
    }

    public Figures(String schemaVersion, List<MunicipalityFigures> municipalities, NationalFigures national) {
        this(schemaVersion, municipalities, national, List.of());
    }
}
