package fi.digikunta.cli;

import fi.digikunta.findings.Texts;
import fi.digikunta.schema.Lang;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root command: holds no logic. Its subcommands are added by {@link Main#commandLine}, only the
 * ones a command line needs. The exit codes come from {@link ExitCode}.
 */
@Command(name = "digikunta",
        resourceBundle = "fi.digikunta.cli.Messages",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class)
public final class DigikuntaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), Texts.get(Main.lang(spec.commandLine().getResourceBundle()),
                "cli.noSubcommand"));
    }
}
