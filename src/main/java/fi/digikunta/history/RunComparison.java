package fi.digikunta.history;

import com.fasterxml.jackson.databind.JsonNode;
import fi.digikunta.model.SincePreviousRun;
import fi.digikunta.model.SincePreviousRun.FigureChange;
import fi.digikunta.model.SincePreviousRun.FileChange;
import fi.digikunta.model.SincePreviousRun.MunicipalityChange;
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

/** Compares this run's report with the previous one: what {@link SincePreviousRun} holds. */
public final class RunComparison {
    private RunComparison() {
    }

    /**
     * The section for a run, given the previous report set's report.json (empty on the first run)
     * and this run's report.json as written without this section.
     */
    public static SincePreviousRun between(Optional<Path> previousReportJson, byte[] currentReportJson)
            throws IOException {
        return between(previousReportJson, ReportSnapshot.parse(currentReportJson));
    }

    /** As above, with this run's report as its snapshot. */
    public static SincePreviousRun between(Optional<Path> previousReportJson, ReportSnapshot current) {
        if (previousReportJson.isEmpty() || !Files.exists(previousReportJson.get())) {
            return SincePreviousRun.forFirstRun();
        }
        ReportSnapshot previous;
        try {
            previous = ReportSnapshot.read(previousReportJson.get());
        } catch (IOException | RuntimeException e) {
            return SincePreviousRun.forUnreadablePrevious();
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
