package fi.digikunta.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What changed since the previous run: the {@code since_previous_run} section of report.json (and
 * of the HTML). The JSON names are fixed here with {@link JsonProperty}, so any mapper writes the
 * same shape (docs/nightly.md). Lists are sorted: files by name, municipalities by code.
 *
 * @param firstRun true when there was no previous report set: every list is empty
 * @param previousUnreadable true when the previous report.json could not be read: every list is empty
 * @param previousGeneratedAt the previous report's generated_at; null when not compared
 * @param round the round of this run's headline figures; null when not compared or not known
 * @param previousRound the round of the previous run's headline figures; null when not compared or
 *     not known (a report from before rounds)
 * @param newReturns files whose outcome counts now (accepted, accepted_with_warnings) and did not
 *     before (absent, or another outcome)
 * @param supersededReturns files that are superseded now and were not before
 * @param newlyRejected files that are rejected now and were not before (absent, or another outcome)
 * @param changedFigures per municipality, the headline figures whose value changed
 */
@JsonPropertyOrder({"first_run", "previous_unreadable", "previous_generated_at", "round", "previous_round",
        "new_returns", "superseded_returns",
        "newly_rejected", "changed_figures"})
public record SincePreviousRun(
        @JsonProperty("first_run") boolean firstRun,
        @JsonProperty("previous_unreadable") boolean previousUnreadable,
        @JsonProperty("previous_generated_at") String previousGeneratedAt,
        @JsonProperty("round") Integer round,
        @JsonProperty("previous_round") Integer previousRound,
        @JsonProperty("new_returns") List<FileChange> newReturns,
        @JsonProperty("superseded_returns") List<FileChange> supersededReturns,
        @JsonProperty("newly_rejected") List<FileChange> newlyRejected,
        @JsonProperty("changed_figures") List<MunicipalityChange> changedFigures) {

    public SincePreviousRun {
        newReturns = List.copyOf(newReturns);
        supersededReturns = List.copyOf(supersededReturns);
        newlyRejected = List.copyOf(newlyRejected);
        changedFigures = List.copyOf(changedFigures);
    }

    /**
     * A file whose outcome is new.
     *
     * @param previousOutcome the outcome in the previous run; null when the file was not there
     * @param reasonCode the reason's code now (rejected, superseded); null when none
     */
    @JsonPropertyOrder({"file", "municipality_code", "outcome", "previous_outcome", "reason_code"})
    public record FileChange(
            @JsonProperty("file") String file,
            @JsonProperty("municipality_code") String municipalityCode,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("previous_outcome") String previousOutcome,
            @JsonProperty("reason_code") String reasonCode) {
    }

    /**
     * The changed figures of one municipality.
     *
     * @param status {@code new} (no figures before), {@code gone} (no figures now), {@code changed},
     *     or {@code round_changed} (the figures now are of another round than before: usually the
     *     headline moved to the round of the municipality's new return)
     */
    @JsonPropertyOrder({"municipality_code", "status", "changes"})
    public record MunicipalityChange(
            @JsonProperty("municipality_code") String code,
            @JsonProperty("status") String status,
            @JsonProperty("changes") List<FigureChange> changes) {
        public MunicipalityChange {
            changes = List.copyOf(changes);
        }
    }

    /**
     * One figure whose value changed.
     *
     * @param field {@code index}, {@code level} or {@code savings.<name>} (e.g. savings.realised_net)
     * @param area the area id for an area's figure; null for the municipality's own
     * @param before the previous value; null when there was none
     * @param after the value now; null when there is none
     */
    @JsonPropertyOrder({"field", "area", "before", "after"})
    public record FigureChange(
            @JsonProperty("field") String field,
            @JsonProperty("area") String area,
            @JsonProperty("before") JsonNode before,
            @JsonProperty("after") JsonNode after) {
    }

    /** No previous report set. */
    public static SincePreviousRun forFirstRun() {
        return new SincePreviousRun(true, false, null, null, null, List.of(), List.of(), List.of(), List.of());
    }

    /** A previous report.json exists but cannot be read. */
    public static SincePreviousRun forUnreadablePrevious() {
        return new SincePreviousRun(false, true, null, null, null, List.of(), List.of(), List.of(), List.of());
    }

}
