package fi.digikunta.cli;

import fi.digikunta.model.RunFailure;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.template.TemplateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code digikunta template --lang fi|sv --form-version 1|2 --out FILE.xlsx}: writes the blank
 * workbook of a form version (default the newest). --lang picks the workbook's language as well as
 * the help language; fi or sv only here.
 */
@Command(name = "template")
public final class TemplateCommand extends BaseCommand {
    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", descriptionKey = "template.out")
    Path out;

    @Option(names = "--force", descriptionKey = "template.force")
    boolean force;

    @Option(names = "--form-version", paramLabel = "1|2", defaultValue = "2", descriptionKey = "template.formVersion")
    String formVersion;

    /** Its help offers --lang fi|sv only: the workbook exists in those two (--lang en is refused below). */
    static void workbookLanguagesOnly(CommandLine template) {
        CommandSpec spec = template.getCommandSpec();
        OptionSpec lang = spec.findOption("--lang");
        spec.remove(lang);
        spec.addOption(lang.toBuilder().paramLabel("fi|sv").completionCandidates(List.of("fi", "sv")).build());
    }

    @Override
    protected void validate() {
        if (SchemaRegistry.load().forTemplateVersion(formVersion).isEmpty()) {
            throw usage("choices", "--form-version " + formVersion, String.join(", ", SchemaRegistry.VERSIONS));
        }
        if (common.lang() == Lang.EN) {
            throw usage("workbookLanguage");
        }
        if (Files.isDirectory(out)) {
            throw usage("isAFolder", out);
        }
        if (Files.exists(out) && !force) {
            throw usage("fileExists", out);
        }
    }

    @Override
    protected ExitCode execute() {
        try {
            TemplateFiles.write(SchemaRegistry.load().forTemplateVersion(formVersion).orElseThrow(), common.lang(), out,
                    force);
        } catch (IOException e) {
            throw new RunFailure(text("cannotWriteTemplate", out, reason(e)), e);
        }
        err().println(text("templateWritten", out));
        return ExitCode.OK;
    }

    private String reason(IOException e) {
        String cls = e.getClass().getSimpleName();
        return switch (cls) {
            case "AccessDeniedException" -> text("permissionDenied");
            case "NoSuchFileException" -> text("noFolder");
            case "FileAlreadyExistsException" -> text("exists");
            default -> e.getMessage() != null ? e.getMessage() : cls;
        };
    }
}
