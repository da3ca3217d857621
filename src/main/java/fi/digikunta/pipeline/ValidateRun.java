package fi.digikunta.pipeline;

import fi.digikunta.inbox.InboxOptions;
import fi.digikunta.inbox.InboxScan;
import fi.digikunta.inbox.InboxScanner;
import fi.digikunta.model.FileResult;
import fi.digikunta.report.ConsoleReporter;
import fi.digikunta.report.ValidateReport;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.SchemaRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One {@code digikunta validate}: the paths are scanned (no settle time), read and validated, and
 * the results printed as text or as one JSON document. Nothing is written to disk.
 */
public final class ValidateRun {
    /** How the results are printed. */
    public enum Format { text, json }

    /**
     * What to validate, checked once.
     *
     * @param inboxes the paths to validate, with the round given each (for its v1 returns), as for run
     * @param municipalities the municipality list file, or null for the built-in one
     */
    public record Options(InboxRounds inboxes, Format format, boolean recursive, int threads, Path municipalities,
            Lang lang, String toolVersion) {
        public Options {
            Objects.requireNonNull(inboxes, "inboxes");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(lang, "lang");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }
    }

    private ValidateRun() {
    }

    /**
     * Validates and prints to {@code out}, and on {@code err} what the scan left out (a sub-folder
     * without --recursive, ...), as run says it; returns every file's result, sorted by file name.
     */
    public static List<FileResult> execute(Options o, PrintWriter out, PrintWriter err) {
        var list = RunInputs.municipalities(o.municipalities());
        SchemaRegistry registry = SchemaRegistry.load();
        InboxScan scan = new InboxScanner().scanAll(o.inboxes().inputs(),
                new InboxOptions(o.recursive(), Duration.ZERO));
        scan.skipped().forEach(s -> err.println(ConsoleReporter.safe(s.name() + ": " + s.reason().get(o.lang()))));
        err.flush();
        List<FileResult> results = Validation.validateAll(scan.entries(), o.inboxes().lookup(), registry, list,
                Validation.reader(), o.threads());
        if (o.format() == Format.json) {
            out.print(ValidateReport.json(results, o.toolVersion(), registry.latest().schemaVersion()));
        } else {
            ValidateReport.text(results, o.lang(), out);
        }
        out.flush();
        return results;
    }
}
