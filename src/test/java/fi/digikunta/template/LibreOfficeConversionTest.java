package fi.digikunta.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.samples.ReturnSpec;
import fi.digikunta.samples.SampleGenerator;
import fi.digikunta.schema.Lang;
import fi.digikunta.testing.Soffice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice opens what we write: the blank templates and a filled return are converted by
 * {@code soffice --headless} and read back. LibreOffice recalculates files that Excel did not
 * write, so the converted summary also checks the counts we cached. Skipped where soffice is
 * not installed (CI installs it).
 */
class LibreOfficeConversionTest {
    @TempDir
    Path dir;

    @Test
    void templatesAndAFilledReturnConvertCleanlyAndKeepTabsAndCounts() throws Exception {
        Soffice.require();
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        TemplateWriter w = new TemplateWriter(TemplateWriterTest.SCHEMA);
        Files.write(in.resolve("lomake-fi.xlsx"), w.write(Lang.FI, TemplateWriterTest.T));
        Files.write(in.resolve("blankett-sv.xlsx"), w.write(Lang.SV, TemplateWriterTest.T));
        SampleGenerator gen = new SampleGenerator(TemplateWriterTest.SCHEMA);
        ReturnSpec helsinki = new ReturnSpec(MunicipalityList.builtIn().byCode("091").orElseThrow(),
                TemplateLayout.standard(TemplateWriterTest.SCHEMA, Lang.FI), LocalDate.of(2026, 2, 12),
                Set.of(ReturnSpec.Quirk.OWN_SERVICES), 7);
        byte[] filled = gen.generate(helsinki);
        Files.write(in.resolve("091-helsinki.xlsx"), filled);
        // A copy whose cached counts are zeroed: LibreOffice must compute them itself.
        Files.write(in.resolve("091-stale.xlsx"), StableZip.rewrite(filled, TemplateWriterTest.T,
                java.util.Map.of("xl/worksheets/sheet8.xml", b -> new String(b, StandardCharsets.UTF_8)
                        .replaceAll("(<f>[^<]*</f>)<v>[^<]*</v>", "$1<v>0</v>").getBytes(StandardCharsets.UTF_8))));

        // Own profile per run, so that parallel runs (and a desktop LibreOffice) do not clash.
        Path profile = Files.createDirectories(dir.resolve("profile"));
        // Recalculate every formula on load (OOXMLRecalcMode 0): by default LibreOffice trusts cached values.
        Soffice.recalculateOnLoad(profile);
        List<String> args = new ArrayList<>(List.of("--convert-to", "xlsx", "--outdir", out.toString()));
        List<String> names = List.of("lomake-fi.xlsx", "blankett-sv.xlsx", "091-helsinki.xlsx", "091-stale.xlsx");
        names.forEach(n -> args.add(in.resolve(n).toString()));
        Soffice.Run run = Soffice.run(profile, dir.resolve("soffice.log"), Duration.ofSeconds(240), args);
        String log = Files.readString(dir.resolve("soffice.log"), StandardCharsets.UTF_8);
        assertTrue(run.finished(), "soffice timed out: " + log);
        assertEquals(0, run.exit(), log);
        for (String n : names) {
            Path converted = out.resolve(n);
            assertTrue(Files.exists(converted) && Files.size(converted) > 0, n + " not converted: " + log);
        }

        assertEquals(List.of("Ohje", "Asuminen, ympäristö, liikenne", "Varhaiskasvatus ja opetus",
                "Kulttuuri ja liikunta", "Terveyden edistäminen", "Työ ja yrittäminen", "Viestintä ja osallisuus",
                "Yhteenveto"), sheets(out.resolve("lomake-fi.xlsx")));
        assertEquals(List.of("Anvisningar", "Boende, miljö, trafik", "Småbarnspedagogik, undervisning",
                "Kultur och idrott", "Hälsofrämjande", "Arbete och företagande", "Kommunikation och delaktighet",
                "Sammandrag"), sheets(out.resolve("blankett-sv.xlsx")));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("blankett-sv.xlsx")))) {
            assertTrue(TemplateWriterTest.validations(wb.getSheet("Boende, miljö, trafik")).containsKey("C4:C503"),
                    "the status drop-down survives LibreOffice");
        }
        // POI caches right values for a blank template only (it reads a range inside TRIM as one
        // cell); a filled workbook asks for a full recalculation on load, so LibreOffice's own counts count.
        assertEquals(counts(in.resolve("lomake-fi.xlsx")), counts(out.resolve("lomake-fi.xlsx")),
                "the blank template's cached figures are LibreOffice's");
        List<List<Double>> computed = counts(out.resolve("091-helsinki.xlsx"));
        assertTrue(computed.get(6).get(0) > 30, "Helsinki has most services in use: " + computed);
        assertEquals(0.0, counts(in.resolve("091-stale.xlsx")).get(6).get(0));
        assertEquals(computed, counts(out.resolve("091-stale.xlsx")), "LibreOffice computes, whatever was cached");
    }

    /**
     * Printed by LibreOffice, no header of any tab breaks a word across lines (a column narrower
     * than a word wraps it mid-word): every word of every area-tab and summary header, Finnish and
     * Swedish, is a whole word in the PDF's text.
     */
    @Test
    void printedHeadersBreakNoWord() throws Exception {
        Soffice.require();
        Soffice.requireTool("pdftotext");
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("pdf"));
        var schema = TemplateWriterTest.SCHEMA;
        TemplateWriter w = new TemplateWriter(schema);
        List<String> args = new ArrayList<>(List.of("--convert-to", "pdf", "--outdir", out.toString()));
        for (Lang lang : List.of(Lang.FI, Lang.SV)) {
            Files.write(in.resolve(lang.code() + ".xlsx"), w.write(lang, TemplateWriterTest.T));
            args.add(in.resolve(lang.code() + ".xlsx").toString());
        }
        Path profile = Files.createDirectories(dir.resolve("profile-pdf"));
        Soffice.Run run = Soffice.run(profile, dir.resolve("pdf.log"), Duration.ofSeconds(240), args);
        assertTrue(run.finished() && run.exit() == 0, Files.readString(dir.resolve("pdf.log"), StandardCharsets.UTF_8));
        for (Lang lang : List.of(Lang.FI, Lang.SV)) {
            Process p = new ProcessBuilder("pdftotext", "-layout", out.resolve(lang.code() + ".pdf").toString(), "-")
                    .redirectErrorStream(true).start();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Set<String> words = new java.util.HashSet<>(List.of(printed.split("\\s+")));
            assertEquals(0, p.waitFor());
            var text = TemplateWriter.text(lang);
            List<String> headers = new ArrayList<>();
            schema.columns().forEach(c -> headers.add(c.label().get(lang)));
            schema.statuses().forEach(s -> headers.add(s.label().get(lang)));
            headers.add(text.getString("summary.counts.area"));
            SummaryTab.FIGURES.forEach(f -> headers.add(text.getString("summary.fig." + f)));
            List<String> broken = new ArrayList<>();
            for (String h : headers) {
                for (String word : h.split("\\s+")) {
                    if (!words.contains(word)) {
                        broken.add(word + " (" + h + ")");
                    }
                }
            }
            broken.addAll(splitAcrossLines(printed, headers));
            assertEquals(List.of(), broken, lang + ": header words broken in the printed PDF");
        }
    }

    @Test
    void aWordBrokenInOneHeaderIsFoundThoughAnotherPrintsItWhole() {
        List<String> headers = List.of("Potentiaalinen säästö", "Potentiaalinen");
        assertEquals(List.of("Potentiaalinen as Potentiaali/nen"),
                splitAcrossLines("  Potentiaali    Potentiaalinen\n  nen säästö\n", headers));
        assertEquals(List.of(), splitAcrossLines("  Potentiaalinen    Potentiaalinen\n  säästö\n", headers));
    }

    /**
     * Header words printed in two pieces: a piece of at least 3 letters that is a proper prefix of a
     * header word (and no header word itself) with the rest of the word on the next line. LibreOffice
     * wraps without a hyphen, so this finds a word broken in one header even where another header
     * prints it whole.
     */
    static List<String> splitAcrossLines(String printed, List<String> headers) {
        Set<String> vocabulary = new java.util.HashSet<>();
        headers.forEach(h -> vocabulary.addAll(List.of(h.split("\\s+"))));
        String[] lines = printed.split("\\R");
        List<String> split = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i++) {
            Set<String> next = new java.util.HashSet<>(List.of(lines[i + 1].trim().split("\\s+")));
            for (String piece : lines[i].trim().split("\\s+")) {
                if (piece.length() < 3 || vocabulary.contains(piece)) {
                    continue;
                }
                for (String word : vocabulary) {
                    if (word.length() > piece.length() && word.startsWith(piece)
                            && next.contains(word.substring(piece.length()))) {
                        split.add(word + " as " + piece + "/" + word.substring(piece.length()));
                    }
                }
            }
        }
        return split;
    }

    private static List<String> sheets(Path f) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            return TemplateWriterTest.sheetNames(wb);
        }
    }

    /** The summary's count table as numbers, row by row. */
    private static List<List<Double>> counts(Path f) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            XSSFSheet sh = wb.getSheet("Yhteenveto");
            assertNotNull(sh);
            List<List<Double>> rows = new ArrayList<>();
            for (int r = TemplateLayout.SUMMARY_COUNTS_ROW + 2; r <= TemplateLayout.SUMMARY_COUNTS_ROW + 8; r++) {
                Row row = sh.getRow(r);
                List<Double> v = new ArrayList<>();
                for (int c = 1; c <= 4; c++) {
                    v.add(row.getCell(c).getNumericCellValue());
                }
                rows.add(v);
            }
            return rows;
        }
    }
}
