package fi.digikunta.cli;

import fi.digikunta.findings.Texts;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: help, version and help texts, {@code --lang} and
 * {@code --verbose}, and the order of work. {@link #call} checks the options first
 * ({@link #validate}, where every problem is a usage error, exit 2), then runs {@link #execute}.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "fi.digikunta.cli.Messages")
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public final Integer call() throws Exception {
        validate();
        return execute().code();
    }

    /** Checks the options; throws {@link ParameterException} (see {@link #usage}) for a bad one. */
    protected void validate() {
    }

    /** Does the work, once the options are known to be good. */
    protected abstract ExitCode execute() throws Exception;

    /** A usage error in the --lang language; {@code key} names a text of texts/cli*.properties. */
    final ParameterException usage(String key, Object... args) {
        return new ParameterException(spec.commandLine(), text(key, args));
    }

    /** A text of texts/cli*.properties in the --lang language. */
    final String text(String key, Object... args) {
        return Texts.get(common.lang(), "cli." + key, args);
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
