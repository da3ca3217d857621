package fi.digikunta.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.Message;
import fi.digikunta.model.Outcome;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.testing.HandWrittenXlsx;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.validate.Validated;
import fi.digikunta.validate.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Fuzz targets for the reader and the reader with the validator. Under {@code mvn verify} they run
 * once per committed input in {@code src/test/resources/fi/digikunta/read/ReaderFuzzTestInputs/<method>/}
 * (regression mode); {@code scripts/fuzz DURATION} runs them in fuzzing mode (docs/fuzzing.md).
 *
 * <p>The property: reading any bytes gives a workbook or one known reason, never an exception (the
 * reader's last-resort catch is bypassed, so that a bug shows as a crash rather than as
 * corrupt-workbook), never the time limit for an input this small; validating gives exactly one
 * consistent result whose findings are all catalogue codes.
 */
class ReaderFuzzTest {
    /** Far above what any fuzz input (tens of KB) needs; reaching it is a slowness bug. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    private static final StaxWorkbookReader READER =
            new StaxWorkbookReader(ReadLimits.DEFAULT.withTimeLimit(TIME_LIMIT));
    private static final Validator VALIDATOR =
            new Validator(SchemaRegistry.load(), MunicipalityList.builtIn(), 50);
    private static final Schema SCHEMA = TestReturn.SCHEMA;
    /** A valid return as POI writes it (styles and shared strings included), part by part. */
    private static final List<Map.Entry<String, byte[]>> BASE_PARTS =
            List.copyOf(fi.digikunta.testing.ZipParts.read(TestReturn.valid().toXlsx()).entrySet());

    /** Any bytes, as a file of the inbox would be. */
    @FuzzTest(maxDuration = "5m")
    void read(byte[] data) {
        checkRead(data);
    }

    /**
     * Reader and validator on a workbook that is whole as a zip: either one part of a valid return
     * replaced by fuzzed bytes, or a valid return with fuzzed values in its identification and cells.
     */
    @FuzzTest(maxDuration = "5m")
    void readAndValidate(FuzzedDataProvider data) {
        byte[] file = data.consumeBoolean() ? partReplaced(data) : cellsChanged(data);
        ReadOutcome read = checkRead(file);
        Validated v = VALIDATOR.validate(read);
        checkValidated(v);
        if (read instanceof ReadOutcome.Unreadable u) {
            assertEquals(Outcome.REJECTED, v.outcome());
            assertEquals(u.code().code(), v.reasonCode());
        }
    }

    /** XML parts of a valid return, and snippets with CDATA, references and prefixes, for {@link #fastXmlAsStax}. */
    private static final List<byte[]> XML_BASES = xmlBases();

    /**
     * The fast tokenizer against StAX: one XML part (of a valid return, or a snippet with CDATA,
     * references and prefixes) with a fuzzed splice. Whenever {@link FastXml} takes the result,
     * StAX must read it without error and give the same events ({@link FastXmlTest#sameAsStax}).
     */
    @FuzzTest(maxDuration = "5m")
    void fastXmlAsStax(FuzzedDataProvider data) {
        byte[] base = XML_BASES.get(data.consumeInt(0, XML_BASES.size() - 1));
        int at = data.consumeInt(0, base.length);
        int cut = data.consumeInt(0, Math.min(16, base.length - at));
        byte[] insert = data.consumeRemainingAsBytes();
        byte[] xml = new byte[base.length - cut + insert.length];
        System.arraycopy(base, 0, xml, 0, at);
        System.arraycopy(insert, 0, xml, at, insert.length);
        System.arraycopy(base, at + cut, xml, at + insert.length, base.length - at - cut);
        FastXmlTest.sameAsStax(xml, "fuzzed part");
    }

    private static List<byte[]> xmlBases() {
        List<byte[]> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : BASE_PARTS) {
            if (e.getKey().endsWith(".xml") || e.getKey().endsWith(".rels")) {
                out.add(e.getValue());
            }
        }
        out.add(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x:w xmlns:x=\"urn:x\" xmlns=\"urn:d\"><c r=\"A1\" x:t=\"s\">"
                + "<f><![CDATA[IF(A1<1,\"&amp;\",\"]]]]><![CDATA[>\")]]></f><v>1 &lt; 2 &#x1F600; Åbo</v></c></x:w>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return List.copyOf(out);
    }

