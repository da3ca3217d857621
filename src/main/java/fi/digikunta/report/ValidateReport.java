package fi.digikunta.report;

import fi.digikunta.schema.Labels;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.FindingTexts;
import fi.digikunta.findings.Severity;
import fi.digikunta.findings.Texts;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.schema.Lang;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
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

    private static final ObjectWriter JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addMixIn(JsonReportWriter.FileJson.class, WithoutCounts.class)
            .enable(SerializationFeature.INDENT_OUTPUT).writer();

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

    /** The document: report.json's file entries (their counts left out: the summary has them). */
    record Document(int formatVersion, String toolVersion, String schemaVersion, Map<String, Number> summary,
            List<JsonReportWriter.FileJson> files) {
    }

    // The round is report.json's; this document's shape stays as docs/validate-json.md gives it.
    @JsonIgnoreProperties({"errors", "warnings", "round"})
    private interface WithoutCounts {
    }

    public static String json(List<FileResult> files, String toolVersion, String schemaVersion) {
        Map<String, Number> summary = new LinkedHashMap<>();
        summary.put("files", files.size());
        for (Outcome o : Outcome.values()) {
            summary.put(o.id(), files.stream().filter(f -> f.outcome() == o).count());
        }
        Counts c = counts(files);
        summary.put("errors", c.errors());
        summary.put("warnings", c.warnings());
        Document d = new Document(FORMAT_VERSION, toolVersion, schemaVersion, summary,
                files.stream().map(JsonReportWriter::fileAsRead).toList());
        try {
            return JSON.writeValueAsString(d) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A readable summary: one line per file, its findings indented below it, then the totals. */
    public static void text(List<FileResult> files, Lang lang, PrintWriter out) {
        out.println(Texts.get(lang, "console.validate.heading", files.size()));
        int width = 0;
        for (FileResult f : files) {
            width = Math.max(width, f.outcome().text().get(lang).length());
        }
        for (FileResult f : files) {
            String name = f.outcome().text().get(lang);
            StringBuilder b = new StringBuilder(name).append(" ".repeat(width - name.length() + 2))
                    .append(FindingTexts.clean(f.file()));
            if (f.municipalityCode() != null) {
                b.append("  (").append(f.municipalityCode()).append(')');
            }
            if (f.reason() != null) {
                b.append("  ").append(f.reasonCode() == null ? "" : f.reasonCode() + ": ").append(f.reason().get(lang));
            }
            out.println(b);
            findings(f, lang, out);
        }
        StringBuilder t = new StringBuilder(Texts.get(lang, "console.validate.total")).append(": ");
        boolean first = true;
        for (Outcome o : Outcome.values()) {
            long n = files.stream().filter(f -> f.outcome() == o).count();
            t.append(first ? "" : ", ").append(n).append(' ').append(o.text().get(lang));
            first = false;
        }
        Counts c = counts(files);
        out.println(t.append("; ").append(Texts.get(lang, "console.validate.counts", c.errors(), c.warnings())));
    }

    /** The file's findings, indented; none when its one finding is the reason it was rejected. */
    private static void findings(FileResult f, Lang lang, PrintWriter out) {
        if (f.outcome() == Outcome.REJECTED && f.findings().size() == 1
                && f.findings().get(0).id().equals(f.reasonCode())) {
            return;
        }
        for (Finding x : f.findings()) {
            StringBuilder l = new StringBuilder("    ");
            l.append(Texts.get(lang, x.severity() == Severity.ERROR ? "console.validate.error"
                    : "console.validate.warning")).append("  ").append(x.id());
            if (x.sheet() != null) {
                l.append("  ").append(Labels.quotedSheet(FindingTexts.clean(x.sheet())));
                if (x.cell() != null) {
                    l.append('!').append(x.cell());
                }
            }
            l.append("  ").append(x.message().get(lang));
            out.println(l);
        }
        if (f.findingsTruncated()) {
            out.println("    " + Texts.get(lang, "console.validate.left_out"));
        }
    }

}
