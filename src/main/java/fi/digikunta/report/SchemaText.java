package fi.digikunta.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import java.io.PrintWriter;

/** A view of the schema for {@code digikunta schema}: tabs, columns and the catalogue, as text or JSON. */
public final class SchemaText {
    private SchemaText() {
    }

    /** The schema as one JSON document, written as report.json is (snake_case, LF indents). */
    public static String json(Schema s) throws JsonProcessingException {
        return JsonReportWriter.WRITER.writeValueAsString(s);
    }

    /** The schema as text; service names in {@code lang}, labels in Finnish and Swedish. */
    public static void text(Schema s, Lang lang, PrintWriter out) {
        out.println("schema " + s.schemaVersion() + " (" + String.join(", ", s.templateVersions()) + ")");
        out.println();
        out.println("tabs:");
        s.tabs().forEach((role, t) -> out.printf("  %-12s %s / %s%n", role, t.name().fi(), t.name().sv()));
        for (Schema.Area a : s.areas()) {
            out.printf("  %-12s %s / %s%s%n", a.code(), a.tab().fi(), a.tab().sv(),
                    a.aliases().isEmpty() ? "" : "  (" + String.join("; ", a.aliases()) + ")");
        }
        out.println();
        out.println("identification (" + s.identification().labelColumn() + "/" + s.identification().valueColumn()
                + ", rows 1-" + s.identification().maxRow() + "):");
        for (Schema.IdKey k : s.identification().keys()) {
            out.printf("  %-8s %-9s %s / %s%n", k.key(), k.required() ? "required" : "", k.label().fi(),
                    k.label().sv());
        }
        out.println();
        out.println("columns:");
        for (Schema.Column c : s.columns()) {
            out.printf("  %-11s %-8s %-9s %s / %s%n", c.key(), c.type(), c.required() ? "required" : "",
                    c.label().fi(), c.label().sv());
        }
        out.println();
        out.println("status: " + String.join(", ", s.statuses().stream()
                .map(c -> c.label().fi() + "/" + c.label().sv()).toList()));
        out.println("stage levels: " + String.join(", ", s.stageLevels().stream()
                .map(c -> c.label().fi() + "/" + c.label().sv() + "=" + (c.value() == null ? "-" : c.value()))
                .toList()));
        out.println();
        out.println("catalogue (" + s.catalogue().size() + "):");
        for (Schema.CatalogueService c : s.catalogue()) {
            out.printf("  %-7s %s%n", c.id(), c.name().get(lang));
        }
    }
}
