package fi.digikunta.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.inbox.ArchiveResult;
import fi.digikunta.inbox.Skipped;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.model.Outcome;
import fi.digikunta.findings.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable run log: one JSON object per line, one line per event.
 *
 * <pre>
 * {"time":"…","run_id":"20260301T020000Z-4242","event":"run_start", …caller's details}
 * {"time":"…","run_id":"…","event":"file","file":"x.xlsx","outcome":"accepted","municipality_code":"091",
 *  "reason_code":null,"errors":0,"warnings":2}
 * {"time":"…","run_id":"…","event":"skipped","file":"~$x.xlsx","code":"office-lock"}
 * {"time":"…","run_id":"…","event":"archived","file":"x.xlsx","action":"archived","archived_to":"/a/091/x.xlsx"}
 * {"time":"…","run_id":"…","event":"run_end","exit_code":0,"duration_ms":5123,"files":308,
 *  "counts":{"accepted":290,"accepted_with_warnings":10,"superseded":3,"rejected":4,"pending":1}}
 * </pre>
 * Lines are appended and flushed as they happen to {@code out.d/run-log.jsonl}, so a run that is
 * killed still leaves its trace there (that file is renamed to run-log.1.jsonl past 10 MB). The
 * lines of this run alone are also written into the report set ({@link #writeTo}) as
 * {@code run-log.jsonl}. In the live file a run's {@code run_end} is its last line and says how the
 * process ended: the one {@link #runEnd} makes for the set is held back until {@link #close} (the
 * set is not published yet, and the archive's lines come after it), and {@link #runFailed} puts a
 * failure's in its place. Safe to call from several threads.
 */
public final class RunLog implements AutoCloseable {
    static final long ROTATE_BYTES = 10L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final String runId;
    private final BufferedWriter live;
    private final List<String> lines = new ArrayList<>();
    private final EnumMap<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private Instant started;
    /** The exit code of the run_end for the live file, written at {@link #close} unless the run fails first. */
    private Integer heldExit;
    private boolean ended;

    private RunLog(Clock clock, String runId, BufferedWriter live) {
        this.clock = clock;
        this.runId = runId;
        this.live = live;
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
    }

    /** A log appended live to a file (created when missing, rotated when large). */
    public static RunLog open(Path file, Clock clock, String runId) throws IOException {
        if (Files.exists(file) && Files.size(file) > ROTATE_BYTES) {
            Files.move(file, file.resolveSibling(rotatedName(file)), StandardCopyOption.REPLACE_EXISTING);
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new RunLog(clock, runId, w);
    }

    private static String rotatedName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) + ".1" + n.substring(dot) : n + ".1";
    }

    /** A run id that sorts by time and tells runs of the same second apart: 20260301T020000Z-4242. */
    public static String newRunId(Instant now) {
        return ID.format(now) + "-" + ProcessHandle.current().pid();
    }

    public String runId() {
        return runId;
    }

    /** The first event; details are the caller's (inbox, out, options, tool version ...). */
    public synchronized void runStart(Map<String, ?> details) {
        started = clock.instant();
        write("run_start", details, started);
    }

    /** One input file with its outcome. */
    public synchronized void file(FileResult r, String reasonCode) {
        counts.merge(r.outcome(), 1, Integer::sum);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("outcome", r.outcome().id());
        m.put("municipality_code", r.municipalityCode());
        m.put("reason_code", reasonCode);
        m.put("errors", count(r.findings(), Severity.ERROR));
        m.put("warnings", count(r.findings(), Severity.WARNING));
        write("file", m);
    }

    private static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** Something in the inbox that was not taken as input. */
    public synchronized void skipped(Skipped s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", s.name());
        m.put("code", s.code());
        m.put("reason", s.reason().en());
        write("skipped", m);
    }

    /** What --archive did with one file. */
    public synchronized void archived(ArchiveResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.name());
        m.put("action", r.action().name().toLowerCase(java.util.Locale.ROOT));
        m.put("archived_to", r.archived() == null ? null : r.archived().toString());
        m.put("note", r.note() == null ? null : r.note().en());
        write("archived", m);
    }

    /** Any other event, e.g. "stale_lock_taken_over" or "published". */
    public synchronized void event(String type, Map<String, ?> fields) {
        write(type, fields);
    }

    /**
     * The last event: exit code, duration since run_start, and the count of each outcome. It is in
     * {@link #lines} at once (the set's copy); the live file gets it at {@link #close}, timed then.
     */
    public synchronized void runEnd(int exitCode) {
        Instant now = clock.instant();
        lines.add(line("run_end", endFields(exitCode, now), now));
        heldExit = exitCode;
    }

    /**
     * The run cannot complete: its run_end, with {@code exitCode} and the {@code error}, goes to the
     * live file now, in place of one {@link #runEnd} held back; nothing is written after it.
     */
    public synchronized void runFailed(int exitCode, String error) {
        if (ended) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> m = endFields(exitCode, now);
        m.put("error", error);
        heldExit = null;
        ended = true;
        appendLive(line("run_end", m, now));
    }

    private Map<String, Object> endFields(int exitCode, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exit_code", exitCode);
        m.put("duration_ms", started == null ? 0 : Duration.between(started, now).toMillis());
        m.put("files", counts.values().stream().mapToInt(Integer::intValue).sum());
        Map<String, Integer> c = new LinkedHashMap<>();
        counts.forEach((o, n) -> c.put(o.id(), n));
        m.put("counts", c);
        return m;
    }

    /** The outcome counts so far. */
    public synchronized Map<Outcome, Integer> counts() {
        return new EnumMap<>(counts);
    }

    /** This run's lines so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Writes this run's lines to a file (e.g. run-log.jsonl in the report set being written). */
    public synchronized void writeTo(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private void write(String event, Map<String, ?> fields) {
        write(event, fields, clock.instant());
    }

    private void write(String event, Map<String, ?> fields, Instant at) {
        String line = line(event, fields, at);
        lines.add(line);
        appendLive(line);
    }

    private String line(String event, Map<String, ?> fields, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", at.toString());
        m.put("run_id", runId);
        m.put("event", event);
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (!m.containsKey(k)) {
                    m.put(k, v);
                }
            });
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a run log field cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private void appendLive(String line) {
        if (live != null) {
            try {
                live.write(line);
                live.write('\n');
                live.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (heldExit != null && !ended) {
                // Timed now: its duration covers publishing and the archive step too.
                ended = true;
                Instant now = clock.instant();
                appendLive(line("run_end", endFields(heldExit, now), now));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (live != null) {
                live.close();
            }
        }
    }
}
