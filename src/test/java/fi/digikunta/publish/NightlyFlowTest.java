package fi.digikunta.publish;

import fi.digikunta.history.RunComparison;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.digikunta.history.HistoryFolder;
import fi.digikunta.model.SincePreviousRun;
import fi.digikunta.inbox.ArchiveItem;
import fi.digikunta.inbox.ArchiveResult;
import fi.digikunta.inbox.InboxArchiver;
import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.inbox.InboxOptions;
import fi.digikunta.inbox.InboxScan;
import fi.digikunta.inbox.InboxScanner;
import fi.digikunta.model.FileResult;
import fi.digikunta.report.ConsoleReporter;
import fi.digikunta.findings.Message;
import fi.digikunta.model.Outcome;
import fi.digikunta.schema.Lang;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly mechanisms wired in the order the run command uses them (docs/nightly.md, "Wiring"),
 * with a stand-in for reading, validating and the report writers: a file named CODE-*.xlsx is an
 * accepted return of municipality CODE, anything else is rejected.
 */
class NightlyFlowTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final Message NOT_A_RETURN = new Message("Ei palautus.", "Inget svar.", "Not a return.");

    @TempDir
    Path base;

    /** What one run left: the results, the since section, and the stderr lines. */
    record Night(List<FileResult> results, SincePreviousRun since, String stderr, List<ArchiveResult> archived) {
    }

    private Night run(Path inbox, Path out, Optional<Path> archive, InboxScanner scanner) throws IOException {
        StringWriter err = new StringWriter();
        try (OutputPublisher pub = OutputPublisher.open(out, PublishOptions.DEFAULT.withHistoryKeep(5))) {
            Clock clock = Clock.systemUTC();
            try (RunLog log = RunLog.open(pub.runLogFile(), clock, RunLog.newRunId(clock.instant()))) {
                log.runStart(Map.of("inbox", inbox.toString(), "out", out.toString()));
                pub.lock().staleTakenOver().ifPresent(h -> log.event("stale_lock_taken_over",
                        Map.of("pid", h.pid(), "host", h.host())));
                InboxScan scan = scanner.scanAll(List.of(inbox), new InboxOptions(false, Duration.ofSeconds(2)));
                scan.skipped().forEach(log::skipped);
                ConsoleReporter console = new ConsoleReporter(new PrintWriter(err, true), Lang.FI, false, false,
                        scan.entries().size());
                List<FileResult> results = new ArrayList<>();
                for (InboxEntry e : scan.entries()) {
                    FileResult r = standIn(e);
                    results.add(r);
                    log.file(r, r.outcome() == Outcome.REJECTED ? "not-a-return" : null);
                    console.file(r);
                }
                console.finish();
                byte[] withoutSince = reportJson(results, null);
                SincePreviousRun since = RunComparison.between(pub.previous().map(p -> p.resolve("report.json")),
                        withoutSince);
                pub.publish(folder -> {
                    Files.write(folder.resolve("report.json"), reportJson(results, since));
                    log.runEnd(0);
                    log.writeTo(folder.resolve("run-log.jsonl"));
                });
                List<ArchiveResult> archived = List.of();
                if (archive.isPresent()) {
                    // Only after the publish: a return is never out of the inbox before it is in a report.
                    List<ArchiveItem> items = new ArrayList<>();
                    for (int i = 0; i < results.size(); i++) {
                        FileResult r = results.get(i);
                        items.add(new ArchiveItem(scan.entries().get(i), r.outcome(), r.municipalityCode(),
                                r.outcome() == Outcome.REJECTED ? "not-a-return" : null, r.reason()));
                    }
                    archived = new InboxArchiver(archive.get()).archive(items);
                    archived.forEach(log::archived);
                }
                return new Night(results, since, err.toString(), archived);
            }
        }
    }

    private static FileResult standIn(InboxEntry e) {
        if (e.pending()) {
            return new FileResult(e.name(), Outcome.PENDING, null, null, List.of(), false, null, e.modified(), null);
        }
        String n = e.name();
        if (!e.rejected() && n.matches("\\d{3}-.*\\.xlsx")) {
            return new FileResult(n, Outcome.ACCEPTED, n.substring(0, 3), null, List.of(), false, null, e.modified(),
                    null);
        }
        return new FileResult(n, Outcome.REJECTED, null, e.rejected() ? e.rejectReason() : NOT_A_RETURN, List.of(),
                false, null, e.modified(), null);
    }

    private static byte[] reportJson(List<FileResult> results, SincePreviousRun since) throws IOException {
        ObjectNode root = M.createObjectNode();
        root.put("format_version", 1);
        root.put("generated_at", "2026-03-01T02:00:00Z");
        ArrayNode files = root.putArray("files");
        ArrayNode municipalities = root.putArray("municipalities");
        for (FileResult r : results) {
            ObjectNode f = files.addObject().put("file", r.file()).put("outcome", r.outcome().id())
                    .put("municipality_code", r.municipalityCode());
            f.putNull("reason");
            if (r.outcome().counts()) {
                municipalities.addObject().put("code", r.municipalityCode()).put("index", 2.5).put("level", 2);
            }
        }
        if (since != null) {
            root.set("since_previous_run", M.valueToTree(since));
        }
        return M.writeValueAsBytes(root);
    }

    private Path file(Path inbox, String name, String content) throws IOException {
        Path p = inbox.resolve(name);
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
        return p;
    }

    private static Map<String, String> sha256(Path dir) throws IOException {
        Map<String, String> m = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                try {
                    m.put(dir.relativize(p).toString(), HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return m;
    }

    @Test
    void twoRunsThenOneMoreReturnListsExactlyThatReturnAndInputsAreNeverChanged() throws IOException {
        Path inbox = Files.createDirectories(base.resolve("inbox"));
        Path out = base.resolve("reports").resolve("out");
        file(inbox, "091-helsinki.xlsx", "h");
        file(inbox, "049-espoo.xlsx", "e");
        file(inbox, "~$091-helsinki.xlsx", "lock");
        Map<String, String> before = sha256(inbox);

        Night first = run(inbox, out, Optional.empty(), new InboxScanner());
        assertTrue(first.since().firstRun());
        Night second = run(inbox, out, Optional.empty(), new InboxScanner());
        assertFalse(second.since().firstRun());
        assertEquals(List.of(), second.since().newReturns());
        assertEquals(List.of(), second.since().changedFigures());
        assertEquals(before, sha256(inbox), "inputs unchanged without --archive");

        file(inbox, "092-vantaa.xlsx", "v");
        Night third = run(inbox, out, Optional.empty(), new InboxScanner());
        assertEquals(List.of(new SincePreviousRun.FileChange("092-vantaa.xlsx", "092", "accepted", null, null)),
                third.since().newReturns());
        assertEquals(List.of("092"), third.since().changedFigures().stream().map(SincePreviousRun.MunicipalityChange::code)
                .toList());

        JsonNode report = M.readTree(out.resolve("report.json").toFile());
        assertEquals("092-vantaa.xlsx", report.at("/since_previous_run/new_returns/0/file").asText());
        assertEquals(3, HistoryFolder.list(out.resolve("history")).size());
        assertEquals("049-espoo.xlsx: Hyväksytty (049)" + System.lineSeparator() + "091-helsinki.xlsx: Hyväksytty (091)"
                + System.lineSeparator() + "092-vantaa.xlsx: Hyväksytty (092)" + System.lineSeparator(), third.stderr());
        List<String> setLog = Files.readAllLines(out.resolve("run-log.jsonl"));
        assertEquals("run_start", M.readTree(setLog.get(0)).get("event").asText());
        assertEquals("skipped", M.readTree(setLog.get(1)).get("event").asText());
        assertEquals(3, M.readTree(setLog.get(setLog.size() - 1)).get("files").asInt());
        List<String> allRuns = Files.readAllLines(base.resolve("reports/out.d/run-log.jsonl"));
        assertEquals(3, allRuns.stream().filter(l -> l.contains("\"event\":\"run_end\"")).count());
    }

    @Test
    void aFileAppendedToDuringTheRunIsPendingThenPickedUpOnceComplete() throws IOException {
        Path inbox = Files.createDirectories(base.resolve("inbox"));
        Path out = base.resolve("out");
        file(inbox, "091-helsinki.xlsx", "h");
        Path growing = inbox.resolve("049-espoo.xlsx");
        Files.writeString(growing, "first half");
        InboxScanner writerStillGoing = new InboxScanner(Clock.systemUTC(), d -> {
            try {
                Files.writeString(growing, " second half", StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Night first = run(inbox, out, Optional.empty(), writerStillGoing);
        assertEquals(List.of(Outcome.PENDING, Outcome.ACCEPTED), first.results().stream().map(FileResult::outcome).toList());
        assertTrue(first.stderr().contains("049-espoo.xlsx: Odottaa"), first.stderr());

        // The next night the copy has long finished: taken at once, no wait.
        Files.setLastModifiedTime(growing, FileTime.from(Instant.now().minusSeconds(600)));
        Night second = run(inbox, out, Optional.empty(), new InboxScanner(Clock.systemUTC(), d -> {
            throw new AssertionError("no wait expected");
        }));
        assertEquals(List.of(Outcome.ACCEPTED, Outcome.ACCEPTED), second.results().stream().map(FileResult::outcome)
                .toList());
        assertEquals(List.of("049-espoo.xlsx"), second.since().newReturns().stream()
                .map(SincePreviousRun.FileChange::file).toList());
    }

    @Test
    void withArchiveEveryInputIsFoundExactlyOnceInTheArchiveOrStillInTheInbox() throws IOException {
        Path inbox = Files.createDirectories(base.resolve("inbox"));
        Path archive = base.resolve("archive");
        file(inbox, "091-helsinki.xlsx", "h");
        file(inbox, "049-espoo.xlsx", "e");
        file(inbox, "notes.xlsx", "n");
        Path growing = inbox.resolve("092-vantaa.xlsx");
        Files.writeString(growing, "half");
        Map<String, String> before = sha256(inbox);
        InboxScanner writerStillGoing = new InboxScanner(Clock.systemUTC(), d -> {
            try {
                Files.writeString(growing, " more", StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Night night = run(inbox, base.resolve("out"), Optional.of(archive), writerStillGoing);
        assertEquals(List.of(ArchiveResult.Action.ARCHIVED, ArchiveResult.Action.ARCHIVED,
                ArchiveResult.Action.LEFT, ArchiveResult.Action.ARCHIVED),
                night.archived().stream().map(ArchiveResult::action).toList());
        Map<String, String> archived = sha256(archive);
        Map<String, String> left = sha256(inbox);
        assertEquals(before.get("091-helsinki.xlsx"), archived.get("091/091-helsinki.xlsx"));
        assertEquals(before.get("049-espoo.xlsx"), archived.get("049/049-espoo.xlsx"));
        assertEquals(before.get("notes.xlsx"), archived.get("rejected/notes.xlsx"));
        assertTrue(archived.containsKey("rejected/notes.xlsx.reason.txt"));
        assertEquals(List.of("092-vantaa.xlsx"), List.copyOf(left.keySet()), "the pending file stays");
        for (String input : before.keySet()) {
            String sha = input.equals("092-vantaa.xlsx") ? left.get(input) : before.get(input);
            long copies = Stream.concat(archived.values().stream(), left.values().stream()).filter(sha::equals).count();
            assertEquals(1, copies, input);
        }
    }
}
