package fi.digikunta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.inbox.Skipped;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.Message;
import fi.digikunta.model.Outcome;
import fi.digikunta.findings.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final Message MSG = new Message("viesti", "meddelande", "message");

    /** A clock that moves one second each time it is read. */
    static final class Ticking extends Clock {
        private Instant now = Instant.parse("2026-03-01T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            Instant t = now;
            now = now.plusSeconds(1);
            return t;
        }
    }

    @TempDir
    Path dir;

    static FileResult result(String file, Outcome o, String code, Finding... findings) {
        return new FileResult(file, o, code, o == Outcome.REJECTED ? MSG : null, List.of(findings), false, null,
                Instant.EPOCH, null);
    }

    private static List<JsonNode> parse(List<String> lines) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines) {
            out.add(M.readTree(l));
        }
        return out;
    }

    @Test
    void theLiveFileGetsTheRunEndLastAndAFailureInPlaceOfIt() throws IOException {
        Path file = dir.resolve("run-log.jsonl");
        Path setCopy = dir.resolve("set-run-log.jsonl");
        try (RunLog log = RunLog.open(file, new Ticking(), "20260301T020000Z-1")) {
            log.runStart(Map.of());
            log.file(result("a.xlsx", Outcome.ACCEPTED, "091"), null);
            log.runEnd(0);
            log.writeTo(setCopy);
            log.event("archived", Map.of("file", "a.xlsx"));
        }
        assertEquals(List.of("run_start", "file", "archived", "run_end"), events(file), "run_end last, once");
        assertEquals(List.of("run_start", "file", "run_end"), events(setCopy));
        // The live run_end is timed when written: after the archive's line, its duration covering it.
        List<JsonNode> live = parse(Files.readAllLines(file));
        List<JsonNode> copy = parse(Files.readAllLines(setCopy));
        assertTrue(Instant.parse(live.get(3).get("time").asText()).isAfter(Instant.parse(live.get(2).get("time")
                .asText())), live.toString());
        assertTrue(live.get(3).get("duration_ms").asLong() > copy.get(2).get("duration_ms").asLong());

        // The set was written, then publishing failed: the live file says the run ended with exit 3.
        try (RunLog log = RunLog.open(file, new Ticking(), "20260301T030000Z-2")) {
            log.runStart(Map.of());
            log.runEnd(0);
            log.runFailed(3, "cannot flush: disk full");
            log.runFailed(3, "a second failure is not another end");
        }
        assertEquals(6, Files.readAllLines(file).size(), "one run_end for each run, nothing after the failure's");
        List<JsonNode> second = parse(Files.readAllLines(file)).subList(4, 6);
        assertEquals(List.of("run_start", "run_end"), second.stream().map(n -> n.get("event").asText()).toList());
        assertEquals(3, second.get(1).get("exit_code").asInt());
        assertEquals("cannot flush: disk full", second.get(1).get("error").asText());
        assertEquals(0, second.get(1).get("files").asInt(), "the counts so far: no file yet");
    }

    private static List<String> events(Path file) throws IOException {
        return parse(Files.readAllLines(file)).stream().map(n -> n.get("event").asText()).toList();
    }

    @Test
    void oneJsonObjectPerLineStartFilesEndWithCountsAndDuration() throws IOException {
        Path file = dir.resolve("run-log.jsonl");
        try (RunLog log = RunLog.open(file, new Ticking(), "20260301T020000Z-1")) {
            log.runStart(Map.of("out", "/srv/out"));
            log.file(result("a.xlsx", Outcome.ACCEPTED, "091"), null);
            log.file(result("b\nc.xlsx", Outcome.ACCEPTED_WITH_WARNINGS, "049",
                    new Finding(FindingCode.of("name-mismatch").orElseThrow(), Severity.WARNING, "Tiedot", "B3", MSG),
                    new Finding(FindingCode.of("service-missing").orElseThrow(), Severity.WARNING, null, null, MSG)), null);
            log.file(result("rikki.xlsx", Outcome.REJECTED, null), "corrupt-zip");
            log.skipped(new Skipped("~$a.xlsx", "office-lock", MSG));
            log.runEnd(1);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(6, lines.size(), "a newline in a file name stays inside its line");
        List<JsonNode> ev = parse(lines);
        assertEquals(List.of("run_start", "file", "file", "file", "skipped", "run_end"),
                ev.stream().map(n -> n.get("event").asText()).toList());
        assertTrue(ev.stream().allMatch(n -> n.get("run_id").asText().equals("20260301T020000Z-1")));
        assertEquals("/srv/out", ev.get(0).get("out").asText());
        assertEquals("b\nc.xlsx", ev.get(2).get("file").asText());
        assertEquals(2, ev.get(2).get("warnings").asInt());
        assertEquals(0, ev.get(2).get("errors").asInt());
        assertEquals("corrupt-zip", ev.get(3).get("reason_code").asText());
        JsonNode end = ev.get(5);
        assertEquals(1, end.get("exit_code").asInt());
        assertEquals(3, end.get("files").asInt());
        assertEquals(6000, end.get("duration_ms").asLong(), "run_start at t+0 s, runEnd at t+5 s, the live line"
                + " timed when the log closes, t+6 s");
        assertEquals("{\"accepted\":1,\"accepted_with_warnings\":1,\"superseded\":0,\"rejected\":1,\"pending\":0}",
                M.writeValueAsString(end.get("counts")));
    }

    @Test
    void appendsAcrossRunsAndWritesThisRunAloneIntoTheSet() throws IOException {
        Path file = dir.resolve("run-log.jsonl");
        try (RunLog first = RunLog.open(file, Clock.systemUTC(), "r1")) {
            first.runStart(Map.of());
            first.runEnd(0);
        }
        try (RunLog second = RunLog.open(file, Clock.systemUTC(), "r2")) {
            second.runStart(Map.of());
            second.file(result("a.xlsx", Outcome.PENDING, null), null);
            second.runEnd(0);
            second.writeTo(dir.resolve("set-run-log.jsonl"));
        }
        assertEquals(5, Files.readAllLines(file).size());
        List<JsonNode> set = parse(Files.readAllLines(dir.resolve("set-run-log.jsonl")));
        assertEquals(3, set.size());
        assertTrue(set.stream().allMatch(n -> n.get("run_id").asText().equals("r2")));
    }

    @Test
    void aKilledRunLeavesItsLinesSoFar() throws IOException {
        Path file = dir.resolve("run-log.jsonl");
        RunLog log = RunLog.open(file, Clock.systemUTC(), "r1");
        log.runStart(Map.of());
        log.file(result("a.xlsx", Outcome.ACCEPTED, "091"), null);
        // not closed, as after a SIGKILL: every line was flushed when written
        assertEquals(2, Files.readAllLines(file).size());
        log.close();
    }

    @Test
    void rotatesAFileThatGrewPastTheLimit() throws IOException {
        Path file = dir.resolve("run-log.jsonl");
        Files.write(file, new byte[(int) RunLog.ROTATE_BYTES + 1]);
        try (RunLog log = RunLog.open(file, Clock.systemUTC(), "r1")) {
            log.runStart(Map.of());
        }
        assertEquals(RunLog.ROTATE_BYTES + 1, Files.size(dir.resolve("run-log.1.jsonl")));
        assertEquals(1, Files.readAllLines(file).size());
    }

    @Test
    void runIdSortsByTime() {
        String id = RunLog.newRunId(Instant.parse("2026-03-01T02:03:04.567Z"));
        assertEquals("20260301T020304Z-" + ProcessHandle.current().pid(), id);
    }
}
