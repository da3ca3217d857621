package fi.digikunta.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What changed since the previous run: the {@code since_previous_run} section of report.json (and
 * of the HTML). The JSON names are fixed here with {@link JsonProperty}, so any mapper writes the
 * same shape (docs/nightly.md). Lists are sorted: files by name, municipalities by code.
 *
 * @param firstRun true when there was no previous report set: every list is empty
 * @param previousUnreadable true when the previous report.json could not be read: every list is empty
 * @param previousGeneratedAt the previous report's generated_at; null when not compared
 * @param newReturns files whose outcome counts now (accepted, accepted_with_warnings) and did not
 *     before (absent, or another outcome)
 * @param supersededReturns files that are superseded now and were not before
 * @param newlyRejected files that are rejected now and were not before (absent, or another outcome)
 * @param changedFigures per municipality, the headline figures whose value changed
 */
@JsonPropertyOrder({"first_run", "previous_unreadable", "previous_generated_at", "new_returns", "superseded_returns",
        "newly_rejected", "changed_figures"})
public record SincePreviousRun(
        @JsonProperty("first_run") boolean firstRun,
        @JsonProperty("previous_unreadable") boolean previousUnreadable,
        @JsonProperty("previous_generated_at") String previousGeneratedAt,
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
     * @param status {@code new} (no figures before), {@code gone} (no figures now) or {@code changed}
     */
    @JsonPropertyOrder({"code", "status", "changes"})
    public record MunicipalityChange(
            @JsonProperty("code") String code,
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
        return new SincePreviousRun(true, false, null, List.of(), List.of(), List.of(), List.of());
    }

    /** A previous report.json exists but cannot be read. */
    public static SincePreviousRun forUnreadablePrevious() {
        return new SincePreviousRun(false, true, null, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The section for a run, given the previous report set's report.json (empty on the first run)
     * and this run's report.json as written without this section.
     */
    public static SincePreviousRun between(Optional<Path> previousReportJson, byte[] currentReportJson)
            throws IOException {
        ReportSnapshot current = ReportSnapshot.parse(currentReportJson);
        if (previousReportJson.isEmpty() || !Files.exists(previousReportJson.get())) {
            return forFirstRun();
        }
        ReportSnapshot previous;
        try {
            previous = ReportSnapshot.read(previousReportJson.get());
        } catch (IOException | RuntimeException e) {
            return forUnreadablePrevious();
        }
        return compare(previous, current);
    }

    /** Compares two snapshots. */
    public static SincePreviousRun compare(ReportSnapshot previous, ReportSnapshot current) {
        List<FileChange> added = new ArrayList<>();
        List<FileChange> superseded = new ArrayList<>();
        List<FileChange> rejected = new ArrayList<>();
        for (ReportSnapshot.FileRow now : current.files().values()) {
            ReportSnapshot.FileRow before = previous.files().get(now.file());
            String was = before == null ? null : before.outcome();
            FileChange change = new FileChange(now.file(), now.municipalityCode(), now.outcome(), was, now.reasonCode());
            if (now.counts() && (before == null || !before.counts())) {
                added.add(change);
            } else if ("superseded".equals(now.outcome()) && !"superseded".equals(was)) {
                superseded.add(change);
            } else if ("rejected".equals(now.outcome()) && !"rejected".equals(was)) {
                rejected.add(change);
            }
        }
        Comparator<FileChange> byFile = Comparator.comparing(FileChange::file);
        added.sort(byFile);
        superseded.sort(byFile);
        rejected.sort(byFile);

        Set<String> codes = new LinkedHashSet<>(current.municipalities().keySet());
        codes.addAll(previous.municipalities().keySet());
        List<MunicipalityChange> figures = new ArrayList<>();
        for (String code : codes.stream().sorted().toList()) {
            ReportSnapshot.MunicipalityRow b = previous.municipalities().get(code);
            ReportSnapshot.MunicipalityRow a = current.municipalities().get(code);
            List<FigureChange> changes = new ArrayList<>();
            compareFigures(null, b == null ? null : b.index(), a == null ? null : a.index(),
                    b == null ? null : b.level(), a == null ? null : a.level(),
                    b == null ? null : b.savings(), a == null ? null : a.savings(), changes);
            Map<String, ReportSnapshot.AreaRow> areasBefore = b == null ? Map.of() : b.areas();
            Map<String, ReportSnapshot.AreaRow> areasNow = a == null ? Map.of() : a.areas();
            Set<String> areaIds = new LinkedHashSet<>(areasNow.keySet());
            areaIds.addAll(areasBefore.keySet());
            for (String area : areaIds) {
                ReportSnapshot.AreaRow ab = areasBefore.get(area);
                ReportSnapshot.AreaRow aa = areasNow.get(area);
                compareFigures(area, ab == null ? null : ab.index(), aa == null ? null : aa.index(),
                        ab == null ? null : ab.level(), aa == null ? null : aa.level(),
                        ab == null ? null : ab.savings(), aa == null ? null : aa.savings(), changes);
            }
            if (!changes.isEmpty()) {
                figures.add(new MunicipalityChange(code, b == null ? "new" : a == null ? "gone" : "changed", changes));
            }
        }
        return new SincePreviousRun(false, false, previous.generatedAt(), added, superseded, rejected, figures);
    }

    private static void compareFigures(String area, JsonNode indexBefore, JsonNode indexNow, JsonNode levelBefore,
            JsonNode levelNow, JsonNode savingsBefore, JsonNode savingsNow, List<FigureChange> out) {
        compare("index", area, indexBefore, indexNow, out);
        compare("level", area, levelBefore, levelNow, out);
        Set<String> keys = new LinkedHashSet<>(ReportSnapshot.numericKeys(savingsNow));
        keys.addAll(ReportSnapshot.numericKeys(savingsBefore));
        for (String k : keys) {
            compare("savings." + k, area, savingsBefore == null ? null : savingsBefore.get(k),
                    savingsNow == null ? null : savingsNow.get(k), out);
        }
    }

    private static void compare(String field, String area, JsonNode before, JsonNode now, List<FigureChange> out) {
        JsonNode b = before == null || before.isNull() ? null : before;
        JsonNode a = now == null || now.isNull() ? null : now;
        if (!same(b, a)) {
            out.add(new FigureChange(field, area, b, a));
        }
    }

    /** Equal values; numbers compare by value, so 1.50 equals 1.5 and 3 equals 3.0. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return Objects.equals(a, b);
    }
}
