package fi.digikunta.cli;

import fi.digikunta.model.RunFailure;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.template.TemplateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code digikunta template --lang fi|sv --out FILE.xlsx}: writes the blank workbook. */
@Command(name = "template", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "fi.digikunta.cli.Messages")
public final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** --lang picks the workbook's language as well as the help language; fi or sv only here. */
    @Mixin
    CommonOptions common;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", descriptionKey = "template.out")
    Path out;

    @Option(names = "--force", descriptionKey = "template.force")
    boolean force;

    @Override
    public Integer call() {
        Lang lang = common.lang();
        if (lang == Lang.EN) {
            throw new ParameterException(spec.commandLine(),
                    "--lang en: lomake on suomeksi tai ruotsiksi (fi, sv) / blanketten finns på finska eller svenska"
                            + " (fi, sv) / the workbook is in Finnish or Swedish (fi, sv)");
        }
        if (Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), out + ": on kansio / är en mapp / is a folder");
        }
        if (Files.exists(out) && !force) {
            throw new ParameterException(spec.commandLine(), out
                    + ": tiedosto on jo olemassa (--force korvaa) / filen finns redan (--force ersätter)"
                    + " / file exists (--force replaces it)");
        }
        try {
            TemplateFiles.write(SchemaRegistry.load().latest(), lang, out, force);
        } catch (IOException e) {
            throw new RunFailure("mallipohjaa ei voi kirjoittaa / kan inte skriva blanketten / cannot write the template: "
                    + out + " (" + reason(e) + ")", e);
        }
        spec.commandLine().getErr().println((lang == Lang.SV ? "Blankettmallen skriven: " : "Lomakepohja kirjoitettu: ") + out);
        return ExitCode.OK.code();
    }

    private static String reason(IOException e) {
        String cls = e.getClass().getSimpleName();
        return switch (cls) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such folder";
            case "FileAlreadyExistsException" -> "file exists";
            default -> e.getMessage() != null ? e.getMessage() : cls;
        };
    }
}
