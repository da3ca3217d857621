package fi.digikunta.model;

/**
 * How digital one stage of a service is. The codes are those of the schema's {@code stage_levels};
 * the numeric value of each level is the schema's, see {@code Schema.StageLevelDef}. A blank cell is
 * "unanswered" and is represented by the stage's absence.
 */
public enum StageLevel {
    MANUAL, ELECTRONIC, DIGITAL, NOT_APPLICABLE
}
