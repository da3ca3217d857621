package fi.digikunta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.cli.CliTestSupport;
import fi.digikunta.compute.FiguresCalculator;
import fi.digikunta.compute.RoundFigures;
import fi.digikunta.findings.Finding;
import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.inbox.InboxOptions;
import fi.digikunta.inbox.InboxScanner;
import fi.digikunta.model.Figures;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.Outcome;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.samples.ReturnSpec;
import fi.digikunta.samples.SampleGenerator;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.template.TemplateLayout;
import fi.digikunta.testing.CsvTable;
import fi.digikunta.validate.Validated;
import fi.digikunta.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Form version 2 beside version 1, and assessment rounds: each return validated against its own
 * version, its round decided (v2 field, inbox round, fill date), superseding within a round only,
 * and each round's figures the same as a run over that round's files alone.
 */
class RoundsTest {
    static final SchemaRegistry REG = SchemaRegistry.load();
    static final Schema V1 = REG.version("1").orElseThrow();
    static final Schema V2 = REG.version("2").orElseThrow();
    static final MunicipalityList LIST = MunicipalityList.builtIn();
    static final SampleGenerator GEN1 = new SampleGenerator(V1);
    static final SampleGenerator GEN2 = new SampleGenerator(V2);
    static final Validator VALIDATOR = new Validator(REG, LIST);
    /** The round's value cell on the v2 summary tab (B8: the sixth identification key). */
    static final String ROUND_CELL = "B" + (TemplateLayout.identificationRow(V2, "round") + 1);

    @TempDir
    Path tmp;

    static byte[] workbook(Schema s, String code, String date, Consumer<SampleGenerator.Filled> edit) {
        ReturnSpec spec = new ReturnSpec(LIST.byCode(code).orElseThrow(), TemplateLayout.standard(s, Lang.FI),
                LocalDate.parse(date), Set.of(), SampleGenerator.seedFor(14, code + date + s.schemaVersion()));
        return (s == V1 ? GEN1 : GEN2).generate(spec, edit);
    }

    static Validated validate(byte[] b, Integer inboxRound) {
        return VALIDATOR.validate(new StaxWorkbookReader().read(b, "t.xlsx"), inboxRound);
    }

    static List<String> codes(Validated v) {
        return v.findings().stream().map(Finding::id).toList();
    }

    @Test
    void v2HasSixtyNineServicesTheRoundAndTheCatalogueChanges() {
        assertEquals(69, V2.catalogue().size());
        assertEquals(67, V1.catalogue().size());
        assertEquals(Map.of("ASU", 16, "VKO", 12, "KUL", 9, "TER", 10, "TYO", 9, "VIO", 13),
                V2.areaCodes().stream().collect(Collectors.toMap(a -> a, a -> V2.servicesOf(a).size())));
        assertTrue(V2.service("KUL-09").isEmpty() && V2.service("TYO-09").isEmpty());
        assertEquals("Chat-neuvonta", V2.service("VIO-09").orElseThrow().name().fi());
        assertEquals("Tekoälyavusteinen asiakasneuvonta", V2.service("VIO-13").orElseThrow().name().fi());
        Schema.IdKey round = V2.idKey("round").orElseThrow();
        assertEquals("Arviointikierros", round.label().fi());
        assertEquals("Bedömningsomgång", round.label().sv());
        assertTrue(V1.idKey("round").isEmpty());
    }

    @Test
    void aGeneratedV2ReturnValidatesAgainstV2WithItsRound() {
        Validated v = validate(workbook(V2, "091", "2026-02-12", f -> { }), 2025);
        assertEquals(Outcome.ACCEPTED, v.outcome(), v.findings()::toString);
        assertEquals("2", v.ret().schemaVersion());
        // The form's own round wins over the inbox's.
        assertEquals(2026, v.round());
        assertEquals(2026, v.ret().identification().round());
        MunicipalityFigures m = FiguresCalculator.municipality(V2, LIST.byCode("091").orElseThrow(), "t.xlsx",
                v.ret());
        assertEquals(69, m.services().stream().filter(s -> s.id() != null).count());
    }

