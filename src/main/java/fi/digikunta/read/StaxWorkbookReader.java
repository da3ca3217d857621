package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.read.PackageParts.Rel;
import fi.digikunta.read.PackageParts.SheetRef;
import fi.digikunta.read.PackageParts.WorkbookPart;
import fi.digikunta.read.XmlIn.Budget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;

/**
 * The workbook reader: a streaming .xlsx reader on java.util.zip and the JDK's StAX parser, with
 * POI's HSSF only for old binary .xls files. Before parsing it tells apart empty, oversized, OLE2
 * (encrypted or .xls), OpenDocument, non-zip and damaged files. It reads cell values as stored
 * (shared and inline strings with rich-text runs, numbers, booleans, errors, ISO dates, cached
 * formula results), the percent and date flags of each cell's number format, merged ranges and
 * hidden sheets; it never evaluates a formula, runs a macro, resolves an entity, or writes the file.
 *
 * <p>In a workbook using the 1904 date system, date-formatted numbers are shifted by 1462 days so
 * that every {@link RawCell#number()} of a date is a 1900-system serial. Every problem, including
 * any unexpected exception or stack overflow from a hostile file, comes back as
 * {@link ReadOutcome.Unreadable} with a one-line reason. Limits: {@link ReadLimits}.
 */
