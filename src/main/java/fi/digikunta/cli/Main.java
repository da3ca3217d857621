package fi.digikunta.cli;

import fi.digikunta.schema.Lang;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Supplier;
import picocli.AutoComplete;
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
        CommandLine cl = commandLine(helpBundle(args), args.length > 0 ? args[0] : null);
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

    /**
     * The subcommands by name, in the order the help lists them. Made only when needed: picocli builds
     * a command's model by reflection, the largest part of the start-up (docs/performance.md, "Issue
     * 16: start-up").
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("run", RunCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("template", TemplateCommand::new);
        m.put("schema", SchemaCommand::new);
        m.put("samples", SamplesCommand::new);
        m.put("generate-completion", AutoComplete.GenerateCompletion::new);
        return Collections.unmodifiableMap(m);
    }

    /** The names of the subcommands, in help order. */
    static Set<String> subcommandNames() {
        return SUBCOMMANDS.keySet();
    }

    /** The configured command line with every subcommand, shared by the parse-only tests. */
    public static CommandLine commandLine() {
        return commandLine(helpBundle(), null);
    }

    /**
     * The command line for a line whose first argument is {@code first}: with only that subcommand
     * when it names one (its parsing, help and errors need no other), else with all of them (the
     * root's help and a mistyped name list them; completion describes them all).
     */
    static CommandLine commandLine(ResourceBundle bundle, String first) {
        CommandLine cl = new CommandLine(new DigikuntaCommand());
        boolean one = SUBCOMMANDS.containsKey(first) && !first.equals("generate-completion");
        SUBCOMMANDS.forEach((name, make) -> {
            if (!one || name.equals(first)) {
                cl.addSubcommand(name, make.get());
            }
        });
        // An inbox path may start with '@' (e.g. "@inbox"): take arguments literally, no @-files.
        cl.setExpandAtFiles(false);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ExecutionExceptionHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExitCodeExceptionMapper(ExecutionExceptionHandler::exitCodeOf);
        CommandLine completion = cl.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        localize(cl, bundle);
        CommandLine template = cl.getSubcommands().get("template");
        if (template != null) {
            TemplateCommand.workbookLanguagesOnly(template);
        }
        return cl;
    }
}
