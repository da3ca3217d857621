package fi.digikunta.bench;

import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.model.FileResult;
import fi.digikunta.pipeline.Validation;
import fi.digikunta.read.ReadOutcome;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.validate.Validator;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Not a test: measures the reader on N generated returns (default 300), single-threaded per
 * workbook and through the parallel pipeline. Run after {@code mvn -o -q test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) fi.digikunta.bench.ReaderBench 300}
 * where cp.txt comes from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class ReaderBench {
    private ReaderBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("log4j2.simplelogLevel", "OFF");
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        MunicipalityList list = MunicipalityList.builtIn();
        List<Municipality> ms = new ArrayList<>(list.all());
        Random r = new Random(42);
        String[] statuses = {"Käytössä", "Suunnitteilla", "Ei oteta käyttöön", null};
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Municipality m = ms.get(i % ms.size());
            TestReturn t = TestReturn.valid(m.code(), m.nameFi(), LocalDate.of(2025, 3, 1).plusDays(r.nextInt(60)));
            for (TestReturn.Area a : t.areas.values()) {
                for (Map<String, Object> row : a.rows) {
                    String s = statuses[r.nextInt(statuses.length)];
                    if (s == null) {
                        row.remove("status");
                    } else {
                        row.put("status", s);
                    }
                    row.put("usage", new TestReturn.Pct(r.nextInt(101) / 100.0));
                }
            }
            files.add(t.toXlsx());
        }
        long bytes = files.stream().mapToLong(b -> b.length).sum();
        System.out.printf("%d workbooks, mean %.1f KB%n", n, bytes / 1024.0 / n);
        StaxWorkbookReader reader = new StaxWorkbookReader();
        Validator validator = new Validator(SchemaRegistry.load(), list);
        for (int w = 0; w < 3; w++) {
            for (byte[] b : files) {
                validator.validate(reader.read(b, "w.xlsx"));
            }
        }
        long t0 = System.nanoTime();
        int readable = 0;
        for (byte[] b : files) {
            if (reader.read(b, "x.xlsx") instanceof ReadOutcome.Readable) {
                readable++;
            }
        }
        long t1 = System.nanoTime();
        for (byte[] b : files) {
            validator.validate(reader.read(b, "x.xlsx"));
        }
        long t2 = System.nanoTime();
        System.out.printf("read only, 1 thread:          %.2f ms/workbook (%d readable)%n",
                (t1 - t0) / 1e6 / n, readable);
        System.out.printf("read + validate, 1 thread:    %.2f ms/workbook%n", (t2 - t1) / 1e6 / n);

        Path dir = Files.createTempDirectory("digikunta-bench");
        List<InboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path p = dir.resolve(String.format("r%05d.xlsx", i));
            Files.write(p, files.get(i));
            entries.add(new InboxEntry(p, p.getFileName().toString(), files.get(i).length, Instant.EPOCH, false));
        }
        int threads = Validation.defaultThreads();
        Validation.validateAll(entries, SchemaRegistry.load(), list, reader, threads);
        long t3 = System.nanoTime();
        List<FileResult> res = Validation.validateAll(entries, SchemaRegistry.load(), list, reader, threads);
        long t4 = System.nanoTime();
        System.out.printf("validateAll from disk, %d threads: %.0f ms wall for %d files (%.2f ms/workbook)%n",
                threads, (t4 - t3) / 1e6, res.size(), (t4 - t3) / 1e6 / n);

        int poiN = Math.min(n, 50);
        for (int i = 0; i < poiN; i++) {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.get(i)))) {
                wb.getNumberOfSheets();
            }
        }
        long t5 = System.nanoTime();
        for (int i = 0; i < poiN; i++) {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.get(i)))) {
                wb.getNumberOfSheets();
            }
        }
        long t6 = System.nanoTime();
        System.out.printf("for comparison, POI XSSFWorkbook open, 1 thread: %.2f ms/workbook%n",
                (t6 - t5) / 1e6 / poiN);
        for (Path p : entries.stream().map(InboxEntry::path).toList()) {
            Files.delete(p);
        }
        Files.delete(dir);
    }
}
