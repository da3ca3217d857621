package fi.digikunta.model;

import java.util.List;

/** All figures of one accepted return. Areas in schema order; services by area, then id, then row. */
public record MunicipalityFigures(String code, String nameFi, String nameSv, String region, long population,
        String file, List<AreaFigures> areas, double index, int level, Savings savings,
        List<ServiceFigures> services) {
    public MunicipalityFigures {
        areas = List.copyOf(areas);
        services = List.copyOf(services);
    }
}
