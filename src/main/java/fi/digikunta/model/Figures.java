package fi.digikunta.model;

import java.util.List;

/** The result of the compute step: per municipality (sorted by code) and national figures. */
public record Figures(String schemaVersion, List<MunicipalityFigures> municipalities, NationalFigures national) {
    public Figures {
        municipalities = List.copyOf(municipalities);
    }
}
