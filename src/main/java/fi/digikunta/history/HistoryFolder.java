package fi.digikunta.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code history/} folder of a report set: of each of the last K runs, what the next run's
 * "since the previous run" comparison reads ({@link ReportSnapshot}), gzipped, named
 * {@code report-<generated_at>-<n>.json.gz} ({@code generated_at} as {@code 20260301T020000Z}, which
 * is valid on Windows too; {@code n} the report set's number, which orders them even when
 * SOURCE_DATE_EPOCH gives every run the same time). Whole report.json copies were kept before
 * (13.7 MB a night for 308 municipalities, against about 60 KB now); such older files,
 * {@code report-<generated_at>-<n>.json}, are still listed, carried over and read.
 *
 * <p>Each new report set gets its own {@code history/} holding hard links to the previous set's
 * files (a copy where hard links are not supported) plus its own report.json, so the history is
 * published in the same atomic switch as the rest of the set.
 */
public final class HistoryFolder {
    public static final String DIR = "history";
    public static final int DEFAULT_KEEP = 30;
    private static final Pattern NAME = Pattern.compile("report-(\\d{8}T\\d{6}Z)-(\\d+)\\.json(\\.gz)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private HistoryFolder() {
    }

    /** The history files of a folder, oldest first (by set number). */
    public static List<Path> list(Path historyDir) throws IOException {
        if (!Files.isDirectory(historyDir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(historyDir)) {
            s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(out::add);
        }
        out.sort(Comparator.comparingLong(HistoryFolder::number));
        return out;
    }

    private static long number(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(2)) : -1;
    }

    /** The history file name for a report generated at the given time in set n. */
    public static String fileName(Instant generatedAt, long setNumber) {
        return "report-" + STAMP.format(generatedAt) + "-" + setNumber + ".json.gz";
    }

    /**
     * Fills {@code newSet/history/}: the newest {@code keep - 1} files of the previous history plus
     * the snapshot of {@code newSet/report.json} (when the writer wrote one), or the newest {@code keep} previous
     * files when it did not. With keep 0 no history folder is made.
     *
     * @param previousSet the previous report set's folder, if there is one
     * @param fallbackTime the name's time when report.json has no readable generated_at
     * @return the history file of this run, if report.json was there
     */
    public static Optional<Path> carryOver(Optional<Path> previousSet, Path newSet, int keep, long setNumber,
            Instant fallbackTime) throws IOException {
        return carryOver(previousSet, newSet, keep, setNumber, fallbackTime, null);
    }

    /**
     * As above; {@code own}, when not null, is the snapshot of {@code newSet/report.json} already in
     * hand (what reading it gives, plus each file's modification time, which report.json does not
     * hold), written instead of reading the report back.
     */
    public static Optional<Path> carryOver(Optional<Path> previousSet, Path newSet, int keep, long setNumber,
            Instant fallbackTime, ReportSnapshot own) throws IOException {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be 0 or more: " + keep);
        }
        if (keep == 0) {
            return Optional.empty();
        }
        Path report = newSet.resolve("report.json");
        boolean hasReport = Files.isRegularFile(report);
        List<Path> previous = previousSet.isPresent() ? list(previousSet.get().resolve(DIR)) : List.of();
        int carry = Math.min(previous.size(), hasReport ? keep - 1 : keep);
        Path dir = newSet.resolve(DIR);
        Files.createDirectories(dir);
        for (Path p : previous.subList(previous.size() - carry, previous.size())) {
            linkOrCopy(p, dir.resolve(p.getFileName().toString()));
        }
        if (!hasReport) {
            return Optional.empty();
        }
        Instant at = (own == null ? generatedAt(report) : instant(own.generatedAt())).orElse(fallbackTime);
        Path mine = dir.resolve(fileName(at, setNumber));
        if (own == null) {
            ReportSnapshot.writeGzip(report, mine);
        } else {
            own.writeGzip(mine);
        }
        return Optional.of(mine);
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException e) {
            Files.deleteIfExists(to);
            Files.copy(from, to);
        }
    }

    /**
     * What the next run compares with, in a report set: its own history file (the newest, a
     * snapshot a fraction of report.json's size) when it has one, else its report.json. Empty when
     * the set has no report.json (the next run is then a first run, with or without history).
     */
    public static Optional<Path> comparable(Path set) {
        Path report = set.resolve("report.json");
        if (!Files.isRegularFile(report)) {
            return Optional.empty();
        }
        try {
            List<Path> history = list(set.resolve(DIR));
            // The newest is the set's own only when the set wrote one; the times tell (a set with
            // report.json always writes its own unless history is off, and then there is none).
            if (!history.isEmpty()) {
                Path newest = history.get(history.size() - 1);
                Optional<Instant> at = generatedAt(report);
                if (at.isPresent() && newest.getFileName().toString().equals(fileName(at.get(), number(newest)))) {
                    return Optional.of(newest);
                }
            }
        } catch (IOException e) {
            // an unreadable history folder: report.json still says it all
        }
        return Optional.of(report);
    }

    private static Optional<Instant> instant(String iso) {
        try {
            return Optional.ofNullable(iso == null ? null : Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The top-level generated_at of a report.json, read without loading the whole document. */
    static Optional<Instant> generatedAt(Path reportJson) {
        try (JsonParser p = new JsonFactory().createParser(reportJson.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("generated_at".equals(field) && value == JsonToken.VALUE_STRING) {
                    return Optional.of(Instant.parse(p.getText()));
                }
                p.skipChildren();
            }
            return Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
