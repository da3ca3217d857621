package fi.digikunta.cli;

import fi.digikunta.findings.Texts;
import fi.digikunta.schema.Lang;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands and holds no logic. The exit codes come from {@link ExitCode}. */
@Command(name = "digikunta",
        resourceBundle = "fi.digikunta.cli.Messages",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {RunCommand.class, ValidateCommand.class, TemplateCommand.class, SchemaCommand.class, SamplesCommand.class,
            AutoComplete.GenerateCompletion.class})
public final class DigikuntaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), Texts.get(Main.lang(spec.commandLine().getResourceBundle()),
                "cli.noSubcommand"));
    }
}
