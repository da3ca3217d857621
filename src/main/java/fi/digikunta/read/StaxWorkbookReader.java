package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.read.RawCell.Kind;
import fi.digikunta.read.RawSheet.MergedRange;
import fi.digikunta.read.XmlIn.Budget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;

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
    private static final int DAYS_1904 = 1462;

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
    public ReadOutcome read(Path file) {
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
        return read(bytes, file.getFileName().toString());
    }

    /** Reads a workbook held in memory; {@code name} is only for messages. The array is not modified. */
    public ReadOutcome read(byte[] bytes, String name) {
        try {
            return new ReadOutcome.Readable(readOrThrow(bytes));
        } catch (ReadException e) {
            return e.toOutcome();
        } catch (OutOfMemoryError e) {
            return new ReadException(FindingCode.READ_LIMIT, "memory").toOutcome();
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
        if (b.length == 0) {
            throw new ReadException(FindingCode.FILE_EMPTY, null);
        }
        if (b.length > limits.maxFileBytes()) {
            throw tooLarge(b.length);
        }
        Budget budget = new Budget(limits);
        if (startsWith(b, OLE2)) {
            return Ole2Reader.read(b, budget);
        }
        if (!ZipArchive.looksLikeZip(b)) {
            throw new ReadException(FindingCode.NOT_A_WORKBOOK, "kind", sniff(b));
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

    /** A language-neutral name for what a non-zip file seems to be, for the rejection message. */
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
        return printable == n ? "CSV/text" : "?";
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
        String workbookPart = officeDocument(f, zip, budget);
        if (workbookPart == null || !zip.has(workbookPart)) {
            throw new ReadException(FindingCode.NOT_A_WORKBOOK, "kind", zipKind(zip, workbookPart));
        }
        if (workbookPart.toLowerCase(Locale.ROOT).endsWith(".bin")) {
            throw new ReadException(FindingCode.NOT_A_WORKBOOK, "kind", "xlsb");
        }
        WorkbookPart wb = parseWorkbook(f, zip, workbookPart, budget);
        Map<String, Rel> rels = parseRels(f, zip, relsOf(workbookPart), folderOf(workbookPart), budget);
        String stylesPart = partOfType(rels, "/styles", folderOf(workbookPart) + "styles.xml", zip);
        String sstPart = partOfType(rels, "/sharedStrings", folderOf(workbookPart) + "sharedStrings.xml", zip);
        Styles styles = stylesPart == null ? Styles.NONE : parseStyles(f, zip, stylesPart, budget);
        List<String> sst = sstPart == null ? List.of() : parseSharedStrings(f, zip, sstPart, budget);
        List<RawSheet> sheets = new ArrayList<>();
        for (SheetRef s : wb.sheets()) {
            Rel rel = rels.get(s.relId());
            if (rel == null || !zip.has(rel.target())) {
                throw new ReadException(FindingCode.CORRUPT_WORKBOOK, "sheet", s.name());
            }
            if (rel.type().endsWith("/worksheet")) {
                sheets.add(parseSheet(f, zip, rel.target(), s, sst, styles, wb.date1904(), budget));
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

    record Rel(String type, String target) {
    }

    record SheetRef(String name, String relId, boolean hidden) {
    }

    record WorkbookPart(List<SheetRef> sheets, boolean date1904) {
    }

    /** Styles: per cellXfs index, whether its number format is a percent or a date. */
    record Styles(boolean[] percent, boolean[] date) {
        static final Styles NONE = new Styles(new boolean[0], new boolean[0]);

        boolean percent(int xf) {
            return xf >= 0 && xf < percent.length && percent[xf];
        }

        boolean date(int xf) {
            return xf >= 0 && xf < date.length && date[xf];
        }
    }

    /** The workbook part named by the package relationships; xl/workbook.xml when they do not say. */
    private static String officeDocument(XMLInputFactory f, ZipArchive zip, Budget budget) throws ReadException {
        if (zip.has("_rels/.rels")) {
            Map<String, Rel> rels = parseRels(f, zip, "_rels/.rels", "", budget);
            for (Rel r : rels.values()) {
                if (r.type().endsWith("/officeDocument")) {
                    return r.target();
                }
            }
        }
        return zip.has("xl/workbook.xml") ? "xl/workbook.xml" : null;
    }

    static String folderOf(String part) {
        int slash = part.lastIndexOf('/');
        return slash < 0 ? "" : part.substring(0, slash + 1);
    }

    static String relsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /** Resolves a relationship target against the folder of its source part, removing "." and "..". */
    static String resolve(String folder, String target) {
        String t = target.replace('\\', '/');
        int hash = t.indexOf('#');
        if (hash >= 0) {
            t = t.substring(0, hash);
        }
        String path = t.startsWith("/") ? t.substring(1) : folder + t;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    private static String partOfType(Map<String, Rel> rels, String typeSuffix, String fallback, ZipArchive zip) {
        for (Rel r : rels.values()) {
            if (r.type().endsWith(typeSuffix) && zip.has(r.target())) {
                return r.target();
            }
        }
        return zip.has(fallback) ? fallback : null;
    }

    private static Map<String, Rel> parseRels(XMLInputFactory f, ZipArchive zip, String part, String folder,
            Budget budget) throws ReadException {
        Map<String, Rel> m = new HashMap<>();
        if (!zip.has(part)) {
            return m;
        }
        try (XmlIn x = XmlIn.open(f, zip, part, budget)) {
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.local().equals("Relationship")) {
                    String id = x.attr("Id");
                    String type = x.attr("Type");
                    String target = x.attr("Target");
                    if (id != null && type != null && target != null && !"External".equals(x.attr("TargetMode"))) {
                        m.putIfAbsent(id, new Rel(type, resolve(folder, target)));
                        if (m.size() > budget.limits.maxEntries()) {
                            throw new ReadException(FindingCode.READ_LIMIT, "relationships", part,
                                    budget.limits.maxEntries());
                        }
                    }
                }
            }
        }
        return m;
    }

    private static WorkbookPart parseWorkbook(XMLInputFactory f, ZipArchive zip, String part, Budget budget)
            throws ReadException {
        List<SheetRef> sheets = new ArrayList<>();
        boolean date1904 = false;
        try (XmlIn x = XmlIn.open(f, zip, part, budget)) {
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (x.local()) {
                    case "workbookPr" -> date1904 = isTrue(x.attr("date1904"));
                    case "sheet" -> {
                        String state = x.attr("state");
                        String name = x.attr("name");
                        String id = x.attr("id");
                        if (name == null || id == null) {
                            throw new ReadException(FindingCode.CORRUPT_WORKBOOK, null, part);
                        }
                        sheets.add(new SheetRef(name, id, "hidden".equals(state) || "veryHidden".equals(state)));
                        if (sheets.size() > budget.limits.maxSheets()) {
                            throw new ReadException(FindingCode.READ_LIMIT, "sheets", budget.limits.maxSheets());
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return new WorkbookPart(sheets, date1904);
    }

    private static boolean isTrue(String v) {
        return "1".equals(v) || "true".equalsIgnoreCase(v) || "on".equalsIgnoreCase(v);
    }

    private static Styles parseStyles(XMLInputFactory f, ZipArchive zip, String part, Budget budget)
            throws ReadException {
        Map<Integer, String> codes = new HashMap<>();
        List<Integer> xfs = new ArrayList<>();
        try (XmlIn x = XmlIn.open(f, zip, part, budget)) {
            int depth = 0;
            int numFmtsDepth = -1;
            int cellXfsDepth = -1;
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String n = x.local();
                    if (n.equals("numFmts")) {
                        numFmtsDepth = depth;
                    } else if (n.equals("cellXfs")) {
                        cellXfsDepth = depth;
                    } else if (n.equals("numFmt") && numFmtsDepth > 0 && depth == numFmtsDepth + 1) {
                        Integer id = parseIntOrNull(x.attr("numFmtId"));
                        String code = x.attr("formatCode");
                        if (id != null && code != null) {
                            codes.put(id, code);
                            if (codes.size() > ReadLimits.MAX_STYLES) {
                                throw new ReadException(FindingCode.READ_LIMIT, "styles", part);
                            }
                        }
                    } else if (n.equals("xf") && cellXfsDepth > 0 && depth == cellXfsDepth + 1) {
                        if (xfs.size() >= ReadLimits.MAX_STYLES) {
                            throw new ReadException(FindingCode.READ_LIMIT, "styles", part);
                        }
                        Integer id = parseIntOrNull(x.attr("numFmtId"));
                        xfs.add(id == null ? 0 : id);
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    if (depth == numFmtsDepth) {
                        numFmtsDepth = -1;
                    }
                    if (depth == cellXfsDepth) {
                        cellXfsDepth = -1;
                    }
                    depth--;
                }
            }
        }
        boolean[] percent = new boolean[xfs.size()];
        boolean[] date = new boolean[xfs.size()];
        for (int i = 0; i < xfs.size(); i++) {
            int id = xfs.get(i);
            String code = codes.get(id);
            percent[i] = NumberFormats.isPercent(id, code);
            date[i] = NumberFormats.isDate(id, code);
        }
        return new Styles(percent, date);
    }

    private static Integer parseIntOrNull(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private List<String> parseSharedStrings(XMLInputFactory f, ZipArchive zip, String part, Budget budget)
            throws ReadException {
        List<String> out = new ArrayList<>();
        try (XmlIn x = XmlIn.open(f, zip, part, budget)) {
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.local().equals("si")) {
                    String s = richText(x);
                    budget.sharedStringChars += s.length();
                    if (budget.sharedStringChars > limits.maxSharedStringChars()) {
                        throw new ReadException(FindingCode.READ_LIMIT, "strings", limits.maxSharedStringChars());
                    }
                    if (out.size() >= limits.maxSharedStrings()) {
                        throw new ReadException(FindingCode.READ_LIMIT, "stringCount", limits.maxSharedStrings());
                    }
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * The text of a string item (si or is) positioned at its start: its t element or the t elements
     * of its rich-text runs, leaving out phonetic runs (rPh).
     */
    private String richText(XmlIn x) throws ReadException {
        StringBuilder b = null;
        String single = null;
        int depth = 1;
        while (depth > 0) {
            int e = x.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                String n = x.local();
                if (n.equals("t")) {
                    String t = x.text(limits.maxCellChars());
                    if (single == null && b == null) {
                        single = t;
                    } else {
                        if (b == null) {
                            b = new StringBuilder(single);
                        }
                        b.append(t);
                        if (b.length() > limits.maxCellChars()) {
                            throw new ReadException(FindingCode.READ_LIMIT, "text", x.part(), limits.maxCellChars());
                        }
                    }
                } else if (n.equals("rPh") || n.equals("phoneticPr")) {
                    x.skip();
                } else {
                    depth++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new ReadException(FindingCode.CORRUPT_WORKBOOK, null, x.part());
            }
        }
        return unescape(b != null ? b.toString() : single == null ? "" : single);
    }

    /** Decodes OOXML's _xHHHH_ escapes (used for control characters such as _x000D_). */
    static String unescape(String s) {
        int i = s.indexOf("_x");
        if (i < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int from = 0;
        while (i >= 0) {
            if (i + 7 <= s.length() && s.charAt(i + 6) == '_' && isHex(s, i + 2, i + 6)) {
                b.append(s, from, i).append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                from = i + 7;
                i = s.indexOf("_x", from);
            } else {
                i = s.indexOf("_x", i + 1);
            }
        }
        return b.append(s, from, s.length()).toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private RawSheet parseSheet(XMLInputFactory f, ZipArchive zip, String part, SheetRef ref, List<String> sst,
            Styles styles, boolean date1904, Budget budget) throws ReadException {
        List<RawCell> cells = new ArrayList<>();
        List<MergedRange> merged = new ArrayList<>();
        boolean sorted = true;
        try (XmlIn x = XmlIn.open(f, zip, part, budget)) {
            int row = -1;
            int col = -1;
            long lastKey = -1;
            boolean inData = false;
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.END_ELEMENT) {
                    if (x.local().equals("sheetData")) {
                        inData = false;
                    }
                    continue;
                }
                if (e != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String n = x.local();
                if (n.equals("sheetData")) {
                    inData = true;
                } else if (inData && n.equals("row")) {
                    Integer r = parseIntOrNull(x.attr("r"));
                    row = r != null && r > 0 ? r - 1 : row + 1;
                    col = -1;
                } else if (inData && n.equals("c")) {
                    // One pass over the attributes (r, t, s); the first of a name counts, as in attr().
                    String r = null;
                    String t = null;
                    String s = null;
                    for (int i = 0, count = x.attrCount(); i < count; i++) {
                        String a = x.attrLocal(i);
                        if (a.equals("r")) {
                            r = r == null ? x.attrValue(i) : r;
                        } else if (a.equals("t")) {
                            t = t == null ? x.attrValue(i) : t;
                        } else if (a.equals("s")) {
                            s = s == null ? x.attrValue(i) : s;
                        }
                    }
                    int[] rc = r == null ? null : parseRef(r);
                    if (rc != null) {
                        row = rc[0];
                        col = rc[1];
                    } else {
                        col++;
                        if (row < 0) {
                            row = 0;
                        }
                    }
                    RawCell c = cell(x, t, s, row, col, sst, styles, date1904);
                    if (c != null) {
                        if (row >= limits.maxRows()) {
                            throw new ReadException(FindingCode.READ_LIMIT, "rows", ref.name(), limits.maxRows());
                        }
                        if (col >= limits.maxColumns()) {
                            throw new ReadException(FindingCode.READ_LIMIT, "columns", ref.name(), limits.maxColumns());
                        }
                        if (++budget.cells > limits.maxCells()) {
                            throw new ReadException(FindingCode.READ_LIMIT, "cells", limits.maxCells());
                        }
                        long key = ((long) row << 20) | col;
                        sorted &= key > lastKey;
                        lastKey = key;
                        cells.add(c);
                    }
                } else if (n.equals("mergeCell")) {
                    MergedRange m = parseRange(x.attr("ref"));
                    if (m != null) {
                        if (++budget.mergedRanges > limits.maxMergedRanges()) {
                            throw new ReadException(FindingCode.READ_LIMIT, "merged", limits.maxMergedRanges());
                        }
                        merged.add(m);
                    }
                }
            }
        }
        if (!sorted) {
            cells.sort(Comparator.comparingInt(RawCell::row).thenComparingInt(RawCell::col));
            // A cell written twice keeps its last value, as spreadsheet programs do.
            List<RawCell> unique = new ArrayList<>(cells.size());
            for (RawCell c : cells) {
                if (!unique.isEmpty() && unique.get(unique.size() - 1).row() == c.row()
                        && unique.get(unique.size() - 1).col() == c.col()) {
                    unique.set(unique.size() - 1, c);
                } else {
                    unique.add(c);
                }
            }
            cells = unique;
        }
        return new RawSheet(ref.name(), ref.hidden(), cells, merged);
    }

    /** One c element, positioned at its start; null for a cell with no value (styled blank). */
    private RawCell cell(XmlIn x, String t, String styleIndex, int row, int col, List<String> sst, Styles styles,
            boolean date1904) throws ReadException {
        Integer s = parseIntOrNull(styleIndex);
        int xf = s == null ? 0 : s;
        boolean percent = styles.percent(xf);
        boolean date = styles.date(xf);
        String v = null;
        String inline = null;
        boolean formula = false;
        int depth = 1;
        while (depth > 0) {
            int e = x.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                switch (x.local()) {
                    case "v" -> v = x.text(limits.maxCellChars());
                    case "f" -> {
                        formula = true;
                        x.skip();
                    }
                    case "is" -> inline = richText(x);
                    default -> x.skip();
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new ReadException(FindingCode.CORRUPT_WORKBOOK, null, x.part());
            }
        }
        String type = t == null ? "n" : t;
        if (type.equals("inlineStr")) {
            String text = inline != null ? inline : v;
            if (text == null) {
                return formula ? noValue(row, col, percent, date) : null;
            }
            return text.isEmpty() ? null : new RawCell(row, col, Kind.STRING, text, Double.NaN, percent, date, formula);
        }
        if (v == null || (v.isEmpty() && !type.equals("str"))) {
            return formula ? noValue(row, col, percent, date) : null;
        }
        switch (type) {
            case "s" -> {
                Integer i = parseIntOrNull(v);
                if (i == null || i < 0 || i >= sst.size()) {
                    return new RawCell(row, col, Kind.ERROR, "#REF!", Double.NaN, percent, date, formula);
                }
                String text = sst.get(i);
                return text.isEmpty() ? null
                        : new RawCell(row, col, Kind.STRING, text, Double.NaN, percent, date, formula);
            }
            case "str" -> {
                String text = unescape(v);
                return text.isEmpty() ? null
                        : new RawCell(row, col, Kind.STRING, text, Double.NaN, percent, date, formula);
            }
            case "b" -> {
                String b = v.trim();
                boolean value = b.equals("1") || b.equalsIgnoreCase("true");
                if (!value && !b.equals("0") && !b.equalsIgnoreCase("false")) {
                    return new RawCell(row, col, Kind.ERROR, "#VALUE!", Double.NaN, percent, date, formula);
                }
                return new RawCell(row, col, Kind.BOOLEAN, value ? "TRUE" : "FALSE", Double.NaN, percent, date,
                        formula);
            }
            case "e" -> {
                return new RawCell(row, col, Kind.ERROR, v.trim(), Double.NaN, percent, date, formula);
            }
            case "d" -> {
                return new RawCell(row, col, Kind.DATE, v.trim(), Double.NaN, percent, date, formula);
            }
            default -> {
                double d = parseNumber(v);
                if (Double.isNaN(d)) {
                    return new RawCell(row, col, Kind.ERROR, "#VALUE!", Double.NaN, percent, date, formula);
                }
                if (date1904 && date) {
                    d += DAYS_1904;
                }
                return new RawCell(row, col, Kind.NUMBER, v.trim(), d, percent, date, formula);
            }
        }
    }

    private static RawCell noValue(int row, int col, boolean percent, boolean date) {
        return new RawCell(row, col, Kind.FORMULA_NO_VALUE, "", Double.NaN, percent, date, true);
    }

    /** A number as OOXML stores it (xsd:double); NaN for anything else, including "NaN" and "INF". */
    static double parseNumber(String v) {
        String s = v.trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isInfinite(d) ? Double.NaN : d;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** "C7" to {6, 2} (0-based row, column); null when not a cell reference. */
    static int[] parseRef(String ref) {
        int i = 0;
        int n = ref.length();
        int col = 0;
        while (i < n && i < 4) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            i++;
        }
        if (i == 0 || i == n) {
            return null;
        }
        int row = 0;
        for (int j = i; j < n; j++) {
            char c = ref.charAt(j);
            if (c < '0' || c > '9' || row > 10_000_000) {
                return null;
            }
            row = row * 10 + (c - '0');
        }
        return row < 1 ? null : new int[] {row - 1, col - 1};
    }

    static MergedRange parseRange(String ref) {
        if (ref == null) {
            return null;
        }
        int colon = ref.indexOf(':');
        int[] a = parseRef(colon < 0 ? ref : ref.substring(0, colon));
        int[] b = colon < 0 ? a : parseRef(ref.substring(colon + 1));
        if (a == null || b == null) {
            return null;
        }
        return new MergedRange(Math.min(a[0], b[0]), Math.max(a[0], b[0]), Math.min(a[1], b[1]),
                Math.max(a[1], b[1]));
    }
}