    @Test
    void theRoundMayBeWrittenAsText() {
        Validated v = validate(workbook(V2, "091", "2026-02-12", f -> f.setId("round", "kierros 2027")), null);
        assertEquals(Outcome.ACCEPTED, v.outcome(), v.findings()::toString);
        assertEquals(2027, v.round());
    }

    @Test
    void aV2ReturnWithoutARoundIsRejectedOnThatCell() {
        Validated v = validate(workbook(V2, "091", "2026-02-12", f -> f.setId("round", "")), 2026);
        assertEquals(Outcome.REJECTED, v.outcome());
        assertEquals("identification-missing", v.reasonCode());
        Finding f = v.findings().get(0);
        assertEquals("Yhteenveto", f.sheet());
        assertEquals(ROUND_CELL, f.cell());
        assertTrue(f.message().get(Lang.FI).contains("Arviointikierros"), f.message().get(Lang.FI));
    }

    @Test
    void aV2RoundOutside2016To2100IsRejectedOnThatCell() {
        for (Object bad : List.of(2015.0, 2101.0, "ensi vuonna")) {
            Validated v = validate(workbook(V2, "091", "2026-02-12", f -> f.setId("round", bad)), null);
            assertEquals(Outcome.REJECTED, v.outcome(), bad::toString);
            assertEquals("invalid-round", v.reasonCode());
            assertEquals(List.of("invalid-round"), codes(v));
            assertEquals(ROUND_CELL, v.findings().get(0).cell());
        }
    }

    @Test
    void aV1ReturnTakesItsInboxRoundElseTheYearOfItsFillDate() {
        byte[] b = workbook(V1, "091", "2026-01-20", f -> { });
        assertEquals(2025, validate(b, 2025).round());
        Validated byDate = validate(b, null);
        assertEquals(Outcome.ACCEPTED, byDate.outcome());
        assertEquals(2026, byDate.round());
        assertNull(byDate.ret().identification().round());
    }

    @Test
    void aV1ReturnWhoseRoundCannotBeDecidedIsRejected() {
        byte[] b = workbook(V1, "091", "2026-01-20", f -> f.setId("date", "ensi viikolla"));
        Validated v = validate(b, null);
        assertEquals(Outcome.REJECTED, v.outcome());
        assertEquals("round-unknown", v.reasonCode());
        assertTrue(v.reason().get(Lang.FI).contains("--round"), v.reason().get(Lang.FI));
        // With its inbox's round the same return counts (the date is still an error).
        Validated given = validate(b, 2025);
        assertEquals(Outcome.ACCEPTED_WITH_WARNINGS, given.outcome());
        assertEquals(List.of("invalid-date"), codes(given));
        assertEquals(2025, given.round());
    }

    @Test
    void aV1FillDateWhoseYearCannotBeARoundIsRoundUnknownNotARoundOfItsOwn() {
        // 2002 for 2026: as the round it would take Lahti out of the headline, unseen.
        byte[] b = workbook(V1, "398", "2002-03-01", f -> { });
        Validated v = validate(b, null);
        assertEquals(Outcome.REJECTED, v.outcome());
        assertEquals("round-unknown", v.reasonCode());
        assertTrue(v.reason().get(Lang.EN).contains("cannot be an assessment round (2016–2100)"),
                v.reason().get(Lang.EN));
        assertNull(v.round());
        // The inbox's round decides where it is given; the old date then only is a date.
        assertEquals(Outcome.ACCEPTED, validate(b, 2026).outcome());
        assertEquals(2016, validate(workbook(V1, "398", "2016-01-02", f -> { }), null).round());
    }

