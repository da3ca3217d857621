package fi.digikunta.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.cli.CliTestSupport;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.template.TemplateLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Count mode: N valid returns with distinct names; later rounds are newer returns of the same municipalities. */
class BenchSetTest {
    @TempDir
    Path tmp;

    @Test
    void countModeCyclesThroughTheListWithNewerReturnsAndDistinctNames() throws Exception {
        Path csv = tmp.resolve("kunnat.csv");
        Files.writeString(csv, "code,name_fi,name_sv,region_fi,population\n"
                + "091,Helsinki,Helsingfors,Uusimaa,684018\n046,Enonkoski,Enonkoski,Etelä-Savo,1288\n"
                + "499,Mustasaari,Korsholm,Pohjanmaa,19738\n");
        MunicipalityList list = MunicipalityList.fromFile(csv);
        SampleGenerator gen = new SampleGenerator(SchemaRegistry.load().version("1").orElseThrow());
        List<Path> files = BenchSet.write(gen, list, 42, 7, tmp.resolve("one"), 1);
        assertEquals(7, files.size());
        Set<String> names = new TreeSet<>();
        files.forEach(p -> names.add(p.getFileName().toString()));
        assertEquals(7, names.size(), names.toString());
        assertTrue(names.contains(files.get(0).getFileName().toString().replace(".xlsx", "-2.xlsx")),
                "the 4th file is the 2nd return of the 1st municipality: " + names);
        // Municipality of file i is the (i mod 3)th; each round's fill date is later than the last.
        LocalDate previous = LocalDate.MIN;
        for (int i = 0; i < 7; i += 3) {
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(files.get(i)))) {
                Sheet summary = wb.getSheetAt(7);
                assertEquals("046", summary.getRow(TemplateLayout.identificationRow(gen.schema(), "code")).getCell(1).getStringCellValue());
                LocalDate d = summary.getRow(TemplateLayout.identificationRow(gen.schema(), "date")).getCell(1)
                        .getLocalDateTimeCellValue().toLocalDate();
                assertTrue(d.isAfter(previous), d + " after " + previous);
                previous = d;
            }
        }
        // The thread count changes nothing.
        List<Path> again = BenchSet.write(gen, list, 42, 7, tmp.resolve("two"), 2);
        for (int i = 0; i < 7; i++) {
            assertEquals(files.get(i).getFileName(), again.get(i).getFileName());
            assertArrayEquals(Files.readAllBytes(files.get(i)), Files.readAllBytes(again.get(i)));
        }
    }

    @Test
    void theHiddenCommandWritesCountFiles() throws Exception {
        Path out = tmp.resolve("bench");
        var r = CliTestSupport.run("samples", "--lang", "en", "--count", "3", "--seed", "9", "--out", out.toString())
                .expectExit(0);
        assertTrue(r.err().startsWith("3 files"), r.err());
        try (var s = Files.list(out)) {
            assertEquals(List.of("005-alajarvi.xlsx", "009-alavieska.xlsx", "010-alavus.xlsx"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        CliTestSupport.run("samples", "--count", "0", "--out", out.toString()).expectExit(2);
    }
}
