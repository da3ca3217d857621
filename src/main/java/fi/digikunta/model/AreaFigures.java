package fi.digikunta.model;

/** The figures of one municipality in one area (figures.md, "Per municipality and area"). */
public record AreaFigures(String area, int inUse, int planned, int notAdopted, int unanswered,
        double coverage, Double depth, Double usage, double index, int level, Savings savings) {
}
