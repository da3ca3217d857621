package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSwedishWorkbookAndSaysWhereOnStderr() throws Exception {
        Path out = dir.resolve("blankett.xlsx");
        var r = CliTestSupport.run("template", "--lang", "sv", "--out", out.toString()).expectExit(0);
        assertEquals("", r.out(), "stdout is for data");
        assertTrue(r.err().contains(out.toString()), r.err());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertEquals("Anvisningar", wb.getSheetName(0));
            assertEquals("Sammandrag", wb.getSheetName(7));
        }
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void theTemplateGetsThePermissionsOfAnyOtherOutputNot0600() throws Exception {
        Path out = dir.resolve("lomake.xlsx");
        CliTestSupport.run("template", "--out", out.toString()).expectExit(0);
        Path plain = Files.write(dir.resolve("plain.txt"), new byte[] {1});
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
    }

    @Test
    void finnishIsTheDefault() throws Exception {
        Path out = dir.resolve("lomake.xlsx");
        CliTestSupport.run("template", "--out", out.toString()).expectExit(0);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertEquals("Ohje", wb.getSheetName(0));
        }
    }

    @Test
    void refusesToOverwriteWithoutForceNamingTheFile() throws Exception {
        Path out = dir.resolve("lomake.xlsx");
        Files.writeString(out, "keep me");
        var r = CliTestSupport.run("template", "--out", out.toString()).expectExit(2);
        assertTrue(r.err().contains(out.toString()) && r.err().contains("--force"), r.err());
        assertEquals("keep me", Files.readString(out), "input never modified");
        CliTestSupport.run("template", "--out", out.toString(), "--force").expectExit(0);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertEquals(8, wb.getNumberOfSheets());
        }
    }

    @Test
    void anUnwritablePathIsExitThreeWithOneLine() {
        Path out = dir.resolve("no-such-folder").resolve("lomake.xlsx");
        var r = CliTestSupport.run("template", "--out", out.toString()).expectExit(3);
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(out.toString()), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void englishIsNotAWorkbookLanguage() {
        var r = CliTestSupport.run("template", "--lang", "en", "--out", dir.resolve("x.xlsx").toString()).expectExit(2);
        assertTrue(r.err().contains("fi, sv"), r.err());
        assertFalse(Files.exists(dir.resolve("x.xlsx")));
    }

    @Test
    void missingOutIsAUsageErrorAndHelpIsInTheChosenLanguage() {
        CliTestSupport.run("template").expectExit(2);
        assertTrue(CliTestSupport.run("template", "--help", "--lang", "sv").expectExit(0).out()
                .contains("Blankettens språk"));
        assertTrue(CliTestSupport.run("--help").out().contains("template"), "listed under the root command");
        assertFalse(CliTestSupport.run("--help").out().contains("samples"), "samples is hidden");
    }

    /** Label (column A) to value (column B) of the summary tab's identification block. */
    private static java.util.Map<String, String> identification(XSSFWorkbook wb, String summary) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        var sh = wb.getSheet(summary);
        for (int r = 0; r < 15; r++) {
            var row = sh.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(1) != null) {
                var v = row.getCell(1);
                m.put(row.getCell(0).getStringCellValue(), v.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? String.valueOf((long) v.getNumericCellValue()) : v.getStringCellValue());
            }
        }
        return m;
    }

    /** Service ids on the area tabs (column A from row 4 on). */
    private static java.util.List<String> ids(XSSFWorkbook wb) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            var sh = wb.getSheetAt(i);
            for (int r = 3; r <= sh.getLastRowNum(); r++) {
                var c = sh.getRow(r) == null ? null : sh.getRow(r).getCell(0);
                if (c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && c.getStringCellValue().matches("[A-Z]{3}-\\d\\d")) {
                    ids.add(c.getStringCellValue());
                }
            }
        }
        return ids;
    }

    @Test
    void formVersionTwoIsTheDefaultAndAsksTheRound() throws Exception {
        Path v2 = dir.resolve("v2.xlsx");
        Path v2sv = dir.resolve("v2-sv.xlsx");
        Path v1 = dir.resolve("v1.xlsx");
        CliTestSupport.run("template", "--out", v2.toString()).expectExit(0);
        CliTestSupport.run("template", "--form-version", "2", "--lang", "sv", "--out", v2sv.toString()).expectExit(0);
        CliTestSupport.run("template", "--form-version", "1", "--out", v1.toString()).expectExit(0);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(v2))) {
            var id = identification(wb, "Yhteenveto");
            assertEquals("2", id.get("Lomakeversio"));
            assertTrue(id.containsKey("Arviointikierros"), id::toString);
            var ids = ids(wb);
            assertEquals(69, ids.size());
            assertTrue(ids.containsAll(java.util.List.of("ASU-16", "VKO-12", "TER-10", "VIO-13")));
            assertFalse(ids.contains("KUL-09") || ids.contains("TYO-09"));
            // The live summary tab counts the answers of every area tab, as in v1.
            assertTrue(formulas(wb, "Yhteenveto") >= 6, "summary formulas");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(v2sv))) {
            var id = identification(wb, "Sammandrag");
            assertEquals("2", id.get("Blankettversion"));
            assertTrue(id.containsKey("Bedömningsomgång"), id::toString);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(v1))) {
            var id = identification(wb, "Yhteenveto");
            assertEquals("1", id.get("Lomakeversio"));
            assertFalse(id.containsKey("Arviointikierros"));
            assertEquals(67, ids(wb).size());
            assertTrue(formulas(wb, "Yhteenveto") >= 6, "summary formulas");
        }
        var bad = CliTestSupport.run("template", "--form-version", "3", "--out", dir.resolve("x.xlsx").toString())
                .expectExit(2);
        assertTrue(bad.err().contains("1, 2"), bad.err());
    }

    private static int formulas(XSSFWorkbook wb, String sheet) {
        int n = 0;
        for (var row : wb.getSheet(sheet)) {
            for (var c : row) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                    n++;
                }
            }
        }
        return n;
    }
}
