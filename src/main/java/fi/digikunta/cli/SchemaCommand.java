package fi.digikunta.cli;

import fi.digikunta.report.SchemaText;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code digikunta schema}: prints the schema (tabs, columns, catalogue) as text or JSON. */
@Command(name = "schema")
public final class SchemaCommand extends BaseCommand {
    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", descriptionKey = "schema.format")
    Format format;

    @Option(names = "--schema-version", paramLabel = "N", descriptionKey = "schema.version")
    String version;

    @Override
    protected void validate() {
        if (version != null && SchemaRegistry.load().version(version).isEmpty()) {
            throw usage("choices", "--schema-version " + version, String.join(", ", SchemaRegistry.VERSIONS));
        }
    }

    @Override
    protected ExitCode execute() throws Exception {
        SchemaRegistry reg = SchemaRegistry.load();
        Schema s = version == null ? reg.latest() : reg.version(version).orElseThrow();
        if (format == Format.json) {
            out().println(SchemaText.json(s));
        } else {
            SchemaText.text(s, common.lang(), out());
        }
        out().flush();
        return ExitCode.OK;
    }
}
