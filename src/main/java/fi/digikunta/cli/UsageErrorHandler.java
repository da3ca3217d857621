package fi.digikunta.cli;

import fi.digikunta.findings.Texts;
import fi.digikunta.schema.Lang;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A usage error as two lines in the --lang language: what is wrong (with picocli's suggestion for a
 * mistyped option or subcommand), then where the help is. The full help is not printed: it would
 * scroll the one useful line away. Exit code 2.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        Lang lang = Main.lang(Main.helpBundle(args));
        var err = cl.getErr();
        err.println("digikunta: " + problem(ex, lang));
        err.println(Texts.get(lang, "cli.seeHelp", cl.getCommandSpec().qualifiedName() + " --help"));
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** The problem in words; picocli's own (English) messages are replaced by ours. */
    static String problem(ParameterException ex, Lang lang) {
        CommandLine cl = ex.getCommandLine();
        if (ex instanceof CommandLine.MissingParameterException && !cl.getUnmatchedArguments().isEmpty()) {
            // "run --bogus": the unknown option is the mistake, not the INBOX picocli then misses.
            ex = new CommandLine.UnmatchedArgumentException(cl, cl.getUnmatchedArguments());
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String arg = unmatched.isEmpty() ? "" : unmatched.get(0);
            List<String> suggestions = u.getSuggestions();
            if (suggestions.isEmpty() && !arg.startsWith("-")) {
                // picocli's similarity misses swapped letters ("rnu"); a small edit distance finds them.
                suggestions = cl.getSubcommands().keySet().stream().filter(n -> distance(n, arg) <= 2).toList();
            }
            String key = arg.startsWith("-") ? "cli.unknownOption" : "cli.unknownArgument";
            String line = Texts.get(lang, key, arg);
            if (!suggestions.isEmpty()) {
                line += " " + Texts.get(lang, "cli.didYouMean", String.join(", ", suggestions));
            }
            return line;
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            return Texts.get(lang, "cli.missing", m.getMissing().stream().map(UsageErrorHandler::label)
                    .collect(Collectors.joining(", ")));
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg != null && ex.getValue() != null) {
            // A value the option's type does not take (--lang de, --threads x): name it and the choices.
            String key = arg.paramLabel().contains("|") ? "cli.badValue" : "cli.notValid";
            return Texts.get(lang, key, label(arg) + " " + ex.getValue(), arg.paramLabel());
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return Texts.get(lang, "cli.givenTwice", label(o.getOverwritten()));
        }
        if (ex.getClass() != ParameterException.class) {
            // Another picocli check (an option given twice, too many values): its text is English only.
            return Texts.get(lang, "cli.badCommandLine", ex.getMessage());
        }
        return ex.getMessage();
    }

    /** Edit distance with transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String label(ArgSpec a) {
        return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
    }
}
