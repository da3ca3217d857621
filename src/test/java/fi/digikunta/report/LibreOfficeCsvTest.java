package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.testing.Processes;
import fi.digikunta.testing.Soffice;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The excel-fi CSV opened the way a Finnish spreadsheet opens it: LibreOffice's CSV import with
 * semicolon, double quote, UTF-8 and the Finnish locale (1035), converted to xlsx and read back
 * with POI. Numbers must arrive as numbers, neutralised text as text, never as a formula.
 * Skipped where soffice is not installed (.ci/run installs it).
 */
class LibreOfficeCsvTest {

    static Sheet convert(Path csv, Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Soffice.Run run = Soffice.run(tmp.resolve("profile"), tmp.resolve("soffice.log"), Duration.ofSeconds(180),
                List.of("--nolockcheck", "--infilter=CSV:59,34,76,1,,1035", "--convert-to", "xlsx", "--outdir",
                        out.toString(), csv.toString()));
        assertTrue(run.finished(), "soffice timed out");
        String name = csv.getFileName().toString().replace(".csv", ".xlsx");
        Path xlsx = out.resolve(name);
        assertTrue(Files.exists(xlsx), () -> "no xlsx; soffice said: " + Processes.read(tmp.resolve("soffice.log")));
        try (InputStream in = Files.newInputStream(xlsx)) {
            Workbook wb = new XSSFWorkbook(in);
            return wb.getSheetAt(0);
        }
    }

    static Map<String, Integer> header(Sheet s) {
        Map<String, Integer> h = new HashMap<>();
        for (Cell c : s.getRow(0)) {
            h.put(c.getStringCellValue(), c.getColumnIndex());
        }
        return h;
    }

    @Test
    void excelFiNumbersOpenAsNumbersInAFinnishSpreadsheet(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> out = ReportSet.render(CsvReportTest.roundingRun(),
                ReportOptions.defaults().withCsvDialect(CsvDialect.EXCEL_FI));
        Path csv = tmp.resolve("areas.csv");
        Files.write(csv, out.get("areas.csv"));
        Sheet s = convert(csv, tmp);
        Map<String, Integer> h = header(s);
        assertTrue(h.keySet().containsAll(CsvReportTest.AREA_COLUMNS), "the header survives (BOM read as UTF-8)");
        Row asu = s.getRow(1);
        Map<String, Double> expected = Map.of("coverage", 0.6667, "usage", 0.0001, "index", 12.3457,
                "realised_net", -12.5, "potential_net", 1.01, "target", 0.13, "in_use", 2.0, "level", 1.0);
        expected.forEach((col, v) -> {
            Cell c = asu.getCell(h.get(col));
            assertEquals(CellType.NUMERIC, c.getCellType(), col + " is a number");
            assertEquals(v, c.getNumericCellValue(), 1e-9, col);
        });
        assertEquals("ASU", asu.getCell(h.get("area")).getStringCellValue());
        Cell depth = asu.getCell(h.get("depth"));
        assertTrue(depth == null || depth.getCellType() == CellType.BLANK, "null depth is an empty cell");
        assertEquals("Aloitettu", asu.getCell(h.get("level_name")).getStringCellValue());
    }

    @Test
    void neutralisedFormulasStayText(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> out = ReportSet.render(TestRuns.hostile("=HYPERLINK(\"http://x\",\"y\")"),
                ReportOptions.defaults().withCsvDialect(CsvDialect.EXCEL_FI));
        Path csv = tmp.resolve("services.csv");
        Files.write(csv, out.get("services.csv"));
        Sheet s = convert(csv, tmp);
        Map<String, Integer> h = header(s);
        int checked = 0;
        for (Row r : s) {
            if (r.getRowNum() == 0) {
                continue;
            }
            for (Cell c : r) {
                assertTrue(c.getCellType() != CellType.FORMULA, "a formula in " + c.getAddress());
            }
            Cell name = r.getCell(h.get("name"));
            if (name != null && name.getCellType() == CellType.STRING
                    && name.getStringCellValue().contains("HYPERLINK")) {
                checked++;
            }
        }
        assertTrue(checked >= 1, "the own service's name is there, as text");
        for (String col : List.of("realised_net", "potential_net")) {
            boolean anyNumber = false;
            for (Row r : s) {
                Cell c = r.getCell(h.get(col));
                anyNumber |= r.getRowNum() > 0 && c != null && c.getCellType() == CellType.NUMERIC;
            }
            assertTrue(anyNumber, col + " has numbers");
        }
    }
}
