package fi.digikunta.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.findings.FindingTexts;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.SchemaRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Start-up work done on the second core while the main thread builds and parses the command line:
 * the schemas, the municipality list and the finding texts (each loaded once per process, so the
 * main thread later finds them ready, or waits for the load under way instead of repeating it), and
 * the first use of Jackson, which every run makes. Only for the commands that read returns. Nothing
 * here changes a result: a failure is ignored, and the main thread meets and reports it again.
 */
final class Warmup {
    private static final Set<String> COMMANDS = Set.of("run", "validate");
    /** Options that print and exit before any return is read (picocli's standard help options). */
    private static final Set<String> PRINT_ONLY = Set.of("-h", "--help", "-V", "--version");

    private Warmup() {
    }

    /** Starts the warm-up for a command line that reads returns. */
    static void start(String... args) {
        if (!wanted(args)) {
            return;
        }
        Thread t = new Thread(Warmup::run, "digikunta-warmup");
        t.setDaemon(true);
        t.start();
    }

    /** Whether a command line will read returns: run or validate, without a help or version option. */
    static boolean wanted(String... args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return false;
        }
        for (String a : args) {
            if (PRINT_ONLY.contains(a)) {
                return false;
            }
        }
        return true;
    }

    static void run() {
        try {
            SchemaRegistry.load();
            MunicipalityList.builtIn();
            FindingTexts.template(Lang.FI, FindingCode.values()[0].code());
            ObjectMapper json = new ObjectMapper();
            json.readTree(json.writeValueAsBytes(Map.of("warm", List.of(1, "up", true))));
        } catch (Throwable e) {
            // Ignored (even an Error, which would print a stack trace): the main thread meets the same
            // failure in its own step and reports it there.
        }
    }
}
