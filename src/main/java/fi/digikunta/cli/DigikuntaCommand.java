package fi.digikunta.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands and holds no logic. */
@Command(name = "digikunta",
        resourceBundle = "fi.digikunta.cli.Messages",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {RunCommand.class, ValidateCommand.class, TemplateCommand.class, SchemaCommand.class, SamplesCommand.class,
            AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:OK: the run completed, nothing at or above --fail-on",
            "1:findings at or above --fail-on (a municipality must fix a file)",
            "2:usage error (bad option or path)",
            "3:the run could not complete (output not writable, locked, internal error)"})
public final class DigikuntaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Anna alikomento / Ange ett underkommando / Give a subcommand");
    }
}
