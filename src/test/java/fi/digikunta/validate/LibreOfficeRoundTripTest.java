package fi.digikunta.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.model.Outcome;
import fi.digikunta.read.ReadOutcome;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.testing.Processes;
import fi.digikunta.testing.Soffice;
import fi.digikunta.testing.TestReturn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A return written by POI, re-saved by LibreOffice (a second real writer), reads to the identical
 * typed return. Skipped where soffice is not installed; CI installs it.
 */
class LibreOfficeRoundTripTest {
    static final Validator VALIDATOR = new Validator(SchemaRegistry.load(), MunicipalityList.builtIn());
    static final StaxWorkbookReader READER = new StaxWorkbookReader();

    @TempDir
    static Path dir;
    static Path original;

    @BeforeAll
    static void writeOriginal() throws Exception {
        TestReturn t = TestReturn.valid();
        t.set("ASU", "ASU-01", "volume", new TestReturn.Formula("1000+200", 1200.0));
        original = dir.resolve("helsinki.xlsx");
        Files.write(original, t.toXlsx());
    }

    /** Converts with a profile of its own, so that runs never share or lock a user installation. */
    static Path convert(String format) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-" + format));
        Path profile = dir.resolve("profile-" + format + "-" + System.nanoTime());
        Soffice.Run run = Soffice.run(profile, dir.resolve(format + ".log"), Duration.ofSeconds(240),
                List.of("--nologo", "--convert-to", format, "--outdir", out.toString(), original.toString()));
        if (!run.finished()) {
            throw new AssertionError("soffice did not finish in 240 s");
        }
        Path converted = out.resolve("helsinki." + format);
        assertTrue(Files.isRegularFile(converted), () -> "soffice wrote nothing: " + Processes.read(dir.resolve(format + ".log")));
        return converted;
    }

    static Validated validate(Path p) {
        Validated v = VALIDATOR.validate(READER.read(p));
        assertEquals(Outcome.ACCEPTED, v.outcome(), () -> v.findings().toString());
        return v;
    }

    @Test
    void reSavedAsXlsxByLibreOfficeReadsIdentically() throws Exception {
        Path lo = convert("xlsx");
        assertEquals(validate(original).ret(), validate(lo).ret());
    }

    @Test
    void savedAsXlsByLibreOfficeReadsIdentically() throws Exception {
        Path lo = convert("xls");
        assertEquals(validate(original).ret(), validate(lo).ret());
    }

    @Test
    void savedAsOdsByLibreOfficeIsRejectedWithSaveAsXlsx() throws Exception {
        Path lo = convert("ods");
        ReadOutcome o = READER.read(lo);
        Validated v = VALIDATOR.validate(o);
        assertEquals(Outcome.REJECTED, v.outcome());
        assertEquals(List.of("ods-format"), v.findings().stream().map(f -> f.id()).toList());
        assertTrue(v.reason().fi().contains(".xlsx"));
    }
}
