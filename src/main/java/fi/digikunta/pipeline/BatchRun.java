package fi.digikunta.pipeline;

import fi.digikunta.history.RunComparison;
import fi.digikunta.model.Figures;
import fi.digikunta.compute.FiguresCalculator;
import fi.digikunta.model.SincePreviousRun;
import fi.digikunta.inbox.ArchiveItem;
import fi.digikunta.inbox.InboxArchiver;
import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.inbox.InboxOptions;
import fi.digikunta.inbox.InboxScan;
import fi.digikunta.inbox.InboxScanner;
import fi.digikunta.model.FileResult;
import fi.digikunta.report.ConsoleReporter;
import fi.digikunta.publish.OutputPublisher;
import fi.digikunta.publish.PublishOptions;
import fi.digikunta.publish.RunLog;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.report.ReportOptions;
import fi.digikunta.report.ReportSet;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import fi.digikunta.model.RunResult;
import fi.digikunta.model.RunFailure;

/**
 * One {@code digikunta run}: inbox, then read and validate, then compute, then the reports,
 * published atomically into the output folder under its lock (with history, the "since the
 * previous run" section and the run log), then the optional archive step. Per-file problems are
 * outcomes; only run-level failures throw ({@link RunFailure}).
 */
public final class BatchRun {

    /**
     * What to run, checked by the command before it gets here.
     *
     * @param out the output folder; null to write only {@code table} to stdout
     * @param table one CSV table to write to stdout, or null
     * @param archive the archive folder, or null
     */
    public record Options(List<Path> inputs, Path out, String table, ReportOptions report,
            MunicipalityList municipalities, boolean recursive, Duration settle, Path archive, int historyKeep,
            boolean quiet, int threads, Clock clock, String toolVersion) {
        public Options {
            inputs = List.copyOf(inputs);
            if (out == null && table == null) {
                throw new IllegalArgumentException("an output folder or a table is needed");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }
    }

    private BatchRun() {
    }

    /**
     * Runs the batch; returns every input file's result. {@code exitCode} maps the results to the
     * process exit code, which the run log records at the end.
     */
    public static List<FileResult> execute(Options o, PrintWriter err, OutputStream stdout,
            java.util.function.ToIntFunction<List<FileResult>> exitCode) {
        SchemaRegistry registry = SchemaRegistry.load();
        Instant now = o.clock().instant();
        if (o.out() == null) {
            Processed p = process(o, registry, null, err);
            writeTable(o, p.run(), stdout);
            return p.run().files();
        }
        try (OutputPublisher pub = OutputPublisher.open(o.out(), PublishOptions.DEFAULT
                .withHistoryKeep(o.historyKeep()).withLang(o.report().lang()));
                RunLog log = RunLog.open(pub.runLogFile(), o.clock(), RunLog.newRunId(now))) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("inputs", o.inputs().stream().map(Path::toString).toList());
            details.put("out", o.out().toString());
            details.put("tool_version", o.toolVersion());
            log.runStart(details);
            pub.lock().staleTakenOver().ifPresent(h -> {
                log.event("stale_lock_taken_over", Map.of("holder", h.toString()));
                if (!o.quiet()) {
                    err.println("digikunta: " + h);
                }
            });
            Processed p = process(o, registry, log, err);
            // Only report.json's core is needed to compare with the previous run; the set is rendered once, below.
            byte[] json = ReportSet.renderCoreJson(p.run(), o.report());
            SincePreviousRun since = RunComparison.between(pub.previous().map(d -> d.resolve(ReportSet.JSON)),
                    json);
            RunResult run = p.run().withSincePreviousRun(since);
            int code = exitCode.applyAsInt(run.files());
            pub.publish(folder -> {
                ReportSet.write(run, folder, o.report(), o.threads());
                log.runEnd(code);
                log.writeTo(folder.resolve("run-log.jsonl"));
            });
            if (o.table() != null) {
                writeTable(o, run, stdout);
            }
            if (o.archive() != null) {
                archive(o, p, log, err);
            }
            return run.files();
        } catch (IOException e) {
            throw new RunFailure(o.out() + ": " + e.getMessage(), e);
        }
    }

    /** The inbox entries behind the results, kept for the archive step. */
    private record Processed(RunResult run, Map<String, InboxEntry> entries) {
    }

    private static Processed process(Options o, SchemaRegistry registry, RunLog log, PrintWriter err) {
        InboxScan scan = new InboxScanner().scanAll(o.inputs(), new InboxOptions(o.recursive(), o.settle()));
        List<InboxEntry> entries = new ArrayList<>(scan.entries());
        if (o.archive() != null) {
            // Archived returns still count: they are read back, under the names they had in the inbox.
            entries.addAll(InboxArchiver.readBack(o.archive(), entries.stream().map(InboxEntry::name).toList()));
        }
        ConsoleReporter console = ConsoleReporter.forStderr(err, o.report().lang(), o.quiet(), entries.size());
        scan.skipped().forEach(s -> {
            console.note(s.name() + ": " + s.reason().get(o.report().lang()));
            if (log != null) {
                log.skipped(s);
            }
        });
        List<FileResult> results = Validation.validateAll(entries, registry, o.municipalities(),
                new StaxWorkbookReader(), o.threads(), r -> console.tick());
        for (FileResult r : results) {
            console.summary(r);
            if (log != null) {
                log.file(r, r.reasonCode());
            }
        }
        console.finish();
        Schema schema = registry.latest();
        Figures figures = FiguresCalculator.compute(schema, o.municipalities(), results);
        Instant generated = o.clock().instant();
        Map<String, InboxEntry> byName = new HashMap<>();
        entries.forEach(e -> byName.put(e.name(), e));
        return new Processed(new RunResult(o.toolVersion(), schema.schemaVersion(), generated, results, figures),
                byName);
    }

    private static void archive(Options o, Processed p, RunLog log, PrintWriter err) {
        Path archiveRoot = o.archive().toAbsolutePath().normalize();
        List<ArchiveItem> items = new ArrayList<>();
        for (FileResult r : p.run().files()) {
            InboxEntry e = p.entries().get(r.file());
            if (e == null || e.path().toAbsolutePath().normalize().startsWith(archiveRoot)) {
                continue;
            }
            items.add(new ArchiveItem(e, r.outcome(), r.municipalityCode(), r.reasonCode(), r.reason()));
        }
        new InboxArchiver(o.archive()).archive(items).forEach(a -> {
            log.archived(a);
            if (!o.quiet() && a.note() != null) {
                err.println(a.name() + ": " + a.note().get(o.report().lang()));
            }
        });
    }

    private static void writeTable(Options o, RunResult run, OutputStream stdout) {
        ReportSet.writeTable(run, o.table(), o.report(), stdout);
        try {
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
