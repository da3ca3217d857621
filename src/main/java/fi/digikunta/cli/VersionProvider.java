package fi.digikunta.cli;

import fi.digikunta.schema.SchemaRegistry;
import picocli.CommandLine;

/** --version: the tool version from the jar manifest (or "dev") and the schema versions it reads. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String toolVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"digikunta " + toolVersion(),
                "schema versions: " + String.join(", ", SchemaRegistry.VERSIONS)};
    }
}
