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
}
