package fi.digikunta.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.compute.FiguresCalculator;
import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.AreaReturn;
import fi.digikunta.model.AssessmentReturn;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.Savings;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.testing.Soffice;
import fi.digikunta.validate.Validated;
import fi.digikunta.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary tab's live figures equal digikunta's: the generated template (Finnish and Swedish)
 * is filled with the values of every sample return and with seeded random fillings (own services
 * anywhere, mixed languages and letter case, blank rows, rows in any order, and in most of them the
 * area tabs' columns moved, one inserted and one hidden),
 * recalculated by LibreOffice headless, and every DK_* name is compared with the figures that
 * `digikunta run` computes from the same recalculated file (validation, then FiguresCalculator).
 * Skipped where soffice is not installed.
 */
class LiveSummaryTest {
    static final SchemaRegistry SCHEMAS = SchemaRegistry.load();
    static final Schema SCHEMA = SCHEMAS.latest();
    static final Schema V1 = SCHEMAS.version("1").orElseThrow();
    static final Validator VALIDATOR = new Validator(SchemaRegistry.load(), MunicipalityList.builtIn());
    static final StaxWorkbookReader READER = new StaxWorkbookReader();
    static final int RANDOM_FILLINGS = 8;

    @TempDir
    Path dir;
    /** Files whose comparison included a defined depth and non-zero realised savings. */
    private int nonTrivial;

    @Test
    void everyNamedFigureEqualsDigikuntasAfterLibreOfficeRecalculates() throws Exception {
        Soffice.require();
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> names = new ArrayList<>();
        try (Stream<Path> samples = Files.list(Path.of("samples", "inbox"))) {
            for (Path p : samples.sorted().toList()) {
                Validated v = VALIDATOR.validate(READER.read(p), 2026);
                if (v.ret() == null || !v.outcome().counts()) {
                    continue;
                }
                // Each return once, into a form of version 1 or 2 and of Finnish or Swedish in turn
                // (each file costs LibreOffice time); a v2 return only into a v2 form.
                int i = names.size();
                Schema schema = i % 4 < 2 && v.ret().schemaVersion().equals("1") ? V1 : SCHEMA;
                Lang lang = i % 2 == 0 ? Lang.FI : Lang.SV;
                String name = p.getFileName().toString().replace(".xlsx", "") + "-v" + schema.schemaVersion() + "-"
                        + lang.code() + ".xlsx";
                Files.write(in.resolve(name), LiveFill.fill(schema, TemplateLayout.standard(schema, lang), v.ret(),
                        new Random(name.hashCode()), false));
                names.add(name);
            }
        }
        assertTrue(names.size() >= 20, "the sample inbox gives returns to fill: " + names);
        // -Ddigikunta.liveQuick=true: two sample returns only, for a quick look while changing the template.
        if (Boolean.getBoolean("digikunta.liveQuick")) {
            names.subList(2, names.size()).clear();
        }
        Random seed = new Random(20260212);
        List<Municipality> all = new ArrayList<>(MunicipalityList.builtIn().all());
        for (int i = 0; i < RANDOM_FILLINGS; i++) {
            Schema schema = i % 4 < 2 ? SCHEMA : V1;
            Lang lang = i % 2 == 0 ? Lang.FI : Lang.SV;
            TemplateLayout layout = TemplateLayout.standard(schema, lang);
            AssessmentReturn ret = LiveFill.randomReturn(schema, all.get(seed.nextInt(all.size())), seed);
            // Columns moved (and one inserted, one hidden) in three files of four.
            boolean move = i % 4 != 3;
            String name = "random-" + i + "-v" + schema.schemaVersion() + "-" + lang.code() + (move ? "-moved" : "")
                    + ".xlsx";
            Files.write(in.resolve(name), LiveFill.fill(schema, layout, ret, seed, true, move));
            names.add(name);
        }
        recalculate(in, out, names);
        int compared = 0;
        for (String n : names) {
            compared += compare(out.resolve(n));
        }
        assertEquals(names.size() * 7 * 12, compared, "every DK_ name of every file compared");
        assertTrue(nonTrivial >= names.size() / 2, "most files have a depth and realised savings: " + nonTrivial);
        summaryPageShowsBothCharts(out.resolve(names.get(0)));
    }

    /**
     * The summary of a recalculated file keeps its two chart parts, and its page of LibreOffice's
     * PDF (the page with the table's title) is not blank: it carries a good number of coloured
     * pixels, which only the bars draw (the table is black on white and grey).
     */
    private void summaryPageShowsBothCharts(Path xlsx) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            var summary = wb.getSheet(SCHEMA.tabs().get("summary").name().fi());
            assertNotNull(summary.getDrawingPatriarch(), "a drawing on the summary tab");
            assertEquals(2, summary.getDrawingPatriarch().getCharts().size(), "two charts");
        }
        Path pdfDir = Files.createDirectories(dir.resolve("pdf"));
        Path log = dir.resolve("pdf.log");
        Soffice.Run run = Soffice.run(Files.createDirectories(dir.resolve("profile-pdf")), log,
                Duration.ofSeconds(600), List.of("--convert-to", "pdf", "--outdir", pdfDir.toString(), xlsx.toString()));
        assertTrue(run.finished() && run.exit() == 0, Files.readString(log, StandardCharsets.UTF_8));
        Path pdf = pdfDir.resolve(xlsx.getFileName().toString().replace(".xlsx", ".pdf"));
        String title = TemplateWriter.text(Lang.FI).getString("summary.counts.title");
        int page = 0;
        for (int p = 1; p <= 40 && page == 0; p++) {
            String text = tool("pdftotext", "-f", "" + p, "-l", "" + p, pdf.toString(), "-");
            if (text.contains(title)) {
                page = p;
            }
        }
        assertTrue(page > 0, "a page with the summary's table");
        // The summary is the last tab: its pages run from the table's to the end.
        String info = tool("pdfinfo", pdf.toString());
        int pages = Integer.parseInt(info.replaceAll("(?s).*\\nPages:\\s+(\\d+).*", "$1"));
        int coloured = 0;
        int best = page;
        int bestCount = -1;
        for (int p = page; p <= pages; p++) {
            Path png = dir.resolve("summary-" + p);
            tool("pdftoppm", "-f", "" + p, "-l", "" + p, "-r", "60", "-png", "-singlefile", pdf.toString(),
                    png.toString());
            int n = colouredPixels(dir.resolve("summary-" + p + ".png"));
            coloured += n;
            if (n > bestCount) {
                best = p;
                bestCount = n;
            }
        }
        String shot = System.getProperty("digikunta.screenshot");
        if (shot != null) {
            // The picture in docs/template-and-samples.md: -Ddigikunta.screenshot=docs/images/template-summary
            tool("pdftoppm", "-f", "" + best, "-l", "" + best, "-r", "80", "-png", "-singlefile", pdf.toString(),
                    Path.of(shot).toAbsolutePath().toString());
        }
        assertTrue(coloured > 2000, "the charts' bars are drawn on pages " + page + "-" + pages + ": " + coloured
                + " coloured pixels");
    }

    /** Pixels whose colour is far from grey: only the bars of the charts are drawn in colour. */
    private static int colouredPixels(Path png) throws Exception {
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        int coloured = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        return coloured;
    }

    /** Runs a poppler tool; its standard output. */
    private static String tool(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + outText);
        return outText;
    }

    /** Converts the files to .xlsx with LibreOffice, recalculating every formula on load. */
    static void recalculate(Path in, Path out, List<String> names) throws Exception {
        Path profile = Files.createDirectories(in.resolveSibling("profile"));
        Soffice.recalculateOnLoad(profile);
        List<String> args = new ArrayList<>(List.of("--convert-to", "xlsx", "--outdir", out.toString()));
        names.forEach(n -> args.add(in.resolve(n).toString()));
        Path log = in.resolveSibling("soffice.log");
        Soffice.Run run = Soffice.run(profile, log, Duration.ofSeconds(900), args);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(run.finished(), "soffice timed out: " + text);
        assertEquals(0, run.exit(), text);
        for (String n : names) {
            assertTrue(Files.isRegularFile(out.resolve(n)), n + " not converted: " + text);
        }
    }

    /** Compares every DK_ name of a recalculated file with digikunta's figures; the number compared. */
    private int compare(Path file) throws Exception {
        Validated v = VALIDATOR.validate(READER.read(file), 2026);
        assertNotNull(v.ret(), file + ": " + v.findings());
        assertTrue(v.outcome().counts(), file + ": " + v.findings());
        Municipality m = MunicipalityList.builtIn().byCode(v.municipalityCode()).orElseThrow();
        Schema schema = SCHEMAS.version(v.ret().schemaVersion()).orElseThrow();
        MunicipalityFigures mf = FiguresCalculator.municipality(schema, m, file.getFileName().toString(), v.ret());
        Map<String, Object> named = names(file);
        int n = 0;
        for (AreaFigures a : mf.areas()) {
            n += compareArea(file, a.area(), named, a.inUse(), a.planned(), a.notAdopted(), a.unanswered(),
                    a.coverage(), a.depth(), a.usage(), a.index(), a.level(), a.savings());
        }
        if (mf.savings().realisedNet() != 0 && mf.areas().stream().anyMatch(a -> a.depth() != null)) {
            nonTrivial++;
        }
        int inUse = mf.areas().stream().mapToInt(AreaFigures::inUse).sum();
        int planned = mf.areas().stream().mapToInt(AreaFigures::planned).sum();
        int notAdopted = mf.areas().stream().mapToInt(AreaFigures::notAdopted).sum();
        int unanswered = mf.areas().stream().mapToInt(AreaFigures::unanswered).sum();
        n += compareArea(file, "ALL", named, inUse, planned, notAdopted, unanswered, null, null, null, mf.index(),
                mf.level(), mf.savings());
        return n;
    }

    private static int compareArea(Path file, String area, Map<String, Object> named, int inUse, int planned,
            int notAdopted, int unanswered, Double coverage, Double depth, Double usage, double index, int level,
            Savings s) {
        String p = "DK_" + area + "_";
        String where = file.getFileName() + " " + p;
        exact(where + "IN_USE", inUse, named.get(p + "IN_USE"));
        exact(where + "PLANNED", planned, named.get(p + "PLANNED"));
        exact(where + "NOT_ADOPTED", notAdopted, named.get(p + "NOT_ADOPTED"));
        exact(where + "UNANSWERED", unanswered, named.get(p + "UNANSWERED"));
        near(where + "COVERAGE", coverage, named.get(p + "COVERAGE"), 1e-6);
        near(where + "DEPTH", depth, named.get(p + "DEPTH"), 1e-6);
        near(where + "USAGE", usage, named.get(p + "USAGE"), 1e-6);
        near(where + "INDEX", index, named.get(p + "INDEX"), 1e-6);
        exact(where + "LEVEL", level, named.get(p + "LEVEL"));
        near(where + "REALISED_NET", s.realisedNet(), named.get(p + "REALISED_NET"), 0.01);
        near(where + "POTENTIAL_NET", s.potentialNet(), named.get(p + "POTENTIAL_NET"), 0.01);
        near(where + "TARGET", s.target(), named.get(p + "TARGET"), 0.01);
        return 12;
    }

    private static void exact(String what, int expected, Object actual) {
        assertEquals((double) expected, actual, what);
    }

    /** An undefined figure (null) must be "" in the workbook. */
    private static void near(String what, Double expected, Object actual, double tolerance) {
        if (expected == null) {
            assertEquals("", actual, what);
            return;
        }
        assertTrue(actual instanceof Double d && Math.abs(d - expected) <= tolerance,
                what + ": digikunta " + expected + ", workbook " + actual);
    }

    /** Every DK_ name of a workbook with the cached value of its cell: a Double, or a String. */
    static Map<String, Object> names(Path file) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            for (Name n : wb.getAllNames()) {
                if (!n.getNameName().startsWith("DK_")) {
                    continue;
                }
                var ref = new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
                Cell c = wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
                CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
                m.put(n.getNameName(), t == CellType.NUMERIC ? (Object) c.getNumericCellValue() : c.getStringCellValue());
            }
        }
        return m;
    }

    static List<ServiceRow> rows(AssessmentReturn r, String area) {
        return r.area(area).map(AreaReturn::rows).orElse(List.of());
    }
}
