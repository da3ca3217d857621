package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.testing.ZipParts;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, the per-file cases, through the packaged jar with the launcher's 256 MB heap: one
 * return, however hostile or unlucky, never takes the run, the publishing or another return with it
 * (docs/robustness.md and docs/nightly.md list these guarantees).
 */
class NightlyFilesIT {
    private static final String[] RUN = {"run", "inbox", "--out", "out", "--quiet"};

    @TempDir
    Path dir;

    @Test
    void aReturnWithHugeTextsIsCappedWithAFindingAndTheRunPublishesEveryPage() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx", "092-vantaa.xlsx");
        // 180 own services on every area tab, service name and system each one 32,000-character text.
        TestReturn t = TestReturn.valid("837", "Tampere", LocalDate.of(2026, 2, 10));
        String name = "N".repeat(31_999) + "1";
        String system = "S".repeat(31_999) + "2";
        for (String area : t.areas.keySet()) {
            for (int i = 0; i < 180; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("service", name);
                row.put("status", "Käytössä");
                for (String stage : TestReturn.SCHEMA.stages()) {
                    row.put("stage." + stage, "Digitaalinen");
                }
                row.put("usage", new TestReturn.Pct(0.5));
                row.put("system", system);
                t.append(area, row);
            }
        }
        write(inbox.resolve("837-tampere.xlsx"), t.toXlsx());

