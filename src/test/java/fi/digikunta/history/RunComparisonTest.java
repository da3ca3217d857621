package fi.digikunta.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.digikunta.model.SincePreviousRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {
    private static final ObjectMapper M = JsonMapper.builder()
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true)).build();

    /** A report.json in the core shape of the brief, with only what the comparison reads plus noise. */
    static final class Report {
        final ObjectNode root = M.createObjectNode();
        final ArrayNode files;
        final ArrayNode municipalities;

        Report(String generatedAt) {
            root.put("format_version", 1);
            root.put("generated_at", generatedAt);
            files = root.putArray("files");
            municipalities = root.putArray("municipalities");
            root.putObject("national").put("index", 2.1);
        }

        Report file(String name, String outcome, String code, String reasonCode) {
            ObjectNode f = files.addObject();
            f.put("file", name).put("outcome", outcome).put("municipality_code", code);
            if (reasonCode == null) {
                f.putNull("reason");
            } else {
                f.putObject("reason").put("code", reasonCode).put("fi", "syy").put("sv", "orsak").put("en", "reason");
            }
            f.putArray("findings");
            return this;
        }

        Report municipality(String code, String index, int level, long realised, String... areaIndexes) {
            ObjectNode m = municipalities.addObject();
            m.put("code", code).put("name_fi", "Kunta " + code).put("index", new java.math.BigDecimal(index))
                    .put("level", level);
            m.putObject("savings").put("realised_net", realised).put("potential_net", 1000).put("target", 5000)
                    .put("computable_in_use", 3);
            ArrayNode areas = m.putArray("areas");
            for (int i = 0; i < areaIndexes.length; i++) {
                ObjectNode a = areas.addObject();
                a.put("area", "A" + (i + 1)).put("index", new java.math.BigDecimal(areaIndexes[i])).put("level", 2);
                a.putObject("savings").put("realised_net", 10).put("potential_net", 20).put("target", 30)
                        .put("computable_in_use", 1);
            }
            m.putArray("services");
            return this;
        }

        /** Gives the last file a modification time, as history notes it. */
        Report at(String modified) {
            ((ObjectNode) files.get(files.size() - 1)).put("modified", modified);
            return this;
        }

        /** Puts {@code round} on every file and municipality so far, as report.json has it. */
        Report inRound(int round) {
            files.forEach(f -> ((ObjectNode) f).put("round", round));
            municipalities.forEach(m -> ((ObjectNode) m).put("round", round));
            return this;
        }

        byte[] bytes() throws IOException {
            return M.writeValueAsBytes(root);
        }

        ReportSnapshot snapshot() throws IOException {
            return ReportSnapshot.parse(bytes());
        }
    }

    private static List<String> names(List<SincePreviousRun.FileChange> l) {
        return l.stream().map(SincePreviousRun.FileChange::file).toList();
    }

    private static Report base(String at) {
        return new Report(at)
                .file("espoo.xlsx", "accepted_with_warnings", "049", null)
                .file("helsinki.xlsx", "accepted", "091", null)
                .file("rikki.xlsx", "rejected", null, "corrupt-zip")
                .municipality("049", "2.40", 2, 5000, "2.0", "2.8")
                .municipality("091", "3.10", 3, 12000, "3.0", "3.2");
    }

    @Test
    void noPreviousSetIsAFirstRun() throws IOException {
        SincePreviousRun s = RunComparison.between(Optional.empty(), base("2026-03-01T02:00:00Z").bytes());
        assertTrue(s.firstRun());
        assertEquals(List.of(), s.newReturns());
        assertEquals("{\"first_run\":true,\"previous_unreadable\":false,\"previous_generated_at\":null,"
                + "\"round\":null,\"previous_round\":null,\"new_returns\":[],\"superseded_returns\":[],\"newly_rejected\":[],\"changed_figures\":[]}",
                M.writeValueAsString(s));
    }

    @Test
    void onlyTheCoreFieldsAreReadWhateverElseTheReportCarries() throws IOException {
        Report plain = base("2026-03-01T02:00:00Z");
        Report heavy = base("2026-03-01T02:00:00Z");
        for (com.fasterxml.jackson.databind.JsonNode f : heavy.files) {
            ArrayNode findings = (ArrayNode) f.get("findings");
            for (int i = 0; i < 500; i++) {
                findings.addObject().put("code", "service-missing").put("cell", "A" + i)
                        .putArray("nested").addObject().put("deep", i);
            }
        }
        for (com.fasterxml.jackson.databind.JsonNode m : heavy.municipalities) {
            ((ArrayNode) m.get("services")).addObject().put("id", "ASU-01").putObject("savings").put("x", 1);
            ((ObjectNode) m.get("areas").get(0)).putArray("services").add(1);
        }
        heavy.root.putObject("national").putArray("services").add(2);
        ReportSnapshot a = plain.snapshot();
        ReportSnapshot b = heavy.snapshot();
        assertEquals(a, b);
        assertEquals(List.of("espoo.xlsx", "helsinki.xlsx", "rikki.xlsx"), List.copyOf(b.files().keySet()));
        assertEquals("corrupt-zip", b.files().get("rikki.xlsx").reasonCode());
        assertEquals("3.10", b.municipalities().get("091").index().asText());
        assertEquals(List.of("A1", "A2"), List.copyOf(b.municipalities().get("049").areas().keySet()));
        assertEquals("2026-03-01T02:00:00Z", b.generatedAt());
    }

    @Test
    void aDamagedPartAnywhereMakesThePreviousReportUnreadable(@TempDir Path tmp) throws IOException {
        byte[] good = base("2026-03-01T02:00:00Z").bytes();
        Path previous = tmp.resolve("report.json");
        // Cut inside the findings of the last file: a part the snapshot does not keep, still noticed.
        String text = new String(good, java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(previous, text.substring(0, text.lastIndexOf("\"findings\"") + 12));
        SincePreviousRun s = RunComparison.between(Optional.of(previous), good);
        assertTrue(s.previousUnreadable());
    }

    @Test
    void sameInboxTwiceChangesNothing() throws IOException {
        SincePreviousRun s = RunComparison.compare(base("2026-03-01T02:00:00Z").snapshot(),
                base("2026-03-02T02:00:00Z").snapshot());
        assertFalse(s.firstRun());
        assertEquals("2026-03-01T02:00:00Z", s.previousGeneratedAt());
        assertEquals(List.of(), s.newReturns());
        assertEquals(List.of(), s.supersededReturns());
        assertEquals(List.of(), s.newlyRejected());
        assertEquals(List.of(), s.changedFigures());
    }

    @Test
    void oneMoreReturnIsListedAloneWithItsNewFigures() throws IOException {
        Report now = base("2026-03-02T02:00:00Z").file("vantaa.xlsx", "accepted", "092", null)
                .municipality("092", "1.90", 2, 800, "1.5");
        SincePreviousRun s = RunComparison.compare(base("2026-03-01T02:00:00Z").snapshot(), now.snapshot());
        assertEquals(List.of(new SincePreviousRun.FileChange("vantaa.xlsx", "092", "accepted", null, null)),
                s.newReturns());
        assertEquals(List.of(), s.supersededReturns());
        assertEquals(List.of(), s.newlyRejected());
        assertEquals(1, s.changedFigures().size());
        SincePreviousRun.MunicipalityChange m = s.changedFigures().get(0);
        assertEquals("092", m.code());
        assertEquals("new", m.status());
        List<String> fields = new ArrayList<>();
        m.changes().forEach(c -> fields.add((c.area() == null ? "" : c.area() + ":") + c.field() + "="
                + (c.before() == null ? "null" : c.before().asText()) + "->" + c.after().asText()));
        assertEquals(List.of("index=null->1.90", "level=null->2", "savings.realised_net=null->800",
                "savings.potential_net=null->1000", "savings.target=null->5000", "savings.computable_in_use=null->3",
                "A1:index=null->1.5", "A1:level=null->2", "A1:savings.realised_net=null->10",
                "A1:savings.potential_net=null->20", "A1:savings.target=null->30",
                "A1:savings.computable_in_use=null->1"), fields);
    }

    @Test
    void aNewerVersionSupersedesTheOldAndChangesFigures() throws IOException {
        Report now = new Report("2026-03-02T02:00:00Z")
                .file("espoo.xlsx", "accepted_with_warnings", "049", null)
                .file("helsinki-v2.xlsx", "accepted", "091", null)
                .file("helsinki.xlsx", "superseded", "091", "superseded")
                .file("rikki.xlsx", "rejected", null, "corrupt-zip")
                .municipality("049", "2.4", 2, 5000, "2.0", "2.80")
                .municipality("091", "3.30", 3, 15000, "3.0", "3.6");
        SincePreviousRun s = RunComparison.compare(base("2026-03-01T02:00:00Z").snapshot(), now.snapshot());
        assertEquals(List.of("helsinki-v2.xlsx"), names(s.newReturns()));
        assertEquals(List.of(new SincePreviousRun.FileChange("helsinki.xlsx", "091", "superseded", "accepted",
                "superseded")), s.supersededReturns());
        assertEquals(List.of(), s.newlyRejected(), "rikki.xlsx was rejected before too");
        assertEquals(1, s.changedFigures().size(), "049's 2.40 -> 2.4 and 2.8 -> 2.80 are the same numbers");
        SincePreviousRun.MunicipalityChange m = s.changedFigures().get(0);
        assertEquals("091", m.code());
        assertEquals("changed", m.status());
        assertEquals(3, m.changes().size());
        assertEquals(new SincePreviousRun.FigureChange("index", null, M.getNodeFactory().numberNode(
                new java.math.BigDecimal("3.10")), M.getNodeFactory().numberNode(new java.math.BigDecimal("3.30"))),
                m.changes().get(0));
        assertEquals("savings.realised_net", m.changes().get(1).field());
        assertEquals(12000, m.changes().get(1).before().asLong());
        assertEquals(15000, m.changes().get(1).after().asLong());
        assertEquals("A2", m.changes().get(2).area());
        assertEquals("index", m.changes().get(2).field());
    }

    @Test
    void aReturnOverwrittenWithABrokenFileIsNewlyRejectedAndItsFiguresGone() throws IOException {
        Report now = new Report("2026-03-02T02:00:00Z")
                .file("espoo.xlsx", "rejected", "049", "corrupt-zip")
                .file("helsinki.xlsx", "accepted", "091", null)
                .file("rikki.xlsx", "rejected", null, "corrupt-zip")
                .file("uusi-rikki.xlsx", "rejected", null, "not-a-workbook")
                .municipality("091", "3.10", 3, 12000, "3.0", "3.2");
        SincePreviousRun s = RunComparison.compare(base("2026-03-01T02:00:00Z").snapshot(), now.snapshot());
        assertEquals(List.of(
                new SincePreviousRun.FileChange("espoo.xlsx", "049", "rejected", "accepted_with_warnings", "corrupt-zip"),
                new SincePreviousRun.FileChange("uusi-rikki.xlsx", null, "rejected", null, "not-a-workbook")),
                s.newlyRejected());
        assertEquals(List.of(), s.newReturns());
        assertEquals("gone", s.changedFigures().get(0).status());
        assertEquals("049", s.changedFigures().get(0).code());
        assertTrue(s.changedFigures().get(0).changes().stream().allMatch(c -> c.after() == null));
    }

    @Test
    void aFixedReturnThatWasRejectedIsNew() throws IOException {
        Report now = base("2026-03-02T02:00:00Z");
        now.files.remove(2);
        now.file("rikki.xlsx", "accepted", "092", null);
        SincePreviousRun s = RunComparison.compare(base("2026-03-01T02:00:00Z").snapshot(), now.snapshot());
        assertEquals(List.of(new SincePreviousRun.FileChange("rikki.xlsx", "092", "accepted", "rejected", null)),
                s.newReturns());
    }

    @Test
    void unreadablePreviousIsSaidSoAndAMissingOneIsAFirstRun(@TempDir Path dir) throws IOException {
        Path prev = dir.resolve("report.json");
        Files.writeString(prev, "{\"files\": [ {\"file\": ");
        SincePreviousRun s = RunComparison.between(Optional.of(prev), base("2026-03-02T02:00:00Z").bytes());
        assertTrue(s.previousUnreadable());
        assertFalse(s.firstRun());
        assertTrue(RunComparison.between(Optional.of(dir.resolve("none.json")), base("x").bytes()).firstRun());
        Files.write(prev, base("2026-03-01T02:00:00Z").bytes());
        SincePreviousRun ok = RunComparison.between(Optional.of(prev), base("2026-03-02T02:00:00Z").bytes());
        assertFalse(ok.previousUnreadable());
        assertEquals("2026-03-01T02:00:00Z", ok.previousGeneratedAt());
    }

    @Test
    void aCurrentReportThatIsNotAReportIsAnError() {
        assertThrows(IOException.class, () -> ReportSnapshot.parse("[1,2]".getBytes()));
    }

    @Test
    void serialisesWithTheDocumentedNamesWhateverTheWritersNamingStrategy() throws IOException {
        ObjectMapper snake = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        Report now = base("2026-03-02T02:00:00Z").file("vantaa.xlsx", "accepted", "092", null);
        now.municipality("091", "3.20", 3, 12000, "3.0", "3.2");
        now.municipalities.remove(1);
        SincePreviousRun s = RunComparison.compare(base("2026-03-01T02:00:00Z").snapshot(), now.snapshot());
        String expected = "{\"first_run\":false,\"previous_unreadable\":false,"
                + "\"previous_generated_at\":\"2026-03-01T02:00:00Z\",\"round\":null,\"previous_round\":null,"
                + "\"new_returns\":[{\"file\":\"vantaa.xlsx\",\"municipality_code\":\"092\",\"outcome\":\"accepted\","
                + "\"previous_outcome\":null,\"reason_code\":null}],"
                + "\"superseded_returns\":[],\"newly_rejected\":[],"
                + "\"changed_figures\":[{\"municipality_code\":\"091\",\"status\":\"changed\",\"changes\":["
                + "{\"field\":\"index\",\"area\":null,\"before\":3.10,\"after\":3.20}]}]}";
        assertEquals(expected, snake.writeValueAsString(s));
        assertEquals(expected, M.writeValueAsString(s));
    }

    private static List<String> figureCodes(SincePreviousRun s) {
        return s.changedFigures().stream().map(m -> m.code() + ":" + m.status()).toList();
    }

    private static final String T1 = "2026-02-01T10:00:00.123456789Z";
    private static final String T2 = "2026-02-02T10:00:00Z";
    private static final String T3 = "2026-02-03T10:00:00Z";
    private static final String T4 = "2026-02-04T10:00:00Z";
    private static final String T5 = "2026-02-05T10:00:00Z";

    @Test
    void aSecondInboxFolderPrefixingEveryNameIsNoNewReturn() throws IOException {
        Report before = new Report("2026-03-01T02:00:00Z").file("espoo.xlsx", "accepted", "049", null).at(T1)
                .file("helsinki.xlsx", "accepted", "091", null).at(T2)
                .file("rikki.xlsx", "rejected", null, "corrupt-zip").at(T3).inRound(2025);
        Report now = new Report("2026-03-02T02:00:00Z").file("2025/espoo.xlsx", "accepted", "049", null).at(T1)
                .file("2025/helsinki.xlsx", "accepted", "091", null).at(T2)
                .file("2025/rikki.xlsx", "rejected", null, "corrupt-zip").at(T3).inRound(2025)
                .file("2026/helsinki.xlsx", "rejected", "091", "identification-missing").at(T4)
                .file("2026/vantaa.xlsx", "accepted", "092", null).at(T5);
        ((ObjectNode) now.files.get(4)).put("round", 2026);
        SincePreviousRun s = RunComparison.compare(before.snapshot(), now.snapshot());
        assertEquals(List.of("2026/vantaa.xlsx"), names(s.newReturns()));
        assertEquals(List.of("2026/helsinki.xlsx"), names(s.newlyRejected()));
        assertEquals(null, s.newlyRejected().get(0).previousOutcome(), "another folder's file of the same name");

        // And back: the folder taken away again, the names lose their label.
        SincePreviousRun back = RunComparison.compare(now.snapshot(), before.snapshot());
        assertEquals(List.of(), names(back.newReturns()));
        assertEquals(List.of(), names(back.newlyRejected()));

        // Without the times (a history file from before, or a report.json), names compare as they stand.
        Report untimed = new Report("2026-03-01T02:00:00Z").file("espoo.xlsx", "accepted", "049", null);
        Report renamed = new Report("2026-03-02T02:00:00Z").file("2025/espoo.xlsx", "accepted", "049", null);
        assertEquals(List.of("2025/espoo.xlsx"),
                names(RunComparison.compare(untimed.snapshot(), renamed.snapshot()).newReturns()));
    }

    @Test
    void aFileIsKnownByItsTimeAndMunicipalityWhateverItsNameBecomes() throws IOException {
        Report before = new Report("2026-03-01T02:00:00Z").file("091.xlsx", "accepted", "091", null).at(T1)
                .file("vanhat/091.xlsx", "superseded", "091", "superseded").at(T2)
                .file("liite.xlsx", "rejected", null, "x").at(T3);
        Report now = new Report("2026-03-02T02:00:00Z").file("A/091.xlsx", "accepted", "091", null).at(T1)
                .file("A/vanhat/091.xlsx", "superseded", "091", "superseded").at(T2)
                .file("A/092.xlsx", "accepted", "092", null).at(T4)
                .file("B/liite.xlsx", "rejected", null, "x").at(T5)
                // The same time (files unpacked from one zip) but another municipality: another file.
                .file("B/049.xlsx", "accepted", "049", null).at(T1);
        SincePreviousRun s = RunComparison.compare(before.snapshot(), now.snapshot());
        assertEquals(List.of("A/092.xlsx", "B/049.xlsx"), names(s.newReturns()));
        assertEquals(List.of(), names(s.supersededReturns()));
        assertEquals(List.of("B/liite.xlsx"), names(s.newlyRejected()));
        assertEquals(null, s.newlyRejected().get(0).previousOutcome());
    }

    @Test
    void aNameAnotherMunicipalityTookIsANewReturnAndTheArchivedOneIsNot() throws IOException {
        // lomake.xlsx (the template's own name) was Helsinki's; tonight Vantaa's has it in the inbox,
        // and the archive lists Helsinki's as archive/091/lomake.xlsx.
        Report before = new Report("2026-03-01T02:00:00Z").file("lomake.xlsx", "accepted", "091", null).at(T1);
        Report now = new Report("2026-03-02T02:00:00Z").file("archive/091/lomake.xlsx", "accepted", "091", null)
                .at(T1).file("lomake.xlsx", "accepted", "092", null).at(T2);
        SincePreviousRun s = RunComparison.compare(before.snapshot(), now.snapshot());
        assertEquals(List.of("lomake.xlsx"), names(s.newReturns()));
        assertEquals("092", s.newReturns().get(0).municipalityCode());
        // Without times, by name: another municipality's file under the name is another file.
        SincePreviousRun untimed = RunComparison.compare(
                new Report("2026-03-01T02:00:00Z").file("lomake.xlsx", "accepted", "091", null).snapshot(),
                new Report("2026-03-02T02:00:00Z").file("lomake.xlsx", "accepted", "092", null).snapshot());
        assertEquals(List.of("lomake.xlsx"), names(untimed.newReturns()));
    }

    @Test
    void resendsAndBrokenFilesUnderOneNameWithTheArchive() throws IOException {
        // Night 1: A. Night 2: B resent under the same name, A archived. Night 3: C, B archived as -2.
        Report n1 = new Report("2026-03-01T02:00:00Z").file("837.xlsx", "accepted", "837", null).at(T1);
        Report n2 = new Report("2026-03-02T02:00:00Z").file("837.xlsx", "accepted", "837", null).at(T2)
                .file("archive/837/837.xlsx", "superseded", "837", "superseded").at(T1);
        Report n3 = new Report("2026-03-03T02:00:00Z").file("837.xlsx", "accepted", "837", null).at(T3)
                .file("archive/837/837-2.xlsx", "superseded", "837", "superseded").at(T2)
                .file("archive/837/837.xlsx", "superseded", "837", "superseded").at(T1);
        SincePreviousRun s2 = RunComparison.compare(n1.snapshot(), n2.snapshot());
        assertEquals(List.of("837.xlsx"), names(s2.newReturns()));
        assertEquals(List.of("archive/837/837.xlsx"), names(s2.supersededReturns()));
        assertEquals("accepted", s2.supersededReturns().get(0).previousOutcome());
        SincePreviousRun s3 = RunComparison.compare(n2.snapshot(), n3.snapshot());
        assertEquals(List.of("837.xlsx"), names(s3.newReturns()));
        assertEquals(List.of("archive/837/837-2.xlsx"), names(s3.supersededReturns()));
        assertEquals("accepted", s3.supersededReturns().get(0).previousOutcome());
        // Night 4: a broken file under the name; night 5: it has gone, C has its name back.
        Report n4 = new Report("2026-03-04T02:00:00Z").file("837.xlsx", "rejected", null, "corrupt-zip").at(T4)
                .file("archive/837/837-3.xlsx", "accepted", "837", null).at(T3);
        Report n5 = new Report("2026-03-05T02:00:00Z").file("837.xlsx", "accepted", "837", null).at(T3);
        SincePreviousRun s4 = RunComparison.compare(n3.snapshot(), n4.snapshot());
        assertEquals(List.of(), names(s4.newReturns()));
        assertEquals(List.of("837.xlsx"), names(s4.newlyRejected()));
        assertEquals(null, s4.newlyRejected().get(0).previousOutcome());
        assertEquals(List.of(), names(RunComparison.compare(n4.snapshot(), n5.snapshot()).newReturns()));
    }

    @Test
    void aNewRoundInTheHeadlineIsNotEveryOtherMunicipalityGone() throws IOException {
        Report before = base("2026-03-01T02:00:00Z").inRound(2025);
        Report now = base("2026-03-02T02:00:00Z").inRound(2025)
                .file("2026/helsinki.xlsx", "accepted", "091", null);
        now.municipalities.removeAll();
        now.municipality("091", "3.60", 3, 12000, "3.0", "3.2");
        ((ObjectNode) now.files.get(now.files.size() - 1)).put("round", 2026);
        ((ObjectNode) now.municipalities.get(0)).put("round", 2026);
        SincePreviousRun s = RunComparison.compare(before.snapshot(), now.snapshot());
        assertEquals(2026, s.round());
        assertEquals(2025, s.previousRound());
        assertEquals(List.of("2026/helsinki.xlsx"), names(s.newReturns()));
        // 049 has no 2026 figures yet: its 2025 figures stand, and it is not listed as gone.
        assertEquals(List.of("091:round_changed"), figureCodes(s));
        assertEquals(List.of("index"), s.changedFigures().get(0).changes().stream()
                .map(SincePreviousRun.FigureChange::field).toList());

        // The newest round's return taken away: the headline goes back, and its figures are gone.
        SincePreviousRun back = RunComparison.compare(now.snapshot(), before.snapshot());
        assertEquals(2025, back.round());
        assertEquals(2026, back.previousRound());
        // 049's 2025 return was counted in the previous run too: its figures are not new.
        assertEquals(List.of("091:round_changed"), figureCodes(back));

        // A previous report from before rounds: no round to tell, so 049 is gone as it always was.
        Report old = base("2026-03-01T02:00:00Z");
        assertEquals(List.of("049:gone", "091:changed"), figureCodes(RunComparison.compare(old.snapshot(),
                now.snapshot())));
    }

    @Test
    void aMunicipalityWhoseReturnWasRemovedIsGoneEvenWhenTheHeadlineMovesOn() throws IOException {
        Report before = base("2026-03-01T02:00:00Z").inRound(2025);
        Report now = new Report("2026-03-02T02:00:00Z").file("helsinki.xlsx", "accepted", "091", null).inRound(2025)
                .file("2026/helsinki.xlsx", "accepted", "091", null)
                .municipality("091", "3.60", 3, 12000, "3.0", "3.2");
        ((ObjectNode) now.files.get(1)).put("round", 2026);
        ((ObjectNode) now.municipalities.get(0)).put("round", 2026);
        // espoo.xlsx (049, 2025) left the inbox: 049 has no figures in any round now.
        assertEquals(List.of("049:gone", "091:round_changed"),
                figureCodes(RunComparison.compare(before.snapshot(), now.snapshot())));
    }

    @Test
    void theModificationTimesGoThroughTheHistoryFile(@TempDir Path dir) throws IOException {
        ReportSnapshot s = base("2026-03-01T02:00:00Z").at(T1).inRound(2025).snapshot();
        Path gz = dir.resolve("h.json.gz");
        s.writeGzip(gz);
        ReportSnapshot back = ReportSnapshot.read(gz);
        assertEquals(s, back);
        assertEquals(T1, back.files().get("rikki.xlsx").modified());
        assertEquals(2025, back.files().get("helsinki.xlsx").round());
    }

    @Test
    void filesOfOneTimeAreToldApartByName() throws IOException {
        // Unpacked from one zip: every file has the same time; two are Helsinki's, two are broken.
        Report before = new Report("2026-03-01T02:00:00Z").file("091-helsinki.xlsx", "accepted", "091", null).at(T1)
                .file("091-korjattu.xlsx", "superseded", "091", "superseded").at(T1)
                .file("rikki.xlsx", "rejected", null, "x").at(T1).file("rikki2.xlsx", "rejected", null, "x").at(T1);
        Report now = new Report("2026-03-02T02:00:00Z").file("A/091-helsinki.xlsx", "accepted", "091", null).at(T1)
                .file("A/091-korjattu.xlsx", "superseded", "091", "superseded").at(T1)
                .file("A/rikki.xlsx", "rejected", null, "x").at(T1).file("A/rikki2.xlsx", "rejected", null, "x").at(T1)
                .file("B/153.xlsx", "accepted", "153", null).at(T2);
        SincePreviousRun s = RunComparison.compare(before.snapshot(), now.snapshot());
        assertEquals(List.of("B/153.xlsx"), names(s.newReturns()));
        assertEquals(List.of(), names(s.supersededReturns()));
        assertEquals(List.of(), names(s.newlyRejected()));

        // A new copy given the time of an unchanged file: the unchanged file keeps its row.
        Report copy = new Report("2026-03-02T02:00:00Z").file("091-a.xlsx", "superseded", "091", "superseded").at(T1)
                .file("091-helsinki.xlsx", "accepted", "091", null).at(T1);
        SincePreviousRun c = RunComparison.compare(new Report("2026-03-01T02:00:00Z")
                .file("091-helsinki.xlsx", "accepted", "091", null).at(T1).snapshot(), copy.snapshot());
        assertEquals(List.of(), names(c.newReturns()));
        assertEquals(List.of("091-a.xlsx"), names(c.supersededReturns()));
        assertEquals(null, c.supersededReturns().get(0).previousOutcome());
    }
}
