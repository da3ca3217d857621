package fi.digikunta.model;

import java.util.Map;

/**
 * One service of one municipality: a catalogue service (answered or not) or an own service.
 * {@code row} is 0 for a catalogue service missing from its tab. Savings are null when not computable.
 */
public record ServiceFigures(String area, String id, String name, int row, Status status,
        Map<String, StageLevel> stages, Double usage, Double depth, Double potentialNet, Double realisedNet,
        Double target) {
    public ServiceFigures {
        stages = Map.copyOf(stages);
    }
}
