package fi.digikunta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar writes the templates and samples with the live summary: every form (fi and sv,
 * versions 1 and 2) and every sample has the 84 DK_ names and the summary tab's two charts. The
 * test class path has poi-ooxml-full ahead of poi-ooxml-lite, so only the jar, which ships the
 * lite classes, shows that the template code needs no class the lite jar leaves out.
 */
class TemplateJarIT {
    @Test
    void theJarWritesFormsAndSamplesWithNamesAndCharts(@TempDir Path tmp) throws Exception {
        List<Path> written = new ArrayList<>();
        for (String lang : List.of("fi", "sv")) {
            for (String version : List.of("1", "2")) {
                Path out = tmp.resolve("lomake-" + lang + "-" + version + ".xlsx");
                Jar.run(tmp, Map.of(), "template", "--lang=" + lang, "--form-version=" + version,
                        "--out=" + out).expect(0);
                written.add(out);
            }
        }
        Jar.run(tmp, Map.of(), "samples", "--count", "3", "--out=" + tmp.resolve("samples")).expect(0);
        try (Stream<Path> s = Files.list(tmp.resolve("samples"))) {
            List<Path> samples = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
            assertEquals(3, samples.size(), "samples --count 3 writes three returns: " + samples);
            written.addAll(samples);
        }
        for (Path f : written) {
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
                long names = wb.getAllNames().stream().map(Name::getNameName).filter(n -> n.startsWith("DK_"))
                        .count();
                assertEquals(84, names, f + ": DK_ names");
                XSSFSheet summary = wb.getSheet("Yhteenveto") != null ? wb.getSheet("Yhteenveto")
                        : wb.getSheet("Sammandrag");
                assertNotNull(summary, f + ": a summary tab");
                XSSFDrawing drawing = summary.getDrawingPatriarch();
                assertNotNull(drawing, f + ": the summary tab draws");
                assertEquals(2, drawing.getCharts().size(), f + ": charts on the summary tab");
            }
        }
    }
}
