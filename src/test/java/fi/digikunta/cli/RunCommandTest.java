package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.testing.CsvTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digikunta run} in-process over the sample inbox: the files written, stdout, exit codes. */
class RunCommandTest {
    private static final Path INBOX = Path.of("samples/inbox");

    static List<CSVRecord> csv(String text) throws Exception {
        return CsvTable.parse(text, CSVFormat.RFC4180).rows;
    }

    @Test
    void writesEveryReportAndListsEveryInputFileOnceWithItsOutcome(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        var r = CliTestSupport.run("run", INBOX.toString(), "--out", out.toString(), "--settle", "0s")
                .expectExit(1); // the sample inbox holds rejected files on purpose
        assertEquals("", r.out(), "stdout carries nothing without --table");
        for (String f : List.of("municipalities.csv", "areas.csv", "services.csv", "national.csv", "files.csv",
                "findings.csv", "report.json", "report.html", "municipalities/091.html", "run-log.jsonl")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " written");
        }
        Set<String> inputs = new HashSet<>();
        try (Stream<Path> s = Files.list(INBOX)) {
            s.forEach(p -> inputs.add(p.getFileName().toString()));
        }
        List<CSVRecord> files = csv(Files.readString(out.resolve("files.csv")));
        assertEquals(inputs.size(), files.size(), "one row per input file");
        Set<String> listed = new HashSet<>();
        files.forEach(rec -> listed.add(rec.get("file")));
        assertEquals(inputs, listed);
        CSVRecord tampereOld = files.stream().filter(x -> x.get("file").equals("837-tampere-2026-01-15.xlsx"))
                .findFirst().orElseThrow();
        assertEquals("superseded", tampereOld.get("outcome"));
        assertEquals("837", tampereOld.get("municipality_code"));
        assertTrue(r.err().contains("broken-empty.xlsx: "), "one summary line per file on stderr:\n" + r.err());
    }

    @Test
    void areasAndNationalTablesHaveTheColumnsAndStatisticsTheIssueNames(@TempDir Path tmp) throws Exception {
        var areas = CliTestSupport.run("run", INBOX.toString(), "--table", "areas", "--settle", "0s", "--quiet",
                "--fail-on", "never").expectExit(0);
        List<CSVRecord> rows = csv(areas.out());
        assertEquals(List.of("municipality_code", "area", "in_use", "planned", "not_adopted", "unanswered", "coverage",
                "depth", "usage", "index", "level", "realised_net", "potential_net", "target"),
                rows.get(0).getParser().getHeaderNames().subList(0, 14));
        long municipalities = rows.stream().map(x -> x.get("municipality_code")).distinct().count();
        assertEquals(municipalities * 6, rows.size(), "one row per municipality and area");
        assertEquals("", areas.err(), "--quiet: nothing on stderr");

        var national = CliTestSupport.run("run", INBOX.toString(), "--table", "national", "--settle", "0s", "-q",
                "--fail-on", "never").expectExit(0);
        Set<String> keys = new HashSet<>();
        csv(national.out()).forEach(x -> keys.add(x.get("area") + "/" + x.get("statistic")));
        for (String area : List.of("ALL", "ASU", "VKO", "KUL", "TER", "TYO", "VIO")) {
            for (String st : List.of("n", "mean", "weighted_mean", "median", "p25", "p75", "min", "max")) {
                assertTrue(keys.contains(area + "/" + st), area + "/" + st);
            }
        }
        for (String area : List.of("ASU", "VIO")) {
            for (String st : List.of("coverage_mean", "depth_p75", "usage_median")) {
                assertTrue(keys.contains(area + "/" + st), area + "/" + st);
            }
        }
    }

    @Test
    void aTableBesideTheOutputFolderIsTheBytesOfThePublishedFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        var r = CliTestSupport.run("run", INBOX.toString(), "--out", out.toString(), "--table", "areas", "-q",
                "--settle", "0s", "--fail-on", "never").expectExit(0);
        assertEquals(Files.readString(out.resolve("areas.csv"), StandardCharsets.UTF_8), r.out());
    }

    @Test
    void excelFiTableStartsWithABomAndUsesSemicolons() {
        var r = CliTestSupport.run("run", INBOX.toString(), "--table", "municipalities.csv", "--csv-dialect",
                "excel-fi", "-q", "--settle", "0s", "--fail-on", "never").expectExit(0);
        assertTrue(r.out().startsWith("\uFEFFmunicipality_code;"), r.out().substring(0, 40));
        byte[] bytes = r.out().getBytes(StandardCharsets.UTF_8);
        assertEquals((byte) 0xEF, bytes[0]);
    }

    @Test
    void usageErrorsExitTwoAndNameTheProblem(@TempDir Path tmp) {
        assertTrue(CliTestSupport.run("run", tmp.resolve("nope").toString(), "--out", tmp.resolve("o").toString())
                .expectExit(2).err().contains("nope"));
        assertTrue(CliTestSupport.run("run", INBOX.toString()).expectExit(2).err().contains("--out"));
        assertTrue(CliTestSupport.run("run", INBOX.toString(), "--table", "bogus").expectExit(2).err()
                .contains("municipalities"));
        assertTrue(CliTestSupport.run("run", INBOX.toString(), "--out", tmp.toString(), "--csv-dialect", "tsv")
                .expectExit(2).err().contains("excel-fi"));
    }

    @Test
    void usageErrorsAreInTheChosenLanguageOnly(@TempDir Path tmp) {
        String en = CliTestSupport.run("run", tmp.resolve("nope").toString(), "--out", tmp.resolve("o").toString(),
                "--lang", "en").expectExit(2).err();
        assertTrue(en.contains("No such file or folder: "), en);
        assertFalse(en.contains("Polkua") || en.contains("Sökvägen"), en);
        String sv = CliTestSupport.run("run", INBOX.toString(), "--lang", "sv").expectExit(2).err();
        assertTrue(sv.contains("Ange --out MAPP eller --table NAMN"), sv);
        assertFalse(sv.contains("Give --out"), sv);
        String fi = CliTestSupport.run("run", INBOX.toString()).expectExit(2).err();
        assertTrue(fi.contains("Anna --out KANSIO tai --table NIMI"), fi);
        assertFalse(fi.contains("Ange --out"), fi);
    }

    @Test
    void anInboxNamedWithAnAtSignIsTakenLiterally(@TempDir Path tmp) throws Exception {
        Path inbox = Files.createDirectory(tmp.resolve("@inbox"));
        Files.copy(INBOX.resolve("091-helsinki.xlsx"), inbox.resolve("091-helsinki.xlsx"));
        var r = CliTestSupport.run("run", inbox.toString(), "--table", "files", "-q", "--settle", "0s")
                .expectExit(0);
        assertEquals("091-helsinki.xlsx", csv(r.out()).get(0).get("file"));
        assertEquals("accepted", csv(r.out()).get(0).get("outcome"));
    }

    @Test
    void sourceDateEpochFixesTheClockAndANonNumberIsRefused() {
        assertEquals(java.time.Instant.ofEpochSecond(1_767_225_600L), RunCommand.clock("1767225600").instant());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> RunCommand.clock("x"));
    }
}