        Jar.Result r = Jar.start(dir, Jar.LAUNCHER_HEAP, Map.of(), RUN).await().expect(0);
        Path out = dir.resolve("out");
        assertEquals(Map.of("049-espoo.xlsx", "accepted", "091-helsinki.xlsx", "accepted", "092-vantaa.xlsx",
                "accepted", "837-tampere.xlsx", "accepted_with_warnings"), Sets.outcomes(out), r.toString());
        JsonNode tampere = file(Sets.reportJson(out), "837-tampere.xlsx");
        JsonNode truncated = null;
        for (JsonNode f : tampere.get("findings")) {
            truncated = truncated == null && f.get("code").asText().equals("text-truncated") ? f : truncated;
        }
        assertTrue(truncated != null, tampere.toString());
        assertFalse(truncated.get("sheet").asText().isEmpty(), "the finding names the tab: " + truncated);
        assertTrue(truncated.get("cell").asText().matches("[A-Z]+\\d+"), "and the cell: " + truncated);
        assertTrue(truncated.get("message_en").asText().contains("32000"), truncated.toString());
        Path page = out.resolve("municipalities/837.html");
        assertTrue(Files.size(page) < 10_000_000, "the page is bounded: " + Files.size(page));
        String html = Sets.text(page);
        assertTrue(html.stripTrailing().endsWith("</html>"), "the page is whole");
        assertTrue(html.contains("N".repeat(1999) + "\u2026"), "the text cut at 2,000 characters, marked");
        assertFalse(html.contains("N".repeat(2001)), "and no more of it");
    }

    @Test
    void whateverFailsWhileRenderingOneMunicipalitysPageRejectsThatFileAloneAndTheRunPublishes() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx", "092-vantaa.xlsx");
        // An operator's template that blows the stack on one municipality's page only.
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("municipality.ftlh"), "<#macro deep n><@deep n=n+1/></#macro>"
                + "<#if code == \"091\"><@deep n=0/></#if><!DOCTYPE html><html><p>${code}</p></html>\n");
        Jar.Result r = Jar.start(dir, Jar.LAUNCHER_HEAP, Map.of(), "run", "inbox", "--out", "out", "--templates",
                "templates").await().expect(1);
        Path out = dir.resolve("out");
        assertEquals(Map.of("049-espoo.xlsx", "accepted", "091-helsinki.xlsx", "rejected", "092-vantaa.xlsx",
                "accepted"), Sets.outcomes(out), r.toString());
        JsonNode report = Sets.reportJson(out);
        assertEquals("internal-error", file(report, "091-helsinki.xlsx").at("/reason/code").asText());
        assertTrue(r.stderr().contains("091-helsinki.xlsx"), r.toString());
        assertTrue(Files.isRegularFile(out.resolve("municipalities/049.html")));
        assertTrue(Files.isRegularFile(out.resolve("municipalities/092.html")));
        List<String> codes = new ArrayList<>();
        report.get("municipalities").forEach(m -> codes.add(m.get("municipality_code").asText()));
        assertEquals(List.of("049", "092"), codes, "the rejected return is out of the figures");
    }

    @Test
    void aNumberFormatOfTwoMillionCharactersUsedBy65536CellFormatsIsRejectedQuickly() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "091-helsinki.xlsx");
        Random random = new Random(11);
        String alphabet = "0#.,[]hmsyd-/ ";
        StringBuilder code = new StringBuilder(2_000_000);
        for (int i = 0; i < 2_000_000; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        StringBuilder styles = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<styleSheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\">"
                + "<numFmt numFmtId=\"200\" formatCode=\"").append(code).append("\"/></numFmts><cellXfs count=\"65536\">");
        for (int i = 0; i < 65_536; i++) {
            styles.append("<xf numFmtId=\"200\"/>");
        }
        styles.append("</cellXfs></styleSheet>");
        byte[] hostile = ZipParts.edit(TestReturn.valid("837", "Tampere", LocalDate.of(2026, 2, 10)).toXlsx(),
                "xl/styles.xml", s -> styles.toString());
        write(inbox.resolve("837-tampere.xlsx"), hostile);

        long start = System.nanoTime();
        Jar.Result r = Jar.start(dir, Jar.LAUNCHER_HEAP, Map.of(), RUN).await().expect(1);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.toSeconds() < 60, "well within the 60-second limit: " + took);
        Path out = dir.resolve("out");
        assertEquals(Map.of("091-helsinki.xlsx", "accepted", "837-tampere.xlsx", "rejected"), Sets.outcomes(out),
                r.toString());
        JsonNode f = file(Sets.reportJson(out), "837-tampere.xlsx");
        assertEquals("read-limit", f.at("/reason/code").asText(), f.toString());
        assertTrue(f.at("/reason/en").asText().contains("1024"), f.toString());
    }

    @Test
    void c1ControlCharactersBecomeReplacementCharactersInCsvJsonAndHtml() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx");
        TestReturn t = TestReturn.valid("837", "Tampere", LocalDate.of(2026, 2, 10));
        Map<String, Object> own = t.areas.get("ASU").rows.get(t.areas.get("ASU").rows.size() - 1);
        own.put("service", "Oma\u0085palvelu \u009B31m");
        own.put("system", "J\u0090rjestelm\u0084");
        write(inbox.resolve("837-tampere.xlsx"), t.toXlsx());

        Jar.Result r = Jar.start(dir, Jar.LAUNCHER_HEAP, Map.of(), RUN).await().expect(0);
        SortedMap<String, byte[]> set = Sets.files(dir.resolve("out"));
        int checked = 0;
        for (Map.Entry<String, byte[]> e : set.entrySet()) {
            if (e.getKey().matches(".*\\.(csv|json|html)")) {
                String text = new String(e.getValue(), StandardCharsets.UTF_8);
                assertFalse(text.chars().anyMatch(c -> c >= 0x80 && c <= 0x9F), e.getKey() + " holds a C1 character");
                checked++;
            }
        }
        assertTrue(checked > 5, set.keySet().toString());
        String json = new String(set.get("report.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("Oma\uFFFDpalvelu \uFFFD31m"), r.toString());
        assertTrue(Sets.text(dir.resolve("out/municipalities/837.html")).contains("Oma\uFFFDpalvelu \uFFFD31m"));
        assertTrue(Sets.text(dir.resolve("out/services.csv")).contains("Oma\uFFFDpalvelu"), "services.csv");
    }

    @Test
    void aFillDateAfterTheRunsDateIsAnErrorOnItsCellAndDoesNotDecideSuperseding() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Sets.generate(inbox.resolve("091-a.xlsx"), "091", "2026-02-10", 1, Instant.now().minusSeconds(7200));
        Sets.generate(inbox.resolve("091-b.xlsx"), "091", "2099-01-01", 2, Instant.now().minusSeconds(3600));
        // 0: the error is on a superseded file, whose findings are not judged (--fail-on). The inbox's
        // round is given: a v1 form's round would otherwise come from its fill date (docs/validation.md).
        Jar.Result r = Jar.start(dir, Jar.LAUNCHER_HEAP, Map.of(), "run", "inbox", "--out", "out", "--quiet",
                "--round", "2026").await().expect(0);
        Path out = dir.resolve("out");
        assertEquals(Map.of("091-a.xlsx", "accepted", "091-b.xlsx", "superseded"), Sets.outcomes(out), r.toString());
        JsonNode b = file(Sets.reportJson(out), "091-b.xlsx");
        JsonNode date = null;
        for (JsonNode f : b.get("findings")) {
            date = f.get("code").asText().equals("invalid-date") ? f : date;
        }
        assertTrue(date != null, b.toString());
        assertEquals("error", date.get("severity").asText(), date.toString());
        assertTrue(date.get("cell").asText().matches("[A-Z]+\\d+"), date.toString());
        assertTrue(date.get("message_en").asText().contains("2099-01-01"), date.toString());
    }

    @Test
    void implausibleMagnitudesAreErrorsOnTheirCellsAndNoNationalTotalIsBlank() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx");
        TestReturn t = TestReturn.valid("837", "Tampere", LocalDate.of(2026, 2, 10));
        String first = TestReturn.SCHEMA.servicesOf("ASU").get(0).id();
        t.set("ASU", first, "volume", 1e308);
        t.set("ASU", first, "cost", 1e308);
        write(inbox.resolve("837-tampere.xlsx"), t.toXlsx());

        Jar.Result r = Jar.start(dir, Jar.LAUNCHER_HEAP, Map.of(), RUN).await().expect(1);
        JsonNode report = Sets.reportJson(dir.resolve("out"));
        JsonNode tampere = file(report, "837-tampere.xlsx");
        assertEquals("accepted_with_warnings", tampere.get("outcome").asText(), r.toString());
        int errors = 0;
        for (JsonNode f : tampere.get("findings")) {
            if (f.get("code").asText().equals("number-out-of-range") && f.get("severity").asText().equals("error")) {
                assertTrue(f.get("cell").asText().matches("[A-Z]+\\d+"), f.toString());
                errors++;
            }
        }
        assertEquals(2, errors, tampere.toString());
        report.at("/national/savings").forEach(area -> area.fields().forEachRemaining(e -> assertTrue(
                e.getValue().isNumber(), "national savings " + e.getKey() + " is a number: " + area)));
    }

    @Test
    void aWriterThatStallsLongerThanSettleLosesNothingWithArchive() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "049-espoo.xlsx", "091-helsinki.xlsx");
        byte[] whole = Files.readAllBytes(Sets.SAMPLES.resolve("092-vantaa.xlsx"));
        Path growing = inbox.resolve("092-vantaa.xlsx");
        String[] args = {"run", "inbox", "--out", "out", "--archive", "archive", "--settle", "2s", "--quiet"};
        try (OutputStream o = Files.newOutputStream(growing, StandardOpenOption.CREATE_NEW)) {
            o.write(whole, 0, whole.length / 2);
            o.flush();
            // The writer stalls longer than --settle: the half-written file looks settled.
            Files.setLastModifiedTime(growing, FileTime.from(Instant.now().minusSeconds(30)));
            Jar.Result r1 = Jar.start(dir, Jar.LAUNCHER_HEAP, Map.of(), args).await().expect(0);
            Path out = dir.resolve("out");
            assertEquals(Map.of("049-espoo.xlsx", "accepted", "091-helsinki.xlsx", "accepted", "092-vantaa.xlsx",
                    "pending"), Sets.outcomes(out), r1.toString());
            assertTrue(Files.isRegularFile(growing), "the half-written file stays in the inbox");
            assertFalse(Files.exists(dir.resolve("archive/rejected/092-vantaa.xlsx")), "and is not rejected");
            // The writer wakes up and finishes, into the same file.
            o.write(whole, whole.length / 2, whole.length - whole.length / 2);
        }
        Files.setLastModifiedTime(growing, FileTime.from(Instant.now().minusSeconds(30)));
        Jar.Result r2 = Jar.start(dir, Jar.LAUNCHER_HEAP, Map.of(), args).await().expect(0);
        assertEquals("accepted", Sets.outcomes(dir.resolve("out")).get("092-vantaa.xlsx"), r2.toString());
        assertArrayEquals(whole, Files.readAllBytes(dir.resolve("archive/092/092-vantaa.xlsx")),
                "the whole return is archived");
        assertFalse(Files.exists(growing));
    }

    @Test
    void aFileRejectedAsDamagedOlderThanTheGraceTimeIsStillRejectedAndArchived() throws Exception {
        Path inbox = dir.resolve("inbox");
        Sets.copySamples(inbox, "091-helsinki.xlsx");
        byte[] whole = Files.readAllBytes(Sets.SAMPLES.resolve("092-vantaa.xlsx"));
        Path half = inbox.resolve("092-vantaa.xlsx");
        write(half, java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.setLastModifiedTime(half, FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
        Jar.Result r = Jar.start(dir, Jar.LAUNCHER_HEAP, Map.of(), "run", "inbox", "--out", "out", "--archive",
                "archive", "--quiet").await().expect(1);
        assertEquals("rejected", Sets.outcomes(dir.resolve("out")).get("092-vantaa.xlsx"), r.toString());
        assertTrue(Files.isRegularFile(dir.resolve("archive/rejected/092-vantaa.xlsx")), r.toString());
    }

    // ------------------------------------------------------------------ helpers

    static void write(Path p, byte[] bytes) throws Exception {
        Files.write(p, bytes);
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    static JsonNode file(JsonNode report, String name) {
        for (JsonNode f : report.get("files")) {
            if (f.get("file").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError(name + " not in report.json");
    }
}
