package fi.digikunta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.read.Deadline;
import fi.digikunta.read.ReadLimits;
import fi.digikunta.read.ReadOutcome;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.read.WorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.testing.SlowReturns;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.validate.Validated;
import fi.digikunta.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {
    static final SchemaRegistry REGISTRY = SchemaRegistry.load();
    static final MunicipalityList LIST = MunicipalityList.builtIn();
    static final Instant T0 = Instant.parse("2025-04-01T08:00:00Z");

    @TempDir
    Path dir;

    InboxEntry file(String name, byte[] bytes, Instant modified) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return new InboxEntry(p, name, bytes.length, modified, false);
    }

    static byte[] ret(String code, String name, LocalDate date) {
        return TestReturn.valid(code, name, date).toXlsx();
    }

    static Map<String, FileResult> byName(List<FileResult> results) {
        return results.stream().collect(Collectors.toMap(FileResult::file, f -> f));
    }

    List<FileResult> run(List<InboxEntry> entries, WorkbookReader reader) {
        return Validation.validateAll(entries, REGISTRY, LIST, reader, 2);
    }

    @Test
    void everyFileOneOutcomeSortedByNameAndNewestFillDateWins() throws IOException {
        List<InboxEntry> in = new ArrayList<>();
        in.add(file("helsinki-maaliskuu.xlsx", ret("091", "Helsinki", LocalDate.of(2025, 3, 14)), T0.plusSeconds(60)));
        in.add(file("helsinki-huhtikuu.xlsx", ret("091", "Helsinki", LocalDate.of(2025, 4, 2)), T0));
        in.add(file("espoo.xlsx", ret("049", "Espoo", LocalDate.of(2025, 3, 1)), T0));
        in.add(file("rikki.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2}, T0));
        in.add(new InboxEntry(dir.resolve("kesken.xlsx"), "kesken.xlsx", 10, T0, true));
        List<FileResult> out = run(in, new StaxWorkbookReader());
        assertEquals(List.of("espoo.xlsx", "helsinki-huhtikuu.xlsx", "helsinki-maaliskuu.xlsx", "kesken.xlsx",
                "rikki.xlsx"), out.stream().map(FileResult::file).toList());
        Map<String, FileResult> m = byName(out);
        assertEquals(Outcome.ACCEPTED, m.get("espoo.xlsx").outcome());
        assertEquals("049", m.get("espoo.xlsx").municipalityCode());
        assertEquals(Outcome.ACCEPTED, m.get("helsinki-huhtikuu.xlsx").outcome());
        FileResult old = m.get("helsinki-maaliskuu.xlsx");
        assertEquals(Outcome.SUPERSEDED, old.outcome(), "an older fill date loses even with a newer file time");
        assertEquals("superseded", old.reasonCode());
        assertTrue(old.reason().fi().contains("helsinki-huhtikuu.xlsx"), old.reason().fi());
        assertTrue(old.reason().sv().contains("091 Helsingfors"), old.reason().sv());
        assertEquals(Outcome.PENDING, m.get("kesken.xlsx").outcome());
        assertNull(m.get("kesken.xlsx").reason());
        assertEquals(Outcome.REJECTED, m.get("rikki.xlsx").outcome());
        assertEquals("corrupt-zip", m.get("rikki.xlsx").reasonCode());
    }

    @Test
    void onlyEachMunicipalitysWinnerKeepsItsReturnWhateverTheOrderFilesAreReadIn() throws IOException {
        List<InboxEntry> in = new ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            in.add(file("helsinki-" + (100 + day) + ".xlsx", ret("091", "Helsinki", LocalDate.of(2025, 3, day)), T0));
        }
        in.add(file("espoo.xlsx", ret("049", "Espoo", LocalDate.of(2025, 3, 1)), T0));
        for (List<InboxEntry> order : List.of(in, reversed(in))) {
            Map<String, FileResult> m = byName(run(order, new StaxWorkbookReader()));
            assertEquals(Outcome.ACCEPTED, m.get("helsinki-112.xlsx").outcome());
            assertEquals(LocalDate.of(2025, 3, 12), m.get("helsinki-112.xlsx").ret().identification().fillDate());
            assertEquals(Outcome.ACCEPTED, m.get("espoo.xlsx").outcome());
            assertTrue(m.get("espoo.xlsx").ret() != null);
            for (int day = 1; day < 12; day++) {
                FileResult old = m.get("helsinki-" + (100 + day) + ".xlsx");
                assertEquals(Outcome.SUPERSEDED, old.outcome());
                assertTrue(old.reason().fi().contains("helsinki-112.xlsx"), old.reason().fi());
                assertNull(old.ret(), "a superseded return is not kept");
            }
        }
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }

    @Test
    void onTheSameFillDateTheNewerFileWinsThenTheLastName() throws IOException {
        byte[] b = ret("091", "Helsinki", LocalDate.of(2025, 3, 14));
        Map<String, FileResult> m = byName(run(List.of(file("a.xlsx", b, T0.plusSeconds(5)), file("b.xlsx", b, T0)),
                new StaxWorkbookReader()));
        assertEquals(Outcome.ACCEPTED, m.get("a.xlsx").outcome());
        assertEquals(Outcome.SUPERSEDED, m.get("b.xlsx").outcome());
        m = byName(run(List.of(file("a.xlsx", b, T0), file("b.xlsx", b, T0)), new StaxWorkbookReader()));
        assertEquals(Outcome.SUPERSEDED, m.get("a.xlsx").outcome());
        assertEquals(Outcome.ACCEPTED, m.get("b.xlsx").outcome());
    }

    @Test
    void aRejectedReturnNeverSupersedesAnAcceptedOne() throws IOException {
        TestReturn broken = TestReturn.valid("091", "Helsinki", LocalDate.of(2025, 5, 1));
        broken.area("TER").present = false;
        Map<String, FileResult> m = byName(run(List.of(
                file("uusi-rikki.xlsx", broken.toXlsx(), T0), file("vanha.xlsx", ret("091", "Helsinki",
                        LocalDate.of(2025, 3, 1)), T0)), new StaxWorkbookReader()));
        assertEquals(Outcome.REJECTED, m.get("uusi-rikki.xlsx").outcome());
        assertEquals("091", m.get("uusi-rikki.xlsx").municipalityCode(), "known even when rejected");
        assertEquals(Outcome.ACCEPTED, m.get("vanha.xlsx").outcome());
    }

    @Test
    void aReaderThatBreaksOnOneFileTakesOnlyThatFile() throws IOException {
        StaxWorkbookReader real = new StaxWorkbookReader();
        WorkbookReader hostile = p -> {
            if (p.getFileName().toString().startsWith("boom")) {
                throw new IllegalStateException("boom");
            }
            if (p.getFileName().toString().startsWith("deep")) {
                throw new StackOverflowError();
            }
            return real.read(p);
        };
        List<InboxEntry> in = new ArrayList<>();
        in.add(file("boom.xlsx", ret("091", "Helsinki", LocalDate.of(2025, 3, 14)), T0));
        in.add(file("deep.xlsx", ret("091", "Helsinki", LocalDate.of(2025, 3, 14)), T0));
        for (int i = 0; i < 6; i++) {
            in.add(file("ok" + i + ".xlsx", ret(List.of("005", "009", "010", "016", "018", "019").get(i),
                    List.of("Alajärvi", "Alavieska", "Alavus", "Asikkala", "Askola", "Aura").get(i),
                    LocalDate.of(2025, 3, 1)), T0));
        }
        Map<String, FileResult> m = byName(run(in, hostile));
        assertEquals(8, m.size());
        assertEquals("internal-error", m.get("boom.xlsx").reasonCode());
        assertEquals("internal-error", m.get("deep.xlsx").reasonCode());
        for (int i = 0; i < 6; i++) {
            assertEquals(Outcome.ACCEPTED, m.get("ok" + i + ".xlsx").outcome());
        }
    }

    @Test
    void anUnreadableOutcomeIsRejectedWithItsCode() throws IOException {
        WorkbookReader r = p -> new ReadOutcome.Unreadable(fi.digikunta.findings.FindingCode.ENCRYPTED,
                fi.digikunta.findings.FindingCode.ENCRYPTED.message());
        FileResult f = run(List.of(file("x.xlsx", new byte[] {1}, T0)), r).get(0);
        assertEquals(Outcome.REJECTED, f.outcome());
        assertEquals("encrypted", f.reasonCode());
        assertEquals(1, f.findings().size());
    }

    @Test
    void theTimeLimitCoversValidatingAFileNotOnlyReadingIt() throws IOException {
        byte[] slow = SlowReturns.slowInValidation(ret("837", "Tampere", LocalDate.of(2025, 3, 1)));
        ReadOutcome read = new StaxWorkbookReader().read(slow, "t.xlsx");
        assertTrue(read instanceof ReadOutcome.Readable, () -> read instanceof ReadOutcome.Unreadable u ? u.reason().en() : "");
        // Validating it takes minutes; with a deadline of one second it is stopped.
        Validator validator = new Validator(REGISTRY, LIST);
        long start = System.nanoTime();
        Validated v = validator.validate(read, null, Deadline.after(Duration.ofSeconds(1)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Outcome.REJECTED, v.outcome());
        assertEquals("read-limit", v.reasonCode());
        assertEquals("Reading and checking the file took more than 1 seconds and was stopped.", v.reason().en());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "stopped soon after the deadline: " + took);
        // In the pipeline, the same file beside a valid one: one deadline for reading and validating.
        List<InboxEntry> entries = List.of(file("837-tampere.xlsx", slow, T0),
                file("091-helsinki.xlsx", ret("091", "Helsinki", LocalDate.of(2025, 3, 1)), T0));
        Map<String, FileResult> r = byName(run(entries,
                new StaxWorkbookReader(ReadLimits.DEFAULT.withTimeLimit(Duration.ofSeconds(2)))));
        assertEquals("read-limit", r.get("837-tampere.xlsx").reasonCode());
        assertEquals(Outcome.ACCEPTED, r.get("091-helsinki.xlsx").outcome());
    }

    /** Rejections of the run (time, memory, the program) are told from the file's own, for the archive. */
    @Test
    void aRejectionForTimeMemoryOrAnInternalErrorIsTheRunsNotTheFiles() {
        fi.digikunta.findings.FindingCode limit = fi.digikunta.findings.FindingCode.READ_LIMIT;
        java.util.function.BiFunction<String, fi.digikunta.findings.Message, FileResult> rejected = (code, m) ->
                new FileResult("x.xlsx", Outcome.REJECTED, null, m, List.of(), false, null, T0, code);
        long seconds = Deadline.after(Validation.reader().timeLimit()).seconds();
        assertTrue(Validation.notTheFiles(rejected.apply("read-limit", limit.variant("time", seconds))));
        assertTrue(Validation.notTheFiles(rejected.apply("read-limit", limit.variant(ReadOutcome.MEMORY))));
        assertTrue(Validation.notTheFiles(rejected.apply("internal-error",
                fi.digikunta.findings.FindingCode.INTERNAL_ERROR.message("IllegalStateException"))));
        // A limit of the file's own size is the file's: moved to rejected/ as before.
        assertEquals(false, Validation.notTheFiles(rejected.apply("read-limit", limit.variant("rows", "Sheet1", 100))));
        assertEquals(false, Validation.notTheFiles(rejected.apply("corrupt-zip",
                fi.digikunta.findings.FindingCode.CORRUPT_ZIP.message())));
        assertEquals(false, Validation.notTheFiles(new FileResult("x.xlsx", Outcome.ACCEPTED, "091", null, List.of(),
                false, null, T0, null)));
    }
}