    private static ReadOutcome checkRead(byte[] data) {
        byte[] copy = data.clone();
        ReadOutcome outcome;
        try {
            outcome = new ReadOutcome.Readable(READER.readOrThrow(data));
        } catch (ReadException e) {
            if (e.code == FindingCode.READ_LIMIT && "time".equals(e.variant)) {
                fail("a " + data.length + "-byte input reached the " + TIME_LIMIT.toSeconds() + " s time limit");
            }
            if (e.code == FindingCode.READ_LIMIT && "memory".equals(e.variant)) {
                fail("a " + data.length + "-byte input ran out of memory");
            }
            outcome = e.toOutcome();
        }
        assertTrue(java.util.Arrays.equals(copy, data), "the reader changed its input");
        if (outcome instanceof ReadOutcome.Unreadable u) {
            assertTrue(u.code().rejects() && u.code().family() == FindingCode.Family.FILE, u.code().code());
            checkMessage(u.reason());
        } else {
            RawWorkbook wb = ((ReadOutcome.Readable) outcome).workbook();
            for (RawSheet s : wb.sheets()) {
                assertNotNull(s.name());
                for (RawCell c : s.cells()) {
                    assertTrue(c.row() >= 0 && c.row() < ReadLimits.MAX_ROWS, "row " + c.row());
                    assertTrue(c.col() >= 0 && c.col() < ReadLimits.MAX_COLUMNS, "column " + c.col());
                    assertNotNull(c.kind());
                    assertNotNull(c.text());
                    assertTrue(c.text().length() <= ReadLimits.MAX_CELL_CHARS);
                }
            }
        }
        return outcome;
    }

    private static void checkValidated(Validated v) {
        assertNotNull(v);
        assertNotNull(v.outcome());
        assertTrue(v.outcome() == Outcome.ACCEPTED || v.outcome() == Outcome.ACCEPTED_WITH_WARNINGS
                || v.outcome() == Outcome.REJECTED, v.outcome().id());
        if (v.outcome() == Outcome.REJECTED) {
            assertNotNull(v.reasonCode());
            assertTrue(FindingCode.of(v.reasonCode()).orElseThrow().rejects(), v.reasonCode());
            checkMessage(v.reason());
            assertNull(v.ret());
        } else {
            assertNull(v.reasonCode());
            assertNotNull(v.ret());
            assertNotNull(v.municipalityCode());
        }
        assertEquals(v.outcome() == Outcome.ACCEPTED, v.findings().isEmpty());
        for (Finding f : v.findings()) {
            assertTrue(FindingCode.of(f.id()).isPresent(), f.id());
            assertNotNull(f.severity());
            checkMessage(f.message());
        }
    }

    private static void checkMessage(Message m) {
        assertNotNull(m);
        for (String s : List.of(m.fi(), m.sv(), m.en())) {
            assertNotNull(s);
            assertFalse(s.isBlank());
        }
    }

    /** A valid return with one part replaced by the rest of the input; stored, so that it is the exact bytes. */
    private static byte[] partReplaced(FuzzedDataProvider data) {
        int index = data.consumeInt(0, BASE_PARTS.size() - 1);
        byte[] content = data.consumeRemainingAsBytes();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 0; i < BASE_PARTS.size(); i++) {
            Map.Entry<String, byte[]> e = BASE_PARTS.get(i);
            parts.put(e.getKey(), i == index ? content : e.getValue());
        }
        return stored(parts);
    }

    /** A valid return with up to 16 identification values or cells set to fuzzed values. */
    private static byte[] cellsChanged(FuzzedDataProvider data) {
        TestReturn t = TestReturn.valid("091", "Helsinki", LocalDate.of(2025, 3, 14));
        List<String> idKeys = new ArrayList<>(t.id.keySet());
        List<String> areas = new ArrayList<>(t.areas.keySet());
        int changes = data.consumeInt(0, 16);
        for (int i = 0; i < changes && data.remainingBytes() > 0; i++) {
            if (data.consumeInt(0, 3) == 0) {
                String key = idKeys.get(data.consumeInt(0, idKeys.size() - 1));
                Object v = value(data);
                if (v == null) {
                    t.id.remove(key);
                } else {
                    t.id.put(key, v);
                }
                continue;
            }
            TestReturn.Area a = t.areas.get(areas.get(data.consumeInt(0, areas.size() - 1)));
            Map<String, Object> row = a.rows.get(data.consumeInt(0, a.rows.size() - 1));
            String key = SCHEMA.columns().get(data.consumeInt(0, SCHEMA.columns().size() - 1)).key();
            Object v = value(data);
            if (v == null) {
                row.remove(key);
            } else {
                row.put(key, v);
            }
        }
        return HandWrittenXlsx.write(t);
    }

    private static Object value(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 5)) {
            case 0 -> null;
            case 1 -> data.consumeRegularDouble();
            case 2 -> data.consumeBoolean();
            case 3 -> new TestReturn.Pct(data.consumeRegularDouble());
            case 4 -> new TestReturn.Formula("A1",
                    data.consumeBoolean() ? null : HandWrittenXlsx.esc(data.consumeString(20)));
            default -> data.consumeString(200);
        };
    }

    static byte[] stored(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                ZipEntry e = new ZipEntry(p.getKey());
                e.setMethod(ZipEntry.STORED);
                e.setSize(p.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(p.getValue());
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(p.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
