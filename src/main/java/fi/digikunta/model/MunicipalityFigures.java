package fi.digikunta.model;

import java.util.List;

/**
 * All figures of one accepted return. Areas in schema order; services by area, then id, then row.
 *
 * @param schemaVersion the form version of the return (the catalogue its figures use); null where
 *     the figures were made without one (tests)
 */
public record MunicipalityFigures(String code, String nameFi, String nameSv, String region, long population,
        String file, List<AreaFigures> areas, double index, int level, Savings savings,
        List<ServiceFigures> services, String schemaVersion) {
    public MunicipalityFigures {
        areas = List.copyOf(areas);
        services = List.copyOf(services);
    }

    /** Figures without a known form version. */
    public MunicipalityFigures(String code, String nameFi, String nameSv, String region, long population,
            String file, List<AreaFigures> areas, double index, int level, Savings savings,
            List<ServiceFigures> services) {
        this(code, nameFi, nameSv, region, population, file, areas, index, level, savings, services, null);
    }
}
