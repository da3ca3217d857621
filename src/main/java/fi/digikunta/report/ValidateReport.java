package fi.digikunta.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.model.Outcome;
import fi.digikunta.findings.Severity;
import fi.digikunta.findings.FindingTexts;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Localized;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The two views of a validation that {@code digikunta validate} prints: a JSON document (the files
 * part has the shape of report.json's; see docs/validate-json.md) and a terminal summary in the
 * chosen language. Both are pure functions of the results.
 */
public final class ValidateReport {
    /** Version of the JSON document's shape; raised on any incompatible change. */
    public static final int FORMAT_VERSION = 1;

    private static final Map<Outcome, Localized> OUTCOME_NAMES = new EnumMap<>(Map.of(
            Outcome.ACCEPTED, new Localized("hyväksytty", "godkänd", "accepted"),
            Outcome.ACCEPTED_WITH_WARNINGS, new Localized("hyväksytty huomautuksin", "godkänd med anmärkningar",
                    "accepted with warnings"),
            Outcome.SUPERSEDED, new Localized("korvattu", "ersatt", "superseded"),
            Outcome.REJECTED, new Localized("hylätty", "underkänd", "rejected"),
            Outcome.PENDING, new Localized("odottaa", "väntar", "pending")));
    private static final Localized ERROR = new Localized("virhe", "fel", "error");
    private static final Localized WARNING = new Localized("varoitus", "varning", "warning");
    private static final Localized FILES = new Localized("tiedostoa", "filer", "files");
    private static final Localized TOTAL = new Localized("Yhteensä", "Totalt", "Total");
    private static final Localized ERRORS = new Localized("virheitä", "fel", "errors");
    private static final Localized WARNINGS = new Localized("varoituksia", "varningar", "warnings");
    private static final Localized MORE = new Localized("havaintoja jätetty pois", "fynd utelämnade",
            "findings left out");

    private ValidateReport() {
    }

    /** Counts of errors (rejections included) and warnings over the files whose outcome is judged. */
    public record Counts(int errors, int warnings) {
    }

    /**
     * Errors and warnings of the files that still matter: rejected, accepted and accepted with
     * warnings (a superseded file no longer counts, a pending one is not read yet).
     */
    public static Counts counts(List<FileResult> files) {
        int errors = 0;
        int warnings = 0;
        for (FileResult f : files) {
            if (f.outcome() == Outcome.SUPERSEDED || f.outcome() == Outcome.PENDING) {
                continue;
            }
            for (Finding x : f.findings()) {
                if (x.severity() == Severity.ERROR) {
                    errors++;
                } else {
                    warnings++;
                }
            }
            if (f.outcome() == Outcome.REJECTED && f.findings().isEmpty()) {
                errors++;
            }
        }
        return new Counts(errors, warnings);
    }

    public static String json(List<FileResult> files, String toolVersion, String schemaVersion) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("tool_version", toolVersion);
        root.put("schema_version", schemaVersion);
        ObjectNode summary = root.putObject("summary");
        summary.put("files", files.size());
        for (Outcome o : Outcome.values()) {
            summary.put(o.id(), files.stream().filter(f -> f.outcome() == o).count());
        }
        Counts c = counts(files);
        summary.put("errors", c.errors());
        summary.put("warnings", c.warnings());
        ArrayNode arr = root.putArray("files");
        for (FileResult f : files) {
            ObjectNode n = arr.addObject();
            n.put("file", f.file());
            n.put("outcome", f.outcome().id());
            n.put("municipality_code", f.municipalityCode());
            if (f.reason() == null) {
                n.putNull("reason");
            } else {
                ObjectNode r = n.putObject("reason");
                r.put("code", f.reasonCode());
                r.put("fi", f.reason().fi());
                r.put("sv", f.reason().sv());
                r.put("en", f.reason().en());
            }
            ArrayNode fs = n.putArray("findings");
            for (Finding x : f.findings()) {
                ObjectNode o = fs.addObject();
                o.put("code", x.id());
                o.put("severity", x.severity().id());
                o.put("sheet", x.sheet());
                o.put("cell", x.cell());
                o.put("message_fi", x.message().fi());
                o.put("message_sv", x.message().sv());
                o.put("message_en", x.message().en());
            }
            n.put("findings_truncated", f.findingsTruncated());
        }
        try {
            return m.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A readable summary: one line per file, its findings indented below it, then the totals. */
    public static void text(List<FileResult> files, Lang lang, PrintWriter out) {
        out.println("digikunta validate: " + files.size() + " " + FILES.get(lang));
        int width = 0;
        for (FileResult f : files) {
            width = Math.max(width, OUTCOME_NAMES.get(f.outcome()).get(lang).length());
        }
        for (FileResult f : files) {
            StringBuilder b = new StringBuilder();
            String name = OUTCOME_NAMES.get(f.outcome()).get(lang);
            b.append(name).append(" ".repeat(width - name.length() + 2)).append(FindingTexts.clean(f.file()));
            if (f.municipalityCode() != null) {
                b.append("  (").append(f.municipalityCode()).append(')');
            }
            if (f.reason() != null) {
                b.append("  ").append(f.reasonCode() == null ? "" : f.reasonCode() + ": ").append(f.reason().get(lang));
            }
            out.println(b);
            if (f.outcome() == Outcome.REJECTED && f.findings().size() == 1
                    && f.findings().get(0).code().equals(f.reasonCode())) {
                continue;
            }
            for (Finding x : f.findings()) {
                StringBuilder l = new StringBuilder("    ");
                l.append((x.severity() == Severity.ERROR ? ERROR : WARNING).get(lang)).append("  ").append(x.id());
                if (x.sheet() != null) {
                    l.append("  ").append(quote(FindingTexts.clean(x.sheet())));
                    if (x.cell() != null) {
                        l.append('!').append(x.cell());
                    }
                }
                l.append("  ").append(x.message().get(lang));
                out.println(l);
            }
            if (f.findingsTruncated()) {
                out.println("    (" + MORE.get(lang) + ")");
            }
        }
        StringBuilder t = new StringBuilder(TOTAL.get(lang)).append(": ");
        boolean first = true;
        for (Outcome o : Outcome.values()) {
            long n = files.stream().filter(f -> f.outcome() == o).count();
            t.append(first ? "" : ", ").append(n).append(' ').append(OUTCOME_NAMES.get(o).get(lang));
            first = false;
        }
        Counts c = counts(files);
        t.append("; ").append(ERRORS.get(lang)).append(' ').append(c.errors()).append(", ").append(WARNINGS.get(lang))
                .append(' ').append(c.warnings());
        out.println(t);
    }

    private static String quote(String sheet) {
        return "'" + sheet.replace("'", "''") + "'";
    }
}
