package fi.digikunta.model;

import java.util.List;

/**
 * The result of the compute step for one assessment round: per municipality (sorted by code) and
 * national figures.
 *
 * @param schemaVersion the version whose catalogue the national per-service figures use (the newest
 *     a return of the round used; each municipality's figures use its own return's version)
 * @param round the round these figures describe; null when nothing counts or rounds are not known
 */
public record Figures(String schemaVersion, List<MunicipalityFigures> municipalities, NationalFigures national,
        Integer round) {
    public Figures {
        municipalities = List.copyOf(municipalities);
    }

    /** Figures without a round. */
    public Figures(String schemaVersion, List<MunicipalityFigures> municipalities, NationalFigures national) {
        this(schemaVersion, municipalities, national, null);
    }
}
