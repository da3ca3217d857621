package fi.digikunta.cli;

import fi.digikunta.schema.Lang;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;

/** Entry point. {@link #run} is what tests call in-process; {@link #main} only adds System.exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            Warmup.start(args);
            code = run(out, err, args);
        } catch (Throwable t) {
            // An Error (out of memory, say) escapes picocli: without this the JVM would exit 1, which
            // means "the run completed"; a run that did not complete exits 3.
            err.println("digikunta: " + t);
            code = ExitCode.FAILURE.code();
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams and returns the exit code; never calls exit. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        ProcessSettings.init();
        CommandLine cl = commandLine();
        localize(cl, helpBundle(args));
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /**
     * The help texts in the language of a --lang given anywhere on the line (Finnish by default),
     * looked up before parsing so that even a usage error is explained in that language.
     */
    static ResourceBundle helpBundle(String... args) {
        String lang = "fi";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                lang = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                lang = args[i].substring("--lang=".length());
            }
        }
        Locale locale = switch (lang.toLowerCase(Locale.ROOT)) {
            case "sv" -> Locale.forLanguageTag("sv");
            case "en" -> Locale.ENGLISH;
            default -> Locale.ROOT;
        };
        return ResourceBundle.getBundle("fi.digikunta.cli.Messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Sets the help texts of every command, the exit-code list included (built from {@link ExitCode}). */
    private static void localize(CommandLine cl, ResourceBundle bundle) {
        cl.setResourceBundle(bundle);
        var codes = ExitCode.helpList(bundle);
        forEach(cl, c -> c.getCommandSpec().usageMessage().exitCodeList(codes));
    }

    private static void forEach(CommandLine cl, java.util.function.Consumer<CommandLine> action) {
        action.accept(cl);
        cl.getSubcommands().values().forEach(sub -> forEach(sub, action));
    }

    /** The language of a help bundle (Finnish for the base bundle). */
    static Lang lang(ResourceBundle bundle) {
        String tag = bundle == null ? "" : bundle.getLocale().getLanguage();
        return tag.isEmpty() ? Lang.FI : Lang.of(tag);
    }

    /** The configured command line, shared by {@link #run} and the parse-only tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DigikuntaCommand());
        // An inbox path may start with '@' (e.g. "@inbox"): take arguments literally, no @-files.
        cl.setExpandAtFiles(false);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ExecutionExceptionHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExitCodeExceptionMapper(ExecutionExceptionHandler::exitCodeOf);
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        localize(cl, helpBundle());
        TemplateCommand.workbookLanguagesOnly(cl.getSubcommands().get("template"));
        return cl;
    }
}
