package fi.digikunta.bench;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Not a test: the floor that scripts/bench compares {@code digikunta run} with. It does the least any
 * xlsx reader must do and nothing else: read each file, inflate it, and walk the events of its sheet
 * and shared-string parts with the JDK's StAX parser, on N threads. No cell is typed, nothing is
 * validated, computed or written. Uses the JDK only, so it starts as fast as a JVM can.
 *
 * <pre>java -cp CLASSES fi.digikunta.bench.StaxFloor [--threads N] DIR</pre>
 */
public final class StaxFloor {
    private StaxFloor() {
    }

    public static void main(String[] args) throws Exception {
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
            System.err.println("usage: StaxFloor [--threads N] DIR");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xlsx")).sorted().toList();
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadLocal<XMLInputFactory> factory = ThreadLocal.withInitial(StaxFloor::factory);
        long events = 0;
        try {
            List<Future<Long>> results = new ArrayList<>(files.size());
            for (Path p : files) {
                results.add(pool.submit(() -> walk(p, factory.get())));
            }
            for (Future<Long> f : results) {
                events += f.get();
            }
        } finally {
            // Also when a file fails: the pool's threads would keep the JVM alive.
            pool.shutdownNow();
        }
        long t1 = System.nanoTime();
        // The event count keeps the work from being optimised away, and shows both programs saw the files.
        System.err.printf("floor: %d files, %d XML events, %.0f ms after start-up, %d threads%n", files.size(),
                events, (t1 - t0) / 1e6, threads);
    }

    /** The same safe settings as the real reader (no DTD, no external entities, namespace-aware). */
    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    static long walk(Path file, XMLInputFactory f) {
        long events = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String n = e.getName();
                if (n.equals("xl/sharedStrings.xml") || n.startsWith("xl/worksheets/") && n.endsWith(".xml")) {
                    events += events(f, zip);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(file.toString(), ex);
        } catch (XMLStreamException ex) {
            throw new IllegalStateException(file + ": " + ex.getMessage(), ex);
        }
        return events;
    }

    private static long events(XMLInputFactory f, InputStream in) throws XMLStreamException {
        // The JDK's reader closes its stream on close(); the zip stream must stay open for the next part.
        XMLStreamReader r = f.createXMLStreamReader(new FilterInputStream(in) {
            @Override
            public void close() {
            }
        });
        long n = 0;
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                n += r.getAttributeCount();
            } else if (e == XMLStreamConstants.CHARACTERS) {
                n += r.getTextLength();
            }
            n++;
        }
        r.close();
        return n;
    }
}
