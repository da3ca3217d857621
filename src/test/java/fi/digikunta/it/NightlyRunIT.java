package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job end to end, through the packaged jar: inputs never changed, reproducible bytes,
 * "since the previous run", a file still being written, and --archive.
 */
class NightlyRunIT {
    @TempDir
    Path dir;

    @Test
    void inputsAreUnchangedAndTwoRunsWithTheSameSourceDateEpochWriteTheSameReports() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox);
        // What else lands in a real inbox: Excel's owner file, a hidden file, an old sub-folder.
        Files.write(inbox.resolve("~$049-espoo.xlsx"), "owner".getBytes(StandardCharsets.UTF_8));
        Files.write(inbox.resolve(".DS_Store"), new byte[] {0, 0, 0, 1});
        Files.createDirectories(inbox.resolve("vanhat"));
        Files.copy(inbox.resolve("091-helsinki.xlsx"), inbox.resolve("vanhat/091-helsinki.xlsx"));
        SortedMap<String, String> sums = Sets.sha256(inbox);
        Map<String, FileTime> times = times(inbox);

        Map<String, SortedMap<String, byte[]>> sets = new HashMap<>();
        for (String w : List.of("a", "b")) {
            Path work = Files.createDirectories(dir.resolve(w));
            // 1: the samples' broken files have errors (--fail-on error)
            Jar.run(work, Jar.reproducible(), "run", inbox.toString(), "--out", "out").expect(1);
            sets.put(w, Sets.files(work.resolve("out")));
        }
        assertEquals(sums, Sets.sha256(inbox), "every input's SHA-256 is unchanged, nothing added or removed");
        assertEquals(times, times(inbox), "and so are their modification times");

        SortedMap<String, byte[]> a = sets.get("a");
        SortedMap<String, byte[]> b = sets.get("b");
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.containsKey("history/report-20260301T020000Z-1.json.gz"), "" + a.keySet());
        for (String f : a.keySet()) {
            if (f.equals("run-log.jsonl") || f.equals(".digikunta-set")) {
                continue;
            }
            assertArrayEquals(a.get(f), b.get(f), f + " is byte-identical");
        }
        // The run log differs only in the run id, which holds the pid so that runs in the same
        // second (always, under SOURCE_DATE_EPOCH) can be told apart in out.d/run-log.jsonl.
        String logA = new String(a.get("run-log.jsonl"), StandardCharsets.UTF_8);
        String logB = new String(b.get("run-log.jsonl"), StandardCharsets.UTF_8);
        assertNotEquals(logA, logB);
        assertEquals(withoutRunId(logA), withoutRunId(logB));
        // The set marker is the publisher's record (set number, pid, when): only pid and time differ.
        ObjectNode markerA = (ObjectNode) Sets.JSON.readTree(a.get(".digikunta-set"));
        ObjectNode markerB = (ObjectNode) Sets.JSON.readTree(b.get(".digikunta-set"));
        for (ObjectNode m : List.of(markerA, markerB)) {
            m.remove("pid");
            m.remove("published_at");
        }
        assertEquals(markerA, markerB);
        JsonNode report = Sets.JSON.readTree(a.get("report.json"));
        assertEquals("2026-03-01T02:00:00Z", report.get("generated_at").asText());
        assertTrue(report.at("/since_previous_run/first_run").asBoolean());
    }

    @Test
    void twoRunsThenOneMoreReturnGiveASinceSectionListingExactlyThatReturn() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox);
        Path held = dir.resolve("held");
        Files.createDirectories(held);
        Files.move(inbox.resolve("148-inari.xlsx"), held.resolve("148-inari.xlsx"));
        Path out = dir.resolve("out");
        String[] args = {"run", inbox.toString(), "--out", "out", "--quiet"};

        Jar.run(dir, Map.of(), args).expect(1);
        JsonNode first = Sets.reportJson(out);
        assertTrue(first.at("/since_previous_run/first_run").asBoolean());
        assertTrue(since(out).contains("<p>Tämä on ensimmäinen ajo tähän tuloskansioon"));

        Jar.run(dir, Map.of(), args).expect(1);
        JsonNode second = Sets.reportJson(out);
        JsonNode s2 = second.get("since_previous_run");
        assertFalse(s2.get("first_run").asBoolean());
        assertEquals(first.get("generated_at"), s2.get("previous_generated_at"));
        for (String list : List.of("new_returns", "superseded_returns", "newly_rejected", "changed_figures")) {
            assertEquals(0, s2.get(list).size(), list + " after a second run over the same inbox: " + s2);
        }
        assertTrue(since(out).contains("<p>Ei muutoksia: samat tiedostot"), since(out));

        Files.move(held.resolve("148-inari.xlsx"), inbox.resolve("148-inari.xlsx"));
        Jar.run(dir, Map.of(), args).expect(1);
        JsonNode s3 = Sets.reportJson(out).get("since_previous_run");
        JsonNode expected = Sets.JSON.readTree("{\"file\": \"148-inari.xlsx\", \"municipality_code\": \"148\","
                + " \"outcome\": \"accepted\", \"previous_outcome\": null, \"reason_code\": null}");
        assertEquals(List.of(expected), list(s3.get("new_returns")), s3.toString());
        assertEquals(0, s3.get("superseded_returns").size(), s3.toString());
        assertEquals(0, s3.get("newly_rejected").size(), s3.toString());
        assertEquals(1, s3.get("changed_figures").size(), s3.toString());
        assertEquals("148", s3.at("/changed_figures/0/municipality_code").asText());
        assertEquals("new", s3.at("/changed_figures/0/status").asText());
        JsonNode inari = null;
        for (JsonNode m : Sets.reportJson(out).get("municipalities")) {
            inari = m.get("municipality_code").asText().equals("148") ? m : inari;
        }
        assertEquals(new JsonNodeFigure("index", null, null, inari.get("index")),
                JsonNodeFigure.of(s3.at("/changed_figures/0/changes/0")), "Inari's index, new");

        String html = since(out);
        assertTrue(html.contains("<h3 id=\"h-since-new\">Uudet palautukset (1)</h3>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">148-inari.xlsx</th><td><a href=\"municipalities/148.html\">"
                + "148 Inari</a></td><td class=\"outcome-accepted\">Hyväksytty</td><td>ei aiemmin mukana</td>"), html);
        assertEquals(1, html.split("<th scope=\"row\">").length - 1, "exactly one file listed: " + html);
        assertEquals(1, html.split("<th scope=\"rowgroup\"").length - 1, "exactly one municipality: " + html);
        assertTrue(html.contains("<a href=\"municipalities/148.html\">148</a> Inari</th>"), html);
        try (Stream<Path> h = Files.list(out.resolve("history"))) {
            assertEquals(3, h.count(), "three runs in history");
        }
    }

    @Test
    void aFileStillBeingWrittenIsPendingAndReadByTheNextRunOnceComplete() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx");
        byte[] whole = Files.readAllBytes(Sets.SAMPLES.resolve("092-vantaa.xlsx"));
        Path growing = inbox.resolve("092-vantaa.xlsx");
        String[] args = {"run", inbox.toString(), "--out", "out", "--settle", "2s"};

        Jar.Started first;
        try (OutputStream o = Files.newOutputStream(growing, StandardOpenOption.CREATE_NEW)) {
            int at = whole.length / 2;
            o.write(whole, 0, at);
            o.flush();
            first = Jar.start(dir, Map.of(), args);
            // An attachment still being saved: a few bytes more every 100 ms while the run goes on.
            int step = Math.max(1, (whole.length - at) / 400);
            while (first.process().isAlive()) {
                int n = Math.min(step, whole.length - 1 - at);
                o.write(whole, at, n);
                o.flush();
                at += n;
                Thread.sleep(100);
            }
            o.write(whole, at, whole.length - at);
        }
        Jar.Result r1 = first.await().expect(0);
        Path out = dir.resolve("out");
        assertEquals(Map.of("049-espoo.xlsx", "accepted", "091-helsinki.xlsx", "accepted", "092-vantaa.xlsx",
                "pending"), Sets.outcomes(out), r1.toString());
        assertTrue(r1.stderr().contains("092-vantaa.xlsx: Odottaa"), r1.toString());
        assertFalse(codes(out).contains("092"), "a pending file has no figures yet");

        Jar.Result r2 = Jar.run(dir, Map.of(), args).expect(0);
        assertEquals("accepted", Sets.outcomes(out).get("092-vantaa.xlsx"), r2.toString());
        assertTrue(codes(out).contains("092"));
        JsonNode s = Sets.reportJson(out).get("since_previous_run");
        assertEquals("092-vantaa.xlsx", s.at("/new_returns/0/file").asText(), s.toString());
        assertEquals("pending", s.at("/new_returns/0/previous_outcome").asText(), s.toString());
        assertEquals(1, s.get("new_returns").size(), s.toString());
        assertArrayEquals(whole, Files.readAllBytes(growing), "the input untouched");
    }

    @Test
    void withArchiveEveryInputIsOnceInTheArchiveOrTheInboxAndTheNextRunStillHasTheFigures() throws Exception {
        Path inbox = dir.resolve("inbox");
        List<String> inputs = new ArrayList<>(Sets.copySamples(inbox));
        // Kerava sent two returns with the same fill date: the one saved later (by modification
        // time) counts, and must still count once both are in the archive.
        Sets.generate(inbox.resolve("245-kerava-a.xlsx"), "245", "2026-02-10", 1, Instant.now().minusSeconds(1800));
        Sets.generate(inbox.resolve("245-kerava-b.xlsx"), "245", "2026-02-10", 2, Instant.now().minusSeconds(7200));
        inputs.addAll(List.of("245-kerava-a.xlsx", "245-kerava-b.xlsx"));
        Files.write(inbox.resolve("~$091-helsinki.xlsx"), "owner".getBytes(StandardCharsets.UTF_8));
        Path archive = dir.resolve("archive");
        SortedMap<String, String> before = Sets.sha256(inbox);
        String[] args = {"run", inbox.toString(), "--out", "out", "--archive", "archive", "--recursive", "--quiet"};

        Jar.run(dir, Map.of(), args).expect(1);
        Path out = dir.resolve("out");
        JsonNode first = Sets.reportJson(out);
        assertEquals("accepted", Sets.outcomes(out).get("245-kerava-a.xlsx"));
        assertEquals("superseded", Sets.outcomes(out).get("245-kerava-b.xlsx"));
        assertOnce(before, inbox, archive);
        assertEquals(List.of("~$091-helsinki.xlsx"), new ArrayList<>(Sets.sha256(inbox).keySet()),
                "only the skipped owner file stays in the inbox");
        Map<String, String> outcomes = Sets.outcomes(out);
        for (String f : inputs) {
            String o = outcomes.get(f);
            Path expectedDir = o.equals("rejected") ? archive.resolve("rejected")
                    : archive.resolve(code(first, f));
            assertTrue(Files.isRegularFile(expectedDir.resolve(f)), f + " (" + o + ") in " + expectedDir);
        }
        String reason = Sets.text(archive.resolve("rejected/broken-password.xlsx.reason.txt"));
        assertTrue(reason.contains("reason_code: encrypted"), reason);
        SortedMap<String, String> archived = Sets.sha256(archive);

        // The next night: the returns are in the archive now, and still count.
        Jar.run(dir, Map.of(), args).expect(1);
        JsonNode second = Sets.reportJson(out);
        assertEquals(figures(first).keySet(), figures(second).keySet(), "every archived municipality still counts");
        assertEquals(List.of(), differing(figures(first), figures(second)), "figures that changed by archiving");
        List<String> expectedFiles = new ArrayList<>();
        first.get("files").forEach(f -> {
            if (!f.get("outcome").asText().equals("rejected")) {
                expectedFiles.add(f.get("file").asText() + " " + f.get("outcome").asText());
            }
        });
        List<String> files = new ArrayList<>();
        second.get("files").forEach(f -> files.add(f.get("file").asText() + " " + f.get("outcome").asText()));
        assertEquals(expectedFiles, files, "archived returns read back under their names; rejected ones are not");
        JsonNode s = second.get("since_previous_run");
        for (String list : List.of("new_returns", "superseded_returns", "newly_rejected", "changed_figures")) {
            assertEquals(0, s.get(list).size(), list + ": " + s);
        }
        assertEquals(archived, Sets.sha256(archive), "nothing archived twice");
        assertOnce(before, inbox, archive);

        // Night 3: Kerava resends its return under the same name, Inari a corrected one into a sub-folder.
        Sets.generate(inbox.resolve("245-kerava-a.xlsx"), "245", "2026-02-20", 3, Instant.now().minusSeconds(600));
        Files.createDirectories(inbox.resolve("korjatut"));
        Sets.generate(inbox.resolve("korjatut/148-inari.xlsx"), "148", "2026-02-20", 4,
                Instant.now().minusSeconds(600));
        SortedMap<String, String> all = new TreeMap<>(before);
        Sets.sha256(inbox).forEach((k, v) -> all.put("night3/" + k, v));
        Jar.run(dir, Map.of(), args).expect(1);
        JsonNode third = Sets.reportJson(out);
        JsonNode s3 = third.get("since_previous_run");
        // Kerava's resend is a new file under the old one's name (known by its time; the old one is archived).
        assertEquals(List.of("245-kerava-a.xlsx accepted", "korjatut/148-inari.xlsx accepted"),
                fileChanges(s3.get("new_returns")), s3.toString());
        assertEquals(null, s3.get("new_returns").get(0).get("previous_outcome").textValue(), s3.toString());
        assertEquals(List.of("148-inari.xlsx superseded", "archive/245/245-kerava-a.xlsx superseded"),
                fileChanges(s3.get("superseded_returns")), s3.toString());
        assertEquals(List.of("148 changed", "245 changed"), municipalityChanges(s3), s3.toString());
        assertOnce(all, inbox, archive);

        // Night 4: nothing arrived, so nothing changed, although last night's returns are archived now.
        Jar.run(dir, Map.of(), args).expect(1);
        JsonNode fourth = Sets.reportJson(out);
        JsonNode s4 = fourth.get("since_previous_run");
        for (String list : List.of("new_returns", "superseded_returns", "newly_rejected", "changed_figures")) {
            assertEquals(0, s4.get(list).size(), list + " the night after archiving: " + s4);
        }
        assertEquals(outcomesOf(third), outcomesOf(fourth), "the same files under the same names");
        assertEquals(List.of("~$091-helsinki.xlsx"), new ArrayList<>(Sets.sha256(inbox).keySet()));
        assertOnce(all, inbox, archive);
    }

    static List<String> fileChanges(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(f -> out.add(f.get("file").asText() + " " + f.get("outcome").asText()));
        return out;
    }

    static List<String> municipalityChanges(JsonNode since) {
        List<String> out = new ArrayList<>();
        since.get("changed_figures").forEach(m -> out.add(m.get("municipality_code").asText() + " " + m.get("status").asText()));
        return out;
    }

    static List<String> outcomesOf(JsonNode report) {
        return fileChanges(report.get("files"));
    }

    // ------------------------------------------------------------------ helpers

    /** Every input (by content) is exactly once in the inbox or the archive; the archive holds nothing else. */
    static void assertOnce(SortedMap<String, String> inputs, Path inbox, Path archive) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        Sets.sha256(inbox).values().forEach(h -> seen.merge(h, 1, Integer::sum));
        Sets.sha256(archive).forEach((name, h) -> {
            // Reason texts beside rejected files; hidden notes of the name a return had in the inbox.
            if (!name.endsWith(".reason.txt") && !Path.of(name).getFileName().toString().startsWith(".")) {
                assertTrue(inputs.containsValue(h), "the archive holds only inputs: " + name);
                seen.merge(h, 1, Integer::sum);
            }
        });
        inputs.forEach((name, h) -> assertEquals(1, seen.getOrDefault(h, 0), name + " exactly once"));
    }

    static String code(JsonNode report, String file) {
        for (JsonNode f : report.get("files")) {
            if (f.get("file").asText().equals(file)) {
                return f.get("municipality_code").asText();
            }
        }
        throw new AssertionError(file + " not in report.json");
    }

    /** code -> index, level, savings and areas of every municipality. */
    static Map<String, String> figures(JsonNode report) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode m : report.get("municipalities")) {
            out.put(m.get("municipality_code").asText(), m.get("index") + " " + m.get("level") + " " + m.get("savings") + " "
                    + m.get("areas"));
        }
        assertFalse(out.isEmpty());
        return out;
    }

    static List<String> differing(Map<String, String> a, Map<String, String> b) {
        return a.keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).toList();
    }

    static List<String> codes(Path out) throws Exception {
        List<String> codes = new ArrayList<>();
        Sets.reportJson(out).get("municipalities").forEach(m -> codes.add(m.get("municipality_code").asText()));
        return codes;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** One entry of changed_figures[].changes, compared by value. */
    record JsonNodeFigure(String field, String area, String before, String after) {
        JsonNodeFigure(String field, String area, JsonNode before, JsonNode after) {
            this(field, area, before == null || before.isNull() ? null : before.decimalValue().toPlainString(),
                    after == null || after.isNull() ? null : after.decimalValue().toPlainString());
        }

        static JsonNodeFigure of(JsonNode change) {
            return new JsonNodeFigure(change.get("field").asText(), change.get("area").isNull() ? null
                    : change.get("area").asText(), change.get("before"), change.get("after"));
        }
    }

    /** The since section of report.html. */
    static String since(Path out) throws Exception {
        String html = Sets.text(out.resolve("report.html"));
        int start = html.indexOf("<section aria-labelledby=\"h-since\">");
        assertTrue(start >= 0, "report.html has the since section");
        return html.substring(start, html.indexOf("</section>", start));
    }

    static String withoutRunId(String log) {
        return log.replaceAll("\"run_id\":\"[^\"]*\"", "\"run_id\":\"-\"");
    }

    static Map<String, FileTime> times(Path root) throws Exception {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}
