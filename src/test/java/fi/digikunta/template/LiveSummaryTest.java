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
 * anywhere, mixed languages and letter case, blank rows, rows in any order, moved columns),
 * recalculated by LibreOffice headless, and every DK_* name is compared with the figures that
 * `digikunta run` computes from the same recalculated file (validation, then FiguresCalculator).
 * Skipped where soffice is not installed.
 */
class LiveSummaryTest {
    static final Schema SCHEMA = SchemaRegistry.load().latest();
    static final Validator VALIDATOR = new Validator(SchemaRegistry.load(), MunicipalityList.builtIn());
    static final StaxWorkbookReader READER = new StaxWorkbookReader();
    static final int RANDOM_FILLINGS = 8;

    @TempDir
    Path dir;

    @Test
    void everyNamedFigureEqualsDigikuntasAfterLibreOfficeRecalculates() throws Exception {
        Soffice.require();
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> names = new ArrayList<>();
        try (Stream<Path> samples = Files.list(Path.of("samples", "inbox"))) {
            for (Path p : samples.sorted().toList()) {
                Validated v = VALIDATOR.validate(READER.read(p));
                if (v.ret() == null || !v.outcome().counts()) {
                    continue;
                }
                String base = p.getFileName().toString().replace(".xlsx", "");
                // Finnish and Swedish templates in turn (each costs LibreOffice time).
                Lang lang = names.size() % 2 == 0 ? Lang.FI : Lang.SV;
                {
                    String name = base + "-" + lang.code() + ".xlsx";
                    Files.write(in.resolve(name), LiveFill.fill(TemplateLayout.standard(SCHEMA, lang), v.ret(),
                            new Random(name.hashCode()), false));
                    names.add(name);
                }
            }
        }
        assertTrue(names.size() >= 20, "the sample inbox gives returns to fill: " + names);
        Random seed = new Random(20260212);
        List<Municipality> all = new ArrayList<>(MunicipalityList.builtIn().all());
        for (int i = 0; i < RANDOM_FILLINGS; i++) {
            Lang lang = i % 2 == 0 ? Lang.FI : Lang.SV;
            TemplateLayout layout = TemplateLayout.standard(SCHEMA, lang);
            if (i % 4 >= 2) {
                layout = layout.withColumnOrder(LiveFill.shuffled(layout.columnOrder(), seed));
            }
            AssessmentReturn ret = LiveFill.randomReturn(SCHEMA, all.get(seed.nextInt(all.size())), seed);
            String name = "random-" + i + ".xlsx";
            Files.write(in.resolve(name), LiveFill.fill(layout, ret, seed, true));
            names.add(name);
        }
        recalculate(in, out, names);
        int compared = 0;
        for (String n : names) {
            compared += compare(out.resolve(n));
        }
        assertEquals(names.size() * 7 * 12, compared, "every DK_ name of every file compared");
    }

    /** Converts the files to .xlsx with LibreOffice, recalculating every formula on load. */
    static void recalculate(Path in, Path out, List<String> names) throws Exception {
        Path profile = Files.createDirectories(in.resolveSibling("profile"));
        Files.writeString(Files.createDirectories(profile.resolve("user")).resolve("registrymodifications.xcu"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\""
                        + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                        + "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\""
                        + " oor:op=\"fuse\"><value>0</value></prop></item>\n</oor:items>\n", StandardCharsets.UTF_8);
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
        Validated v = VALIDATOR.validate(READER.read(file));
        assertNotNull(v.ret(), file + ": " + v.findings());
        Municipality m = MunicipalityList.builtIn().byCode(v.municipalityCode()).orElseThrow();
        MunicipalityFigures mf = FiguresCalculator.municipality(SCHEMA, m, file.getFileName().toString(), v.ret());
        Map<String, Object> named = names(file);
        int n = 0;
        for (AreaFigures a : mf.areas()) {
            n += compareArea(file, a.area(), named, a.inUse(), a.planned(), a.notAdopted(), a.unanswered(),
                    a.coverage(), a.depth(), a.usage(), a.index(), a.level(), a.savings());
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
