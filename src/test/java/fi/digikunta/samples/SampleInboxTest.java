package fi.digikunta.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.template.StableZip;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample inbox is exactly what the generator writes (so nobody edits it by hand),
 * and samples/README.md lists every file with the table the generator produces.
 */
class SampleInboxTest {
    static final Path INBOX = Path.of("samples", "inbox");
    static final Path README = Path.of("samples", "README.md");

    /**
     * SHA-256 of {@link #probe()} deflated by this JVM's zlib where the committed samples were made.
     * Another zlib (e.g. zlib-ng) may compress the same content to other bytes; there the files are
     * compared entry by entry instead.
     */
    static final String REFERENCE_DEFLATE = "f8f14e64e89fa03967c1d02e28aa85e017ffb692dd9466e09b45ba1ad317b6cd";

    @TempDir
    Path tmp;

    @Test
    void regeneratingGivesTheCommittedFilesByteForByte() throws Exception {
        SampleSet set = new SampleSet(new SampleGenerator(SchemaRegistry.load().version("1").orElseThrow()), MunicipalityList.builtIn(),
                SampleSet.DEFAULT_SEED);
        set.write(tmp);
        assertEquals(names(INBOX), names(tmp), "the committed inbox holds exactly the generated files");
        boolean sameZlib = deflateFingerprint().equals(REFERENCE_DEFLATE);
        List<String> differ = new ArrayList<>();
        for (String n : names(tmp)) {
            byte[] committed = Files.readAllBytes(INBOX.resolve(n));
            byte[] generated = Files.readAllBytes(tmp.resolve(n));
            if (sameZlib ? !java.util.Arrays.equals(committed, generated) : !sameContent(committed, generated)) {
                differ.add(n);
            }
        }
        assertEquals(List.of(), differ, "regenerate with: scripts/digikunta samples --out samples/inbox"
                + (sameZlib ? "" : " (compared by content: this JVM's zlib differs from the reference one)"));
    }

    @Test
    void generatingTwiceGivesIdenticalBytes() {
        SampleSet a = new SampleSet(new SampleGenerator(SchemaRegistry.load().version("1").orElseThrow()), MunicipalityList.builtIn(), 5);
        SampleSet b = new SampleSet(new SampleGenerator(SchemaRegistry.load().version("1").orElseThrow()), MunicipalityList.builtIn(), 5);
        for (String f : List.of("091-helsinki.xlsx", "broken-password.xlsx", "broken-ods.ods", "broken-xls.xls",
                "853-turku.xlsx")) {
            assertArrayEquals(bytes(a, f), bytes(b, f), f);
        }
    }

    @Test
    void anotherSeedGivesOtherAnswers() {
        SampleGenerator gen = new SampleGenerator(SchemaRegistry.load().version("1").orElseThrow());
        byte[] one = bytes(new SampleSet(gen, MunicipalityList.builtIn(), 1), "091-helsinki.xlsx");
        byte[] two = bytes(new SampleSet(gen, MunicipalityList.builtIn(), 2), "091-helsinki.xlsx");
        assertTrue(!java.util.Arrays.equals(one, two));
    }

    @Test
    void readmeTableIsTheGeneratorsAndListsEveryFile() throws IOException {
        SampleSet set = new SampleSet(new SampleGenerator(SchemaRegistry.load().version("1").orElseThrow()), MunicipalityList.builtIn(),
                SampleSet.DEFAULT_SEED);
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertTrue(readme.contains(set.readmeTable()), "samples/README.md must contain SampleSet.readmeTable():\n"
                + set.readmeTable());
        List<String> listed = new ArrayList<>();
        for (String line : readme.lines().toList()) {
            if (line.startsWith("| `")) {
                listed.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        assertEquals(names(INBOX), new ArrayList<>(new TreeSet<>(listed)));
        assertEquals(listed.size(), new TreeSet<>(listed).size(), "each file once");
    }

    static byte[] bytes(SampleSet set, String file) {
        return set.samples().stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow().bytes().get();
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** Fixed text with some variety, so that zlib versions that differ at all differ on it. */
    static byte[] probe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("rivi ").append(i).append(": ").append(i * i % 9973).append(i % 7 == 0 ? " Käytössä\n" : "\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String deflateFingerprint() throws Exception {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(probe());
        d.finish();
        byte[] buf = new byte[1 << 20];
        int n = d.deflate(buf);
        d.end();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(buf, n)));
    }

    /** Same zip entries with the same uncompressed bytes; encrypted packages are decrypted first. */
    static boolean sameContent(byte[] a, byte[] b) throws Exception {
        if (java.util.Arrays.equals(a, b)) {
            return true;
        }
        if (isZip(a) && isZip(b)) {
            Map<String, byte[]> ea = StableZip.entries(a);
            Map<String, byte[]> eb = StableZip.entries(b);
            if (!ea.keySet().equals(eb.keySet())) {
                return false;
            }
            for (String k : ea.keySet()) {
                if (!java.util.Arrays.equals(ea.get(k), eb.get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (a.length > 8 && b.length > 8 && a[0] == (byte) 0xD0 && b[0] == (byte) 0xD0) {
            return sameContent(decrypt(a), decrypt(b));
        }
        return false;
    }

    static boolean isZip(byte[] x) {
        return x.length > 4 && x[0] == 'P' && x[1] == 'K';
    }

    static byte[] decrypt(byte[] ole) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(ole))) {
            Decryptor d = new EncryptionInfo(fs).getDecryptor();
            if (!d.verifyPassword("salasana")) {
                fail("the password sample must open with 'salasana'");
            }
            try (InputStream in = d.getDataStream(fs)) {
                return in.readAllBytes();
            }
        }
    }
}
