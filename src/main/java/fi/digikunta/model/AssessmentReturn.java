package fi.digikunta.model;

import java.util.List;
import java.util.Optional;

/** One municipality's returned workbook as typed data: what the figures are computed from. */
public record AssessmentReturn(String schemaVersion, Identification identification, List<AreaReturn> areas) {
    public AssessmentReturn {
        areas = List.copyOf(areas);
    }

    public Optional<AreaReturn> area(String code) {
        return areas.stream().filter(a -> a.area().equals(code)).findFirst();
    }
}
