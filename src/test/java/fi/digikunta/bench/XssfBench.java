package fi.digikunta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Not a test: for comparison in scripts/bench, the usual way of reading a workbook in Java. Opens
 * every .xlsx of a folder as a POI {@code XSSFWorkbook} (the whole object model) on N threads and
 * touches every cell's value; nothing is validated or written.
 *
 * <pre>java -cp CLASSES:target/digikunta.jar fi.digikunta.bench.XssfBench [--threads N] DIR</pre>
 */
public final class XssfBench {
    private XssfBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("log4j2.simplelogLevel", "OFF");
        int threads = Runtime.getRuntime().availableProcessors();
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) {
                threads = Integer.parseInt(args[++i]);
            } else {
                dir = Path.of(args[i]);
            }
        }
        if (dir == null) {
            System.err.println("usage: XssfBench [--threads N] DIR");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xlsx")).sorted().toList();
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long cells = 0;
        try {
            List<Future<Long>> results = new ArrayList<>(files.size());
            for (Path p : files) {
                results.add(pool.submit(() -> read(p)));
            }
            for (Future<Long> f : results) {
                cells += f.get();
            }
        } finally {
            // Also when a file fails: the pool's threads would keep the JVM alive.
            pool.shutdownNow();
        }
        long t1 = System.nanoTime();
        System.err.printf("XSSFWorkbook: %d files, %d cells, %.0f ms after start-up, %d threads%n", files.size(),
                cells, (t1 - t0) / 1e6, threads);
    }

    static long read(Path file) {
        long n = 0;
        // Opened read-only: closing a package opened for writing would save it back to the file.
        try (XSSFWorkbook wb = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        n += switch (c.getCellType()) {
                            case STRING -> c.getStringCellValue().length();
                            case NUMERIC -> (long) c.getNumericCellValue() & 1;
                            default -> 1;
                        };
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        return n;
    }
}