    @Test
    void anIdOfTheOtherVersionIsUnknown() {
        Validated v = validate(workbook(V2, "091", "2026-02-12",
                f -> f.setRow("KUL", f.layout().lastServiceRow(V2, "KUL"),
                        Map.of("id", "KUL-09", "service", "Kokoelmat verkossa", "status", "IN_USE"))), null);
        assertTrue(codes(v).contains("unknown-id"), codes(v)::toString);
    }

    private Path write(String dir, String name, byte[] b) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(dir));
        return Files.write(d.resolve(name), b);
    }

    private static List<FileResult> results(InboxRounds rounds) {
        List<InboxEntry> entries = InboxScanner.scan(rounds.inputs(), new InboxOptions(false, Duration.ZERO));
        try (Workers w = new Workers(1)) {
            return Validation.validate(entries, rounds.lookup(), REG, LIST, new StaxWorkbookReader(), w, false,
                    false, r -> { }).stream().map(Validation.Checked::result).toList();
        }
    }

    private static Map<String, FileResult> byFile(List<FileResult> rs) {
        return rs.stream().collect(Collectors.toMap(FileResult::file, r -> r));
    }

    /** Returns of 2025 (v1, some filled in early 2026) and 2026 (v2), Helsinki twice in 2026. */
    private void history() throws IOException {
        write("r2025", "091-helsinki.xlsx", workbook(V1, "091", "2026-01-10", f -> { }));
        write("r2025", "049-espoo.xlsx", workbook(V1, "049", "2025-11-20", f -> { }));
        write("r2025", "837-tampere.xlsx", workbook(V1, "837", "2025-12-01", f -> { }));
        write("r2026", "091-helsinki-a.xlsx", workbook(V2, "091", "2026-09-01", f -> { }));
        write("r2026", "091-helsinki-b.xlsx", workbook(V2, "091", "2026-10-01", f -> { }));
        // The same file name as in r2025: each inbox's files are named with the inbox in front.
        write("r2026", "049-espoo.xlsx", workbook(V2, "049", "2026-09-15", f -> { }));
        // Tampere skips 2026; Vantaa answers only in 2026, still on the old form.
        write("r2026", "092-vantaa.xlsx", workbook(V1, "092", "2026-09-20", f -> { }));
    }

    @Test
    void superseding_happensWithinOneMunicipalityAndOneRoundOnly() throws IOException {
        history();
        InboxRounds rounds = InboxRounds.parse(List.of(Path.of("2025=" + tmp.resolve("r2025")), tmp.resolve("r2026")),
                null);
        Map<String, FileResult> r = byFile(results(rounds));
        assertEquals(Outcome.ACCEPTED, r.get("r2025/091-helsinki.xlsx").outcome());
        assertEquals(2025, r.get("r2025/091-helsinki.xlsx").round());
        assertEquals(Outcome.SUPERSEDED, r.get("r2026/091-helsinki-a.xlsx").outcome());
        assertEquals(2026, r.get("r2026/091-helsinki-a.xlsx").round());
        assertEquals(Outcome.ACCEPTED, r.get("r2026/091-helsinki-b.xlsx").outcome());
        // The same name in two inboxes: two files, each with its own round and outcome.
        assertEquals(2025, r.get("r2025/049-espoo.xlsx").round());
        assertEquals(2026, r.get("r2026/049-espoo.xlsx").round());
        assertEquals(Outcome.ACCEPTED, r.get("r2026/049-espoo.xlsx").outcome());
        // A v1 return beside v2 ones, its round by its fill date.
        assertEquals(2026, r.get("r2026/092-vantaa.xlsx").round());
        assertEquals("1", r.get("r2026/092-vantaa.xlsx").ret().schemaVersion());
    }

    @Test
    void withoutAnInboxRoundTheSameV1ReturnsOfTwoYearsDoNotSupersedeEachOther() throws IOException {
        write("one", "091-a.xlsx", workbook(V1, "091", "2025-03-01", f -> { }));
        write("one", "091-b.xlsx", workbook(V1, "091", "2026-03-01", f -> { }));
        Map<String, FileResult> r = byFile(results(InboxRounds.none(List.of(tmp.resolve("one")))));
        assertEquals(Outcome.ACCEPTED, r.get("091-a.xlsx").outcome());
        assertEquals(Outcome.ACCEPTED, r.get("091-b.xlsx").outcome());
        // Given one round for the inbox, they are two returns of that round: the newer wins.
        r = byFile(results(InboxRounds.parse(List.of(tmp.resolve("one")), 2026)));
        assertEquals(Outcome.SUPERSEDED, r.get("091-a.xlsx").outcome());
        assertEquals(Outcome.ACCEPTED, r.get("091-b.xlsx").outcome());
    }

    @Test
    void figuresPerRoundEqualARunOfThatRoundsFilesAlone() throws IOException {
        history();
        List<Figures> all = RoundFigures.byRound(REG, LIST, results(InboxRounds.parse(
                List.of(Path.of("2025=" + tmp.resolve("r2025")), tmp.resolve("r2026")), null)));
        assertEquals(List.of(2025, 2026), all.stream().map(Figures::round).toList());
        List<Figures> only2025 = RoundFigures.byRound(REG, LIST,
                results(InboxRounds.parse(List.of(tmp.resolve("r2025")), 2025)));
        List<Figures> only2026 = RoundFigures.byRound(REG, LIST,
                results(InboxRounds.none(List.of(tmp.resolve("r2026")))));
        // Equal but for the names: with two inboxes each file's name starts with its inbox folder.
        assertEquals(only2025.toString(), List.of(all.get(0)).toString().replace("file=r2025/", "file="));
        assertEquals(only2026.toString(), List.of(all.get(1)).toString().replace("file=r2026/", "file="));
        assertEquals(List.of("049", "091", "837"), codes(all.get(0)));
        assertEquals(List.of("049", "091", "092"), codes(all.get(1)));
        // Each return against its own version's catalogue, nationally too (v2 §3): every service one of
        // the round's versions asks, each over the returns whose version asks it.
        assertEquals(67, catalogueServices(all.get(1), "092"));
        assertEquals(69, catalogueServices(all.get(1), "091"));
        assertEquals("1", all.get(0).schemaVersion());
        assertEquals("2", all.get(1).schemaVersion());
        assertEquals(71, all.get(1).national().services().size(), "v2's 69 and the two it retired");
        Figures r2026 = all.get(1);
        // ASU-16 (v2 only): over Espoo and Helsinki; Vantaa's v1 form never asked it.
        assertEquals(shareInUse(r2026, "ASU-16", List.of("049", "091")), stats(r2026, "ASU-16").inUseShare(), 1e-12);
        assertEquals(0.0, stats(r2026, "ASU-16").unansweredShare()
                - unansweredShare(r2026, "ASU-16", List.of("049", "091")), 1e-12);
        // KUL-09 (retired in v2): over Vantaa alone, who was asked it.
        assertEquals(shareInUse(r2026, "KUL-09", List.of("092")), stats(r2026, "KUL-09").inUseShare(), 1e-12);
        assertEquals("KUL", stats(r2026, "KUL-09").area());
    }

    private static fi.digikunta.model.ServiceStats stats(Figures f, String id) {
        return f.national().services().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static double shareInUse(Figures f, String id, List<String> codes) {
        return (double) codes.stream().filter(c -> status(f, c, id) == fi.digikunta.model.Status.IN_USE).count()
                / codes.size();
    }

    private static double unansweredShare(Figures f, String id, List<String> codes) {
        return (double) codes.stream().filter(c -> status(f, c, id) == null).count() / codes.size();
    }

    private static fi.digikunta.model.Status status(Figures f, String code, String id) {
        return f.municipalities().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow().services()
                .stream().filter(s -> id.equals(s.id())).findFirst().map(s -> s.status()).orElse(null);
    }

    private static List<String> codes(Figures f) {
        return f.municipalities().stream().map(MunicipalityFigures::code).toList();
    }

    private static long catalogueServices(Figures f, String code) {
        return f.municipalities().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow().services()
                .stream().filter(s -> s.id() != null).count();
    }

    @Test
    void aRunOverSeveralRoundsHeadlinesTheLatestRound() throws IOException {
        history();
        var both = CliTestSupport.run("run", "2025=" + tmp.resolve("r2025"), tmp.resolve("r2026").toString(),
                "--table", "municipalities", "--settle", "0");
        var alone = CliTestSupport.run("run", tmp.resolve("r2026").toString(), "--table", "municipalities",
                "--settle", "0");
        assertEquals(0, both.exitCode(), both.err());
        assertEquals(alone.out(), both.out().replace(",r2026/", ","));
        assertEquals(4, both.out().lines().count(), both.out());
    }

    @Test
    void aPageIsInTheLanguageOfTheLatestRoundsCountedReturnWhateverTheFoldersAreCalled() throws IOException {
        // Parainen and Porvoo sent the Swedish form in 2025 and the Finnish one in 2026, Mustasaari the
        // other way round; "uusi" (2026) sorts before "vanha" (2025), so name order would pick 2025.
        for (String[] round : new String[][] {{"2025", "vanha"}, {"2026", "uusi"}}) {
            try (var files = Files.list(Path.of("samples/rounds", round[0]))) {
                for (Path f : files.toList()) {
                    Files.createDirectories(tmp.resolve(round[1]));
                    Path copy = Files.copy(f, tmp.resolve(round[1]).resolve(f.getFileName()));
                    // Saved in their round's year (copies made in one clock tick would tie).
                    Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.from(
                            java.time.Instant.parse(round[0] + "-10-01T08:00:00Z")));
                }
            }
        }
        Path out = tmp.resolve("out");
        var r = CliTestSupport.run("run", "2025=" + tmp.resolve("vanha"), "2026=" + tmp.resolve("uusi"), "--out",
                out.toString(), "--settle", "0", "--quiet", "--fail-on", "never");
        assertEquals(0, r.exitCode(), r.err());
        for (String[] page : new String[][] {{"445", "fi"}, {"638", "fi"}, {"499", "sv"}, {"478", "sv"}}) {
            String html = Files.readString(out.resolve("municipalities/" + page[0] + ".html"));
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"" + page[1] + "\""), page[0] + ": "
                    + html.substring(0, 40));
        }        // Kokkola's 2026 return (saved last) was rejected for its missing round: its letter
        // is about that file, as with folders named by year, not about its 2025 return.
        String kokkola = Files.readString(out.resolve("municipalities/272.html"));
        assertTrue(kokkola.contains("Tiedosto: <strong>uusi/272-kokkola.xlsx</strong>"), kokkola);
        assertTrue(kokkola.contains("outcome-box-rejected"), "the rejection letter");
    }

    @Test
    void aV1ReturnsPageNamesItsServicesAsItsOwnFormDoes() throws IOException {
        history();
        Path out = tmp.resolve("out");
        var r = CliTestSupport.run("run", "2025=" + tmp.resolve("r2025"), tmp.resolve("r2026").toString(), "--out",
                out.toString(), "--settle", "0", "--quiet", "--fail-on", "never");
        assertEquals(0, r.exitCode(), r.err());
        // Vantaa answered 2026 on form 1, where VIO-09 is "Chat- ja chatbot-neuvonta"; v2 renamed it.
        String vantaa = Files.readString(out.resolve("municipalities/092.html"));
        assertTrue(vantaa.contains(">Chat- ja chatbot-neuvonta <span class=\"own\">VIO-09</span>"), vantaa);
        assertTrue(vantaa.contains(">Kokoelmat verkossa <span class=\"own\">KUL-09</span>"), "retired in v2");
        String helsinki = Files.readString(out.resolve("municipalities/091.html"));
        assertTrue(helsinki.contains(">Chat-neuvonta <span class=\"own\">VIO-09</span>"), "form 2's name");
        // The footer names the form each page's figures were read from, not the newest one.
        assertTrue(vantaa.contains(" · lomakeversio 1 · "), "Vantaa's footer");
        assertTrue(helsinki.contains(" · lomakeversio 2 · "), "Helsinki's footer");
        // Tampere skipped 2026: its letter does not say its 2025 return is in the national report's figures.
        String tampere = Files.readString(out.resolve("municipalities/837.html"));
        assertTrue(tampere.contains("Palautuksenne on mukana kierroksen 2025 luvuissa. Valtakunnallinen raportti kuvaa"
                + " kierrosta 2026, josta kunnalta ei ole hyväksyttyä palautusta."), tampere);
    }

    @Test
    void tableTrendsPrintsEveryRoundAnswered() throws IOException {
        history();
        var r = CliTestSupport.run("run", "2025=" + tmp.resolve("r2025"), tmp.resolve("r2026").toString(),
                "--table", "trends", "--settle", "0");
        assertEquals(0, r.exitCode(), r.err());
        CsvTable t = CsvTable.parse(r.out(), CSVFormat.RFC4180);
        assertEquals(List.of("round", "municipality_code", "area"), t.header.subList(0, 3));
        // 2025: Espoo, Helsinki, Tampere; 2026: Espoo, Helsinki, Vantaa; ALL and six areas each.
        assertEquals(6 * 7, t.rows.size());
        assertEquals(List.of("2025/049", "2025/091", "2025/837", "2026/049", "2026/091", "2026/092"),
                t.rows.stream().map(x -> x.get("round") + "/" + x.get("municipality_code")).distinct().toList());
        // Helsinki moved to form v2 in 2026: its change is marked; Vantaa's first answer has none.
        CSVRecord helsinki = row(t, "2026", "091", "ALL");
        assertEquals(List.of("2", "2025", "false", "true"), List.of(helsinki.get("schema_version"),
                helsinki.get("previous_round"), helsinki.get("after_gap"), helsinki.get("version_changed")));
        CSVRecord vantaa = row(t, "2026", "092", "ALL");
        assertEquals(List.of("1", "", ""), List.of(vantaa.get("schema_version"), vantaa.get("previous_round"),
                vantaa.get("index_change")));
        // The 2026 rows are the headline figures, and the change is between the two rounds' indices.
        var municipalities = CsvTable.parse(CliTestSupport.run("run", "2025=" + tmp.resolve("r2025"),
                tmp.resolve("r2026").toString(), "--table", "municipalities", "--settle", "0").out(), CSVFormat.RFC4180);
        CSVRecord headline = municipalities.rows.stream().filter(x -> x.get("municipality_code").equals("091"))
                .findFirst().orElseThrow();
        assertEquals(headline.get("index"), helsinki.get("index"));
        assertEquals("2026", headline.get("round"));
        double change = Double.parseDouble(helsinki.get("index")) - Double.parseDouble(row(t, "2025", "091", "ALL")
                .get("index"));
        assertEquals(change, Double.parseDouble(helsinki.get("index_change")), 0.00011);

        var n = CliTestSupport.run("run", "2025=" + tmp.resolve("r2025"), tmp.resolve("r2026").toString(),
                "--table", "national_trends", "--settle", "0");
        assertEquals(0, n.exitCode(), n.err());
        CsvTable nt = CsvTable.parse(n.out(), CSVFormat.RFC4180);
        assertEquals(List.of("2025", "2026"), nt.rows.stream().map(x -> x.get("round")).distinct().toList());
        CSVRecord respondents = nt.rows.stream().filter(x -> x.get("round").equals("2026")
                && x.get("statistic").equals("respondents")).findFirst().orElseThrow();
        assertEquals(List.of("3", "0", "2", "true"), List.of(respondents.get("value"), respondents.get("change"),
                respondents.get("schema_version"), respondents.get("version_changed")));
    }

    private static CSVRecord row(CsvTable t, String round, String code, String area) {
        return t.rows.stream().filter(x -> x.get("round").equals(round) && x.get("municipality_code").equals(code)
                && x.get("area").equals(area)).findFirst().orElseThrow();
    }

    /**
     * validate gives a v1 return the round run would, so its outcome there is the nightly run's
     * (its JSON has no round: the outcome shows it).
     */
    @Test
    void validateTakesTheInboxRoundAsRunDoes() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("v1"));
        Files.write(dir.resolve("091-helsinki.xlsx"),
                workbook(V1, "091", "2026-01-20", f -> f.setId("date", "ensi viikolla")));
        JsonNode none = validateJson(dir.toString());
        assertEquals("rejected", none.get("outcome").asText());
        assertEquals("round-unknown", none.get("reason").get("code").asText());
        for (String[] given : List.of(new String[] {"--round", "2025", dir.toString()},
                new String[] {"2025=" + dir})) {
            JsonNode f = validateJson(given);
            assertEquals("accepted_with_warnings", f.get("outcome").asText(), List.of(given).toString());
            assertEquals(List.of("invalid-date"), f.get("findings").findValuesAsText("code"));
        }
        for (String[] outside : List.of(new String[] {"--round", "1999", dir.toString()},
                new String[] {"1999=" + dir})) {
            List<String> cmd = new ArrayList<>(List.of("validate"));
            cmd.addAll(List.of(outside));
            var r = CliTestSupport.run(cmd.toArray(String[]::new));
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("1999 (2016–2100)"), r.err());
            // Named where it was given: the option, or the argument.
            assertTrue(r.err().contains(outside.length == 1 ? outside[0] + ":" : "--round:"), r.err());
        }
    }

    /** The one file's entry of {@code validate --format json --fail-on never ARGS}. */
    private static JsonNode validateJson(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("validate", "--format", "json", "--fail-on", "never"));
        cmd.addAll(List.of(args));
        var r = CliTestSupport.run(cmd.toArray(String[]::new)).expectExit(0);
        JsonNode files = new ObjectMapper().readTree(r.out()).get("files");
        assertEquals(1, files.size(), r.out());
        return files.get(0);
    }

    /**
     * The night a second round's inbox is added: last night's returns, now named with their folder in
     * front, are not new, and the municipalities that have not answered the new round are not "gone".
     */
    @Test
    void theNightANewRoundsInboxIsAddedOnlyItsReturnsAreNew() throws IOException {
        history();
        Path out = tmp.resolve("out");
        var first = CliTestSupport.run("run", "2025=" + tmp.resolve("r2025"), "--out", out.toString(), "--settle",
                "0", "--quiet", "--fail-on", "never");
        assertEquals(0, first.exitCode(), first.err());
        var second = CliTestSupport.run("run", "2025=" + tmp.resolve("r2025"), tmp.resolve("r2026").toString(),
                "--out", out.toString(), "--settle", "0", "--quiet", "--fail-on", "never");
        assertEquals(0, second.exitCode(), second.err());
        JsonNode since = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("since_previous_run");
        List<String> added = new ArrayList<>();
        since.get("new_returns").forEach(f -> added.add(f.get("file").asText()));
        assertEquals(List.of("r2026/049-espoo.xlsx", "r2026/091-helsinki-b.xlsx", "r2026/092-vantaa.xlsx"), added);
        assertEquals(2026, since.get("round").asInt());
        assertEquals(2025, since.get("previous_round").asInt());
        List<String> figures = new ArrayList<>();
        since.get("changed_figures").forEach(m -> figures.add(m.get("municipality_code").asText() + ":"
                + m.get("status").asText()));
        // Tampere (837) skipped 2026: its 2025 figures stand, it is not listed.
        assertEquals(List.of("049:round_changed", "091:round_changed", "092:new"), figures);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Kansallinen raportti kuvaa nyt kierrosta 2026, edellisessä ajossa kierrosta 2025."),
                html);
    }

    /** A v1 return archived from a YEAR=FOLDER inbox keeps that round on the nights after, read back. */
    @Test
    void anArchivedV1ReturnKeepsItsInboxRound() throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("in25"));
        Files.write(inbox.resolve("091-helsinki.xlsx"),
                workbook(V1, "091", "2026-01-20", f -> f.setId("date", "kevät")));
        Path archive = tmp.resolve("archive");
        for (int night = 1; night <= 2; night++) {
            var r = CliTestSupport.run("run", "2025=" + inbox, "--out", tmp.resolve("out").toString(), "--archive",
                    archive.toString(), "--settle", "0", "--quiet", "--fail-on", "never");
            assertEquals(0, r.exitCode(), r.err());
            CsvTable files = CsvTable.parse(Files.readString(tmp.resolve("out/files.csv")), CSVFormat.RFC4180);
            assertEquals(1, files.rows.size(), "night " + night);
            CSVRecord f = files.rows.get(0);
            assertEquals("accepted_with_warnings", f.get("outcome"), "night " + night + ": " + f);
            assertEquals("2025", f.get("round"), "night " + night);
            try (var left = Files.list(inbox)) {
                assertEquals(0, left.count(), "archived on the first night");
            }
        }
        assertEquals("2025", Files.readString(archive.resolve("091/.091-helsinki.xlsx.inbox-round")).strip());
    }

    /**
     * Last year's return sent again, byte for byte, to this year's inbox: two returns, one per round.
     * The archive once took the new file for the copy it already had, deleted it, and noted the old
     * copy as this year's, so last year's round lost the municipality for good.
     */
    @Test
    void theSameBytesInAnotherRoundsInboxAreAReturnOfThatRoundToo() throws IOException {
        Path in25 = Files.createDirectories(tmp.resolve("in25"));
        Path in26 = Files.createDirectories(tmp.resolve("in26"));
        byte[] form = workbook(V1, "091", "2026-01-20", f -> f.setId("date", "kevät"));
        Files.write(in25.resolve("091-helsinki.xlsx"), form);
        Path archive = tmp.resolve("archive");
        for (int night = 1; night <= 3; night++) {
            if (night == 2) {
                Files.write(in26.resolve("091-helsinki.xlsx"), form);
            }
            var r = CliTestSupport.run("run", "2025=" + in25, "2026=" + in26, "--out", tmp.resolve("out").toString(),
                    "--archive", archive.toString(), "--settle", "0", "--quiet", "--fail-on", "never");
            assertEquals(0, r.exitCode(), r.err());
            CsvTable files = CsvTable.parse(Files.readString(tmp.resolve("out/files.csv")), CSVFormat.RFC4180);
            List<String> rounds = files.rows.stream().map(x -> x.get("round") + " " + x.get("outcome")).sorted().toList();
            assertEquals(night == 1 ? List.of("2025 accepted_with_warnings")
                    : List.of("2025 accepted_with_warnings", "2026 accepted_with_warnings"), rounds, "night " + night);
        }
        assertEquals("2025", Files.readString(archive.resolve("091/.091-helsinki.xlsx.inbox-round")).strip());
        assertEquals("2026", Files.readString(archive.resolve("091/.091-helsinki-2.xlsx.inbox-round")).strip());
        try (var left = Files.list(in26)) {
            assertEquals(0, left.count(), "this year's copy archived");
        }
    }

    @Test
    void aRoundOutsideTheRangeIsAUsageError() throws IOException {
        history();
        var r = CliTestSupport.run("run", "--round", "1999", tmp.resolve("r2025").toString(), "--table", "files");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("1999"), r.err());
    }
}