public final class StaxWorkbookReader implements WorkbookReader {
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};

    private final ReadLimits limits;
    /** One factory per thread, so that each can reuse its parser from part to part and file to file. */
    private final ThreadLocal<XMLInputFactory> factories = ThreadLocal.withInitial(XmlIn::factory);

    public StaxWorkbookReader() {
        this(ReadLimits.DEFAULT);
    }

    public StaxWorkbookReader(ReadLimits limits) {
        this.limits = limits;
    }

    public ReadLimits limits() {
        return limits;
    }

    @Override
    public Duration timeLimit() {
        return limits.timeLimit();
    }

    @Override
    public ReadOutcome read(Path file) {
        return read(file, Deadline.after(limits.timeLimit()));
    }

    @Override
    public ReadOutcome read(Path file, Deadline deadline) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size == 0) {
                return new ReadException(FindingCode.FILE_EMPTY, null).toOutcome();
            }
            if (size > limits.maxFileBytes()) {
                return tooLarge(size).toOutcome();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new ReadException(FindingCode.FILE_UNREADABLE, "missing", file.getFileName()).toOutcome();
        } catch (IOException | OutOfMemoryError | SecurityException e) {
            return new ReadException(FindingCode.FILE_UNREADABLE, null, e.getClass().getSimpleName()).toOutcome();
        }
        return read(bytes, file.getFileName().toString(), deadline);
    }

    /** Reads a workbook held in memory; {@code name} is only for messages. The array is not modified. */
    public ReadOutcome read(byte[] bytes, String name) {
        return read(bytes, name, Deadline.after(limits.timeLimit()));
    }

    /** As above, within the given deadline (which validating the file may share). */
    public ReadOutcome read(byte[] bytes, String name, Deadline deadline) {
        try {
            return new ReadOutcome.Readable(readOrThrow(bytes, deadline));
        } catch (ReadException e) {
            return e.toOutcome();
        } catch (OutOfMemoryError e) {
            return new ReadException(FindingCode.READ_LIMIT, ReadOutcome.MEMORY).toOutcome();
        } catch (StackOverflowError | RuntimeException e) {
            // POI's guidance for hostile files: expect any exception; the file, not the run, fails.
            return new ReadException(FindingCode.CORRUPT_WORKBOOK, "unexpected", e.getClass().getSimpleName())
                    .toOutcome();
        }
    }

    private ReadException tooLarge(long size) {
        return new ReadException(FindingCode.FILE_TOO_LARGE, null, (size + 1024 * 1024 - 1) / (1024 * 1024),
                limits.maxFileBytes() / (1024 * 1024));
    }

    /** The read without the last-resort catch: package-private so that fuzzing sees every unexpected exception. */
    RawWorkbook readOrThrow(byte[] b) throws ReadException {
        return readOrThrow(b, Deadline.after(limits.timeLimit()));
    }

    private RawWorkbook readOrThrow(byte[] b, Deadline deadline) throws ReadException {
        if (b.length == 0) {
            throw new ReadException(FindingCode.FILE_EMPTY, null);
        }
        if (b.length > limits.maxFileBytes()) {
            throw tooLarge(b.length);
        }
        Budget budget = new Budget(limits, deadline);
        if (startsWith(b, OLE2)) {
            return Ole2Reader.read(b, budget);
        }
        if (!ZipArchive.looksLikeZip(b)) {
            String kind = sniff(b);
            // Binary of no known kind: the plain message, not "... but ?".
            throw kind == null ? new ReadException(FindingCode.NOT_A_WORKBOOK, null)
                    : new ReadException(FindingCode.NOT_A_WORKBOOK, "kind", kind);
        }
        try (ZipArchive zip = ZipArchive.open(b, limits)) {
            return readZip(zip, budget);
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A language-neutral name for what a non-zip file seems to be, for the rejection message; null when unknown. */
    static String sniff(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("%pdf")) {
            return "PDF";
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html")) {
            return "HTML";
        }
        if (head.startsWith("<?xml") || head.startsWith("<")) {
            return "XML";
        }
        if (head.startsWith("{\\rtf")) {
            return "RTF";
        }
        int printable = 0;
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 9 || c == 10 || c == 13 || c >= 32) {
                printable++;
            }
        }
        return printable == n ? "CSV/text" : null;
    }

    private RawWorkbook readZip(ZipArchive zip, Budget budget) throws ReadException {
        if (zip.has("mimetype")) {
            String mime;
            try {
                mime = new String(zip.readAll("mimetype", 100), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new ReadException(FindingCode.CORRUPT_ZIP, null);
            }
            if (mime.startsWith("application/vnd.oasis.opendocument")) {
                throw new ReadException(FindingCode.ODS_FORMAT, null);
            }
        }
        XMLInputFactory f = factories.get();
        String workbookPart = PackageParts.officeDocument(f, zip, budget);
        if (workbookPart == null || !zip.has(workbookPart)) {
            throw new ReadException(FindingCode.NOT_A_WORKBOOK, "kind", zipKind(zip, workbookPart));
        }
        if (workbookPart.toLowerCase(Locale.ROOT).endsWith(".bin")) {
            throw new ReadException(FindingCode.NOT_A_WORKBOOK, "kind", "xlsb");
        }
        WorkbookPart wb = PackageParts.parseWorkbook(f, zip, workbookPart, budget);
        String folder = PackageParts.folderOf(workbookPart);
        Map<String, Rel> rels = PackageParts.parseRels(f, zip, PackageParts.relsOf(workbookPart), folder, budget);
        String stylesPart = PackageParts.partOfType(rels, "/styles", folder + "styles.xml", zip);
        String sstPart = PackageParts.partOfType(rels, "/sharedStrings", folder + "sharedStrings.xml", zip);
        Styles styles = stylesPart == null ? Styles.NONE : Styles.parse(f, zip, stylesPart, budget);
        List<String> sst = sstPart == null ? List.of() : SharedStrings.parse(f, zip, sstPart, budget);
        CellDecoder decoder = new CellDecoder(sst, styles, wb.date1904(), limits.maxCellChars());
        List<RawSheet> sheets = new ArrayList<>();
        for (SheetRef s : wb.sheets()) {
            Rel rel = rels.get(s.relId());
            if (rel == null || !zip.has(rel.target())) {
                throw new ReadException(FindingCode.CORRUPT_WORKBOOK, "sheet", s.name());
            }
            if (rel.type().endsWith("/worksheet")) {
                sheets.add(SheetParser.parse(f, zip, rel.target(), s, decoder, budget));
            } else {
                // Chart, dialog and macro sheets have no cells; kept so that their names are known.
                sheets.add(new RawSheet(s.name(), s.hidden(), List.of(), List.of()));
            }
        }
        return new RawWorkbook(sheets, List.of());
    }

    private static String zipKind(ZipArchive zip, String workbookPart) {
        if (workbookPart != null && workbookPart.toLowerCase(Locale.ROOT).endsWith(".bin") || zip.has("xl/workbook.bin")) {
            return "xlsb";
        }
        if (zip.has("word/document.xml")) {
            return "docx";
        }
        if (zip.has("ppt/presentation.xml")) {
            return "pptx";
        }
        return "zip";
    }
}
