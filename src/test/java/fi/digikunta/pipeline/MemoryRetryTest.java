package fi.digikunta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.read.ReadOutcome;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.read.WorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.findings.FindingCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that ran out of memory while another was read beside it is read again alone: it gets its
 * real result, and only a file that does not fit even alone is rejected (read-limit).
 */
class MemoryRetryTest {
    static final Instant T0 = Instant.parse("2025-04-01T08:00:00Z");

    @TempDir
    Path dir;

    /** Reads for real, except that the named files run out of memory on their first {@code fails} reads. */
    static final class Starved implements WorkbookReader {
        final WorkbookReader real = new StaxWorkbookReader();
        final Map<String, Integer> fails;
        final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        Starved(Map<String, Integer> fails) {
            this.fails = fails;
        }

        @Override
        public ReadOutcome read(Path file) {
            String name = file.getFileName().toString();
            int n = reads.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            if (n <= fails.getOrDefault(name, 0)) {
                throw new OutOfMemoryError("Java heap space");
            }
            return real.read(file);
        }
    }

    InboxEntry file(String name, String code, String muni) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, TestReturn.valid(code, muni, LocalDate.of(2025, 3, 14)).toXlsx());
        return new InboxEntry(p, name, Files.size(p), T0, false);
    }

    @Test
    void aFileStarvedByItsNeighbourGetsItsRealResultAndOnlyWhatNeverFitsIsRejected() throws IOException {
        List<InboxEntry> in = List.of(file("espoo.xlsx", "049", "Espoo"), file("helsinki.xlsx", "091", "Helsinki"),
                file("vantaa.xlsx", "092", "Vantaa"));
        Starved reader = new Starved(Map.of("espoo.xlsx", 1, "vantaa.xlsx", 99));
        List<FileResult> out = Validation.validateAll(in, SchemaRegistry.load(), MunicipalityList.builtIn(), reader, 2);
        assertEquals(List.of(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.REJECTED),
                out.stream().map(FileResult::outcome).toList());
        assertEquals(2, reader.reads.get("espoo.xlsx").get(), "read again alone");
        assertEquals(1, reader.reads.get("helsinki.xlsx").get(), "a file that fitted is read once");
        FileResult vantaa = out.get(2);
        assertEquals("read-limit", vantaa.reasonCode());
        assertEquals(FindingCode.READ_LIMIT.variant("memory"), vantaa.reason());
        assertEquals(2, reader.reads.get("vantaa.xlsx").get(), "retried once, not forever");
    }
}
