package fi.digikunta.model;

import fi.digikunta.schema.Lang;
import java.util.List;
import java.util.Optional;

/**
 * One municipality's returned workbook as typed data: what the figures are computed from.
 *
 * @param language the language the form was filled in (its tab names): the language of the
 *        municipality's feedback page; null when not known
 */
public record AssessmentReturn(String schemaVersion, Identification identification, List<AreaReturn> areas,
        Lang language) {
    public AssessmentReturn {
        areas = List.copyOf(areas);
    }

    public AssessmentReturn(String schemaVersion, Identification identification, List<AreaReturn> areas) {
        this(schemaVersion, identification, areas, null);
    }

    public Optional<AreaReturn> area(String code) {
        return areas.stream().filter(a -> a.area().equals(code)).findFirst();
    }
}
