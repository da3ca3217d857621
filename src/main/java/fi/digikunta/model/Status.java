package fi.digikunta.model;

/** Adoption status of a service; a blank cell is "unanswered" and is represented by {@code null}. */
public enum Status {
    IN_USE, PLANNED, NOT_ADOPTED
}
