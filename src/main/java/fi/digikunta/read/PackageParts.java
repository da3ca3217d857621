package fi.digikunta.read;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.read.XmlIn.Budget;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;

/** The package structure of an .xlsx: relationships, the workbook part and its list of sheets. */
final class PackageParts {
    private PackageParts() {
    }

    record Rel(String type, String target) {
    }

    record SheetRef(String name, String relId, boolean hidden) {
    }

    record WorkbookPart(List<SheetRef> sheets, boolean date1904) {
    }

    /** The workbook part named by the package relationships; xl/workbook.xml when they do not say. */
    static String officeDocument(XMLInputFactory f, ZipArchive zip, Budget budget) throws ReadException {
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

    static String partOfType(Map<String, Rel> rels, String typeSuffix, String fallback, ZipArchive zip) {
        for (Rel r : rels.values()) {
            if (r.type().endsWith(typeSuffix) && zip.has(r.target())) {
                return r.target();
            }
        }
        return zip.has(fallback) ? fallback : null;
    }

    static Map<String, Rel> parseRels(XMLInputFactory f, ZipArchive zip, String part, String folder, Budget budget)
            throws ReadException {
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

    static WorkbookPart parseWorkbook(XMLInputFactory f, ZipArchive zip, String part, Budget budget)
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
}
