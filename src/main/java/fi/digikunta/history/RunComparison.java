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
import java.util.HashMap;
import java.util.HashSet;
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

    /**
     * Compares two snapshots. Which file is the same file: {@link #sameFiles}. A municipality's
     * figures are compared with its figures of the previous run, except that a municipality that
     * left or entered the headline only because the headline moved to another round, while its own
     * round's return still counts, is not listed.
     */
    public static SincePreviousRun compare(ReportSnapshot previous, ReportSnapshot current) {
        Map<String, ReportSnapshot.FileRow> same = sameFiles(previous, current);
        List<FileChange> added = new ArrayList<>();
        List<FileChange> superseded = new ArrayList<>();
        List<FileChange> rejected = new ArrayList<>();
        for (ReportSnapshot.FileRow now : current.files().values()) {
            ReportSnapshot.FileRow before = same.get(now.file());
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

        Integer round = headlineRound(current);
        Integer previousRound = headlineRound(previous);
        Set<String> countedNow = counted(current);
        Set<String> countedBefore = counted(previous);
        Set<String> codes = new LinkedHashSet<>(current.municipalities().keySet());
        codes.addAll(previous.municipalities().keySet());
        List<MunicipalityChange> figures = new ArrayList<>();
        for (String code : codes.stream().sorted().toList()) {
            ReportSnapshot.MunicipalityRow b = previous.municipalities().get(code);
            ReportSnapshot.MunicipalityRow a = current.municipalities().get(code);
            if (a == null && b != null && otherRoundStillCounted(b.round(), round, code, countedNow)
                    || b == null && a != null && otherRoundStillCounted(a.round(), previousRound, code, countedBefore)) {
                // Left (or entered) the headline because the headline moved to another round, while
                // the municipality's own round still counts its return: its figures are not gone (new).
                continue;
            }
            List<FigureChange> changes = changes(b, a);
            if (!changes.isEmpty()) {
                figures.add(new MunicipalityChange(code, status(b, a), changes));
            }
        }
        return new SincePreviousRun(false, false, previous.generatedAt(), round, previousRound, added, superseded,
                rejected, figures);
    }

    /** Every figure of a municipality (its own, then each area's) whose value differs. */
    private static List<FigureChange> changes(ReportSnapshot.MunicipalityRow b, ReportSnapshot.MunicipalityRow a) {
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
        return changes;
    }

    private static String status(ReportSnapshot.MunicipalityRow before, ReportSnapshot.MunicipalityRow now) {
        if (before == null) {
            return "new";
        }
        if (now == null) {
            return "gone";
        }
        return before.round() != null && now.round() != null && !before.round().equals(now.round())
                ? "round_changed" : "changed";
    }

    /** The round of a snapshot's headline figures: its municipalities' (one round); null when not known. */
    static Integer headlineRound(ReportSnapshot s) {
        return s.municipalities().values().stream().map(ReportSnapshot.MunicipalityRow::round)
                .filter(Objects::nonNull).max(Integer::compare).orElse(null);
    }

    /** "code round" of every counted return of a snapshot. */
    private static Set<String> counted(ReportSnapshot s) {
        Set<String> out = new HashSet<>();
        s.files().values().stream().filter(ReportSnapshot.FileRow::counts)
                .forEach(f -> out.add(f.municipalityCode() + " " + f.round()));
        return out;
    }

    /**
     * True when figures of round {@code of}, not the headline round {@code headline}, still have a
     * counted return of municipality {@code code} ({@code counted}: {@link #counted} of the snapshot).
     */
    private static boolean otherRoundStillCounted(Integer of, Integer headline, String code, Set<String> counted) {
        return of != null && headline != null && !of.equals(headline) && counted.contains(code + " " + of);
    }

    /**
     * Each current file's previous row, null when it is a new file. A file is first known by its
     * modification time and municipality, which history notes: an archived copy keeps the original's
     * time, and a name that gains, changes or loses its folder's label ({@code InboxLabels}, when an
     * inbox folder is added or taken away) or becomes {@code archive/<code>/<name>} (when a new file
     * took the name) is still the same file. Files of one time (unpacked from one zip, touched
     * together) are told apart by name: the same name first, then a name that is a path tail of the
     * other. A file no time matches is the file of the same name, unless another municipality's file
     * has that name now or the name's previous file is known to be another current file.
     */
    private static Map<String, ReportSnapshot.FileRow> sameFiles(ReportSnapshot previous, ReportSnapshot current) {
        Map<String, ReportSnapshot.FileRow> out = new HashMap<>();
        Set<String> claimed = new HashSet<>();
        for (ReportSnapshot.FileRow now : current.files().values()) {
            ReportSnapshot.FileRow b = previous.files().get(now.file());
            if (b != null && now.modified() != null && identity(now).equals(identity(b))) {
                out.put(now.file(), b);
                claimed.add(b.file());
            }
        }
        Map<String, List<ReportSnapshot.FileRow>> byTime = new HashMap<>();
        previous.files().values().stream().filter(b -> b.modified() != null && !claimed.contains(b.file()))
                .forEach(b -> byTime.computeIfAbsent(identity(b), k -> new ArrayList<>()).add(b));
        for (ReportSnapshot.FileRow now : current.files().values()) {
            if (out.containsKey(now.file()) || now.modified() == null) {
                continue;
            }
            List<ReportSnapshot.FileRow> fits = byTime.getOrDefault(identity(now), List.of()).stream()
                    .filter(b -> !claimed.contains(b.file())).toList();
            if (fits.size() > 1) {
                fits = fits.stream().filter(b -> tail(b.file(), now.file()) || tail(now.file(), b.file())).toList();
            }
            if (fits.size() == 1) {
                out.put(now.file(), fits.get(0));
                claimed.add(fits.get(0).file());
            }
        }
        for (ReportSnapshot.FileRow now : current.files().values()) {
            if (!out.containsKey(now.file())) {
                ReportSnapshot.FileRow b = previous.files().get(now.file());
                boolean same = b != null && !claimed.contains(b.file())
                        && !differ(b.municipalityCode(), now.municipalityCode());
                out.put(now.file(), same ? b : null);
            }
        }
        return out;
    }

    /** True when {@code name} ends with {@code "/" + part}: one folder's label or sub-folder in front. */
    private static boolean tail(String name, String part) {
        return name.endsWith("/" + part);
    }

    private static String identity(ReportSnapshot.FileRow f) {
        return f.modified() + " " + f.municipalityCode();
    }

    private static boolean differ(Object a, Object b) {
        return a != null && b != null && !a.equals(b);
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
