package fi.digikunta.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code digikunta schema}: prints the schema (tabs, columns, catalogue) as text or JSON. */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "fi.digikunta.cli.Messages")
public final class SchemaCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--format", defaultValue = "text", descriptionKey = "schema.format")
    Format format;

    @Option(names = "--schema-version", paramLabel = "N", descriptionKey = "schema.version")
    String version;

    @Override
    public Integer call() throws Exception {
        SchemaRegistry reg = SchemaRegistry.load();
        Schema s = version == null ? reg.latest() : reg.version(version).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "--schema-version " + version + ": "
                        + String.join(", ", SchemaRegistry.VERSIONS)));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectMapper m = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT);
            out.println(m.writeValueAsString(s));
        } else {
            printText(s, common.lang(), out);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    static void printText(Schema s, Lang lang, PrintWriter out) {
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
