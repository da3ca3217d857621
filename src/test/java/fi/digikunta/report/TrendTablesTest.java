package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.compute.HandWorkedRounds;
import fi.digikunta.model.Figures;
import fi.digikunta.model.RunResult;
import fi.digikunta.testing.CsvTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * trends.csv and national_trends.csv of three municipalities over three rounds, cell by cell against
 * the figures worked by hand in {@link HandWorkedRounds}; the round column of the other tables.
 */
class TrendTablesTest {
    static RunResult run() {
        List<Figures> rounds = HandWorkedRounds.rounds();
        return new RunResult("test", "2", Instant.EPOCH, HandWorkedRounds.files(), rounds.get(rounds.size() - 1), null,
                rounds);
    }

    static Map<String, byte[]> render(CsvDialect d) {
        return ReportSet.render(run(), ReportOptions.defaults().withCsvDialect(d));
    }

    static String line(Map<String, byte[]> out, String table, String prefix) {
        String text = new String(out.get(table + ".csv"), StandardCharsets.UTF_8);
        List<String> lines = text.lines().filter(l -> l.startsWith(prefix)).toList();
        assertEquals(1, lines.size(), () -> prefix + " in\n" + text);
        return lines.get(0);
    }

    @Test
    void trendsHoldTheHandWorkedFiguresAndChanges() {
        Map<String, byte[]> out = render(CsvDialect.RFC4180);
        assertEquals("round,municipality_code,area,schema_version,previous_round,after_gap,version_changed,coverage,"
                + "depth,usage,index,level,realised_net,potential_net,computable_in_use,coverage_change,depth_change,"
                + "usage_change,index_change,level_change,realised_net_change,potential_net_change",
                new String(out.get("trends.csv"), StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        // Helsinki 2026 on v2: coverage 3/16, usage 2.5/3, index 62.5; from 2025 (2/15, 0.75, 57.8333),
        // realised 5500 -> 9500, potential 8000 -> 12000; a change of form version.
        assertEquals("2026,091,ASU,2,2025,false,true,0.1875,1.0000,0.8333,62.5000,3,9500.00,12000.00,3,"
                + "0.0542,0.0000,0.0833,4.6667,0,4000.00,4000.00", line(out, "trends", "2026,091,ASU,"));
        // Espoo skipped 2025: its change is from 2024 (2/15, index 65.3333, 8000 / 8000), after a gap.
        assertEquals("2026,049,ASU,1,2024,true,false,0.0667,1.0000,1.0000,62.6667,3,4000.00,4000.00,1,"
                + "-0.0667,0.0000,0.0000,-2.6667,0,-4000.00,-4000.00", line(out, "trends", "2026,049,ASU,"));
        // Tampere as a whole: index 50.6667 / 6 = 8.4444 (level 1), from 38.6667 / 6 = 6.4444.
        assertEquals("2026,837,ALL,1,2025,false,false,,,,8.4444,1,2000.00,4000.00,1,,,,2.0000,0,2000.00,0.00",
                line(out, "trends", "2026,837,ALL,"));
        // A first answer has no change; an unanswered area no depth or usage.
        assertEquals("2025,837,VIO,1,,false,false,0.0000,,,0.0000,0,0.00,0.00,0,,,,,,,",
                line(out, "trends", "2025,837,VIO,"));
        // No row for a skipped round (a gap, not a zero): 2 + 2 + 3 answers x 7 rows.
        assertTrue(new String(out.get("trends.csv"), StandardCharsets.UTF_8).lines()
                .noneMatch(l -> l.startsWith("2025,049,")));
        assertEquals(7 * 7, CsvTable.of(out, "trends", CsvDialect.RFC4180).rows.size());
    }

    @Test
    void nationalTrendsHoldEachRoundsStatisticsAndTheChange() {
        Map<String, byte[]> out = render(CsvDialect.RFC4180);
        assertEquals("round,area,statistic,value,unit,change,schema_version,version_changed",
                new String(out.get("national_trends.csv"), StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        // ASU median index: 2024 (47.6667 + 65.3333) / 2 = 56.5; 2025 (57.8333 + 38.6667) / 2 = 48.25;
        // 2026 median of 62.5, 62.6667, 50.6667 = 62.5. The 2026 national catalogue is v2's.
        assertEquals("2024,ASU,median,56.5000,index,,1,false", line(out, "national_trends", "2024,ASU,median,"));
        assertEquals("2025,ASU,median,48.2500,index,-8.2500,1,false",
                line(out, "national_trends", "2025,ASU,median,"));
        assertEquals("2026,ASU,median,62.5000,index,14.2500,2,true", line(out, "national_trends", "2026,ASU,median,"));
        assertEquals("2026,ALL,respondents,3,count,1,2,true", line(out, "national_trends", "2026,ALL,respondents,"));
        // realised: 5500 + 0 in 2025; 9500 + 4000 + 2000 in 2026
        assertEquals("2026,ASU,realised_net,15500.00,eur,10000.00,2,true",
                line(out, "national_trends", "2026,ASU,realised_net,"));
        // ASU level 3: Helsinki in 2025; all three in 2026
        assertEquals("2026,ASU,level_3,3,count,2,2,true", line(out, "national_trends", "2026,ASU,level_3,"));
        // The latest round's rows are national.csv's, with the round in front.
        List<String> national = new String(out.get("national.csv"), StandardCharsets.UTF_8).lines().skip(1).toList();
        List<CSVRecord> latest = CsvTable.of(out, "national_trends", CsvDialect.RFC4180).rows.stream()
                .filter(r -> r.get("round").equals("2026")).toList();
        assertEquals(national, latest.stream()
                .map(r -> String.join(",", r.get("area"), r.get("statistic"), r.get("value"), r.get("unit"))).toList());
    }

    @Test
    void excelFiWritesTheSameRowsWithDecimalCommas() {
        Map<String, byte[]> out = render(CsvDialect.EXCEL_FI);
        assertEquals("2026;091;ASU;2;2025;false;true;0,1875;1,0000;0,8333;62,5000;3;9500,00;12000,00;3;"
                + "0,0542;0,0000;0,0833;4,6667;0;4000,00;4000,00", line(out, "trends", "2026;091;ASU;"));
        assertEquals("2025;ASU;median;48,2500;index;-8,2500;1;false", line(out, "national_trends", "2025;ASU;median;"));
    }

    @Test
    void theOtherTablesNameTheirRound() {
        Map<String, byte[]> out = render(CsvDialect.RFC4180);
        // The headline is the latest round: its three municipalities, each with round 2026.
        assertEquals(List.of("2026", "2026", "2026"), CsvTable.of(out, "municipalities", CsvDialect.RFC4180)
                .rows.stream().map(r -> r.get("round")).toList());
        assertTrue(CsvTable.of(out, "areas", CsvDialect.RFC4180).rows.stream()
                .allMatch(r -> r.get("round").equals("2026")));
        assertTrue(CsvTable.of(out, "services", CsvDialect.RFC4180).rows.stream()
                .allMatch(r -> r.get("round").equals("2026")));
        // Every file with its own round.
        assertEquals(Map.of("049-2024.xlsx", "2024", "049-2026.xlsx", "2026", "091-2024.xlsx", "2024",
                "091-2025.xlsx", "2025", "091-2026.xlsx", "2026", "837-2025.xlsx", "2025", "837-2026.xlsx", "2026"),
                CsvTable.of(out, "files", CsvDialect.RFC4180).rows.stream()
                        .collect(java.util.stream.Collectors.toMap(r -> r.get("file"), r -> r.get("round"))));
    }

    @Test
    void reportJsonCarriesTheTrendsAndTheRounds() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(render(CsvDialect.RFC4180)
                .get(ReportSet.JSON));
        assertEquals(2026, json.path("municipalities").get(0).path("round").asInt());
        assertEquals(2024, json.path("files").get(0).path("round").asInt());
        // 2024 and 2025 two answers each (7 rows apiece), then 049 and 091 of 2026: ALL, ASU
        var helsinki2026 = json.path("trends").get(4 * 7 + 7 + 1);
        assertEquals("091", helsinki2026.path("municipality_code").asText());
        assertEquals("ASU", helsinki2026.path("area").asText());
        assertEquals(2026, helsinki2026.path("round").asInt());
        assertEquals(4.6667, helsinki2026.path("change").path("index").asDouble());
        var rounds = json.path("national_trends");
        assertEquals(3, rounds.size());
        assertTrue(rounds.get(0).path("change").isNull());
        assertEquals(62.5, rounds.get(2).path("national").path("index").path("ASU").path("median").asDouble());
        assertEquals(14.25, rounds.get(2).path("change").path("ASU").path("index").asDouble());
        assertTrue(rounds.get(2).path("version_changed").asBoolean());
        var problems = JsonReportTestAccess.schema().validate(json);
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void oneTableGoesToAStream() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ReportSet.writeTable(run(), "national_trends.csv", ReportOptions.defaults(), b);
        assertEquals(new String(render(CsvDialect.RFC4180).get("national_trends.csv"), StandardCharsets.UTF_8),
                b.toString(StandardCharsets.UTF_8));
    }
}
