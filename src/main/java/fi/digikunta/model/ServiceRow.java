package fi.digikunta.model;

import java.util.Map;

/**
 * One service row of an area tab, as read and checked. A value that was blank, or that broke a rule
 * (and so has an error finding), is null or absent, so that the figures leave it out.
 *
 * @param row 1-based sheet row number
 * @param id the catalogue id, or null for a service the municipality added itself (blank or unknown id)
 * @param writtenId the id as written in the cell, trimmed (null when blank)
 * @param name the service name as written, or the catalogue's name where the cell was blank
 * @param status null when unanswered
 * @param stages stage code (schema {@code stages}) to level; a stage left blank is absent
 * @param usage usage rate as a fraction 0..1
 * @param savings saving stage code (schema {@code saving_stages}) to minutes a case; blank ones absent
 */
public record ServiceRow(int row, String id, String writtenId, String name, Status status,
        Map<String, StageLevel> stages, Double usage, Double hourly, Double volume, Double cost,
        Map<String, Double> savings, Double savingTotal, Double target, String system, String notes) {

    public ServiceRow {
        stages = Map.copyOf(stages);
        savings = Map.copyOf(savings);
    }

    public boolean isOwnService() {
        return id == null;
    }
}
