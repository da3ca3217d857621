package fi.digikunta.model;

import fi.digikunta.reference.Municipality;
import java.util.List;

/**
 * The result of the compute step for one assessment round: per municipality (sorted by code) and
 * national figures.
 *
 * @param schemaVersion the version whose catalogue the national per-service figures use (the newest
 *     a return of the round used; each municipality's figures use its own return's version)
 * @param round the round these figures describe; null when nothing counts or rounds are not known
 * @param reference every municipality of the list the figures were computed against, answered or
 *     not (the maps draw the ones without a return too); empty when the caller had no list, and
 *     then the report falls back to the built-in list
 */
public record Figures(String schemaVersion, List<MunicipalityFigures> municipalities, NationalFigures national,
        Integer round, List<Municipality> reference) {
    public Figures {
        municipalities = List.copyOf(municipalities);
        reference = List.copyOf(reference);
    }

    /** Figures without a round or a list. */
    public Figures(String schemaVersion, List<MunicipalityFigures> municipalities, NationalFigures national) {
        this(schemaVersion, municipalities, national, null, List.of());
    }

    /** Figures of a round, without a list. */
    public Figures(String schemaVersion, List<MunicipalityFigures> municipalities, NationalFigures national,
            Integer round) {
        this(schemaVersion, municipalities, national, round, List.of());
    }

    /** Figures with the list, without a round. */
    public Figures(String schemaVersion, List<MunicipalityFigures> municipalities, NationalFigures national,
            List<Municipality> reference) {
        this(schemaVersion, municipalities, national, null, reference);
    }
}
