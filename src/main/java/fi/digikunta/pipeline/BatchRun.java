package fi.digikunta.pipeline;

import fi.digikunta.history.HistoryFolder;
import fi.digikunta.history.ReportSnapshot;
import fi.digikunta.history.RunComparison;
import fi.digikunta.model.Figures;
import fi.digikunta.compute.RoundFigures;
import fi.digikunta.inbox.ArchiveReadBack;
import fi.digikunta.inbox.InboxArchiver;
import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.inbox.InboxOptions;
import fi.digikunta.inbox.InboxScan;
import fi.digikunta.inbox.InboxScanner;
import fi.digikunta.model.FileResult;
import fi.digikunta.report.ConsoleReporter;
import fi.digikunta.publish.OutputPublisher;
import fi.digikunta.publish.PublishOptions;
import fi.digikunta.publish.Published;
import fi.digikunta.publish.RunLog;
import fi.digikunta.publish.SetMarker;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.report.ReportOptions;
import fi.digikunta.report.PageFailure;
import fi.digikunta.report.ReportSet;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.findings.Texts;
import fi.digikunta.model.Outcome;
import fi.digikunta.schema.SchemaRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import fi.digikunta.report.RunSummary;
import fi.digikunta.model.Outcome;
import java.nio.file.LinkOption;
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
     * @param rounds the round given each of {@code inputs}, for its v1 returns
     */
    public record Options(List<Path> inputs, Path out, String table, ReportOptions report,
            MunicipalityList municipalities, boolean recursive, Duration settle, Path archive, int historyKeep,
            boolean quiet, int threads, Clock clock, String toolVersion, InboxRounds rounds) {
        /** Inboxes without a round: a v1 return's round is the year of its fill date. */
        public Options(List<Path> inputs, Path out, String table, ReportOptions report,
                MunicipalityList municipalities, boolean recursive, Duration settle, Path archive, int historyKeep,
                boolean quiet, int threads, Clock clock, String toolVersion) {
            this(inputs, out, table, report, municipalities, recursive, settle, archive, historyKeep, quiet, threads,
                    clock, toolVersion, InboxRounds.none(inputs));
        }

        public Options {
            inputs = List.copyOf(inputs);
            if (!rounds.inputs().equals(inputs)) {
                throw new IllegalArgumentException("the rounds are for other inputs");
            }
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

    /** The exit code the command gives a run's results, and why, in the run's language. */
    public record Verdict(int code, String reason) {
    }

    /**
     * The command's exit codes: {@code verdict} for a run that completes, {@code failure} for one that
     * cannot (the run log's last line says which; the codes themselves are the command's).
     */
    public record ExitCodes(Function<List<FileResult>, Verdict> verdict, int failure) {
    }

    /**
     * Runs the batch and returns the process exit code, which {@code exitCodes} computes once from
     * the results and the run log records at the end; a run that cannot complete throws (a
     * {@link RunFailure} for a cause outside the program), its log ending with the failure code.
     */
    public static int execute(Options o, PrintWriter err, OutputStream stdout, ExitCodes exitCodes) {
        long start = System.nanoTime();
        SchemaRegistry registry = SchemaRegistry.load();
        try (Workers workers = new Workers(o.threads())) {
            if (o.out() == null) {
                Processed p = process(o, registry, workers, null, err);
                ReportSet.writeTable(p.run(), o.table(), o.report(), stdout);
                Verdict v = exitCodes.verdict().apply(p.run().files());
                summarize(o, err, new RunSummary(p.run(), v.code(), v.reason(), since(start), o.inputs(), null, null));
                return v.code();
            }
            return publish(o, registry, workers, err, stdout, exitCodes, start);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * The summary on stderr. With --quiet, nothing when the run exits 0, else the rejected files and
     * the summary: what a cron mail should hold.
     */
    private static void summarize(Options o, PrintWriter err, RunSummary summary) {
        if (o.quiet() && summary.exitCode() == 0) {
            return;
        }
        if (o.quiet()) {
            summary.run().files().stream().filter(f -> f.outcome() == Outcome.REJECTED)
                    .forEach(f -> err.println(ConsoleReporter.summaryLine(f, o.report().lang())));
        }
        summary.lines(o.report().lang()).forEach(err::println);
        err.flush();
    }

    private static boolean isEmptyFolder(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static int publish(Options o, SchemaRegistry registry, Workers workers, PrintWriter err,
            OutputStream stdout, ExitCodes exitCodes, long start) {
        // An empty --out folder is replaced by a link to out.d/n; the summary says so (docs/nightly.md).
        boolean emptyBefore = isEmptyFolder(o.out());
        try (OutputPublisher pub = OutputPublisher.open(o.out(), PublishOptions.DEFAULT
                .withHistoryKeep(o.historyKeep()).withLang(o.report().lang()));
                RunLog log = RunLog.open(pub.runLogFile(), o.clock(), RunLog.newRunId(o.clock().instant()))) {
            try {
                log.runStart(startDetails(o));
                staleLockNote(o, pub, log, err);
                Processed p = process(o, registry, workers, log, err);
                SetMarker.ArchiveUse archiveUse = ArchiveStep.use(o, p.fromArchive(), p.inArchive(), pub.previous());
                Made made = makeSet(o, p, pub, log, workers, exitCodes.verdict(), archiveUse, err);
                Published set = made.set();
                if (o.table() != null) {
                    // The table is in the set just published (still under the lock): its bytes, not a second rendering.
                    Files.copy(set.set().resolve(ReportSet.csvFileName(ReportSet.tableName(o.table()).orElseThrow())),
                            stdout);
                    stdout.flush();
                }
                if (o.archive() != null) {
                    ArchiveStep.archive(o, made.p().checked(), made.p().fromArchive(), log, err);
                }
                Path replaced = emptyBefore && !set.set().equals(set.out()) ? set.set() : null;
                summarize(o, err, new RunSummary(made.run(), made.verdict().code(), made.verdict().reason(),
                        since(start), o.inputs(), o.out().resolve(ReportSet.HTML), replaced));
                return made.verdict().code();
            } catch (IOException e) {
                RunFailure f = new RunFailure(o.out() + ": " + e.getMessage(), e);
                failed(log, exitCodes, f);
                throw f;
            } catch (RuntimeException | Error e) {
                failed(log, exitCodes, e);
                throw e;
            }
        } catch (IOException e) {
            throw new RunFailure(o.out() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A run that fails once its log is open ends there too: run_end with the failure's exit code and
     * its message, so a run that stopped shows how (docs/nightly.md, "Run log").
     */
    private static void failed(RunLog log, ExitCodes exitCodes, Throwable e) {
        try {
            log.runFailed(exitCodes.failure(), e instanceof RunFailure ? e.getMessage() : e.toString());
        } catch (RuntimeException | Error logFailed) {
            e.addSuppressed(logFailed);
        }
    }

    /** The set that was published, with the run, the verdict and the results it was made of. */
    private record Made(Published set, RunResult run, Verdict verdict, Processed p) {
    }

    /**
     * Writes and publishes the report set; a municipality page that fails rejects that municipality's
     * returns and the set is written again, at most {@link #MAX_PAGE_FAILURES} times.
     */
    private static Made makeSet(Options o, Processed processed, OutputPublisher pub, RunLog log, Workers workers,
            Function<List<FileResult>, Verdict> exitCode, SetMarker.ArchiveUse archiveUse, PrintWriter err)
            throws IOException {
        Processed p = processed;
        for (int failures = 0;; failures++) {
            // The snapshot serves the comparison and then history/: report.json is never read back.
            ReportSnapshot snapshot = ReportSet.historySnapshot(p.run());
            RunResult attempt = p.run().withSincePreviousRun(RunComparison.between(
                    pub.previous().flatMap(HistoryFolder::comparable), snapshot));
            Verdict v = exitCode.apply(attempt.files());
            try {
                Published set = pub.publish(folder -> {
                    ReportSet.write(attempt, folder, o.report(), workers.executor());
                    log.runEnd(v.code());
                    log.writeTo(folder.resolve("run-log.jsonl"));
                }, snapshot, archiveUse);
                return new Made(set, attempt, v, p);
            } catch (PageFailure f) {
                // One municipality's page failed: its returns are rejected and the set is written again.
                if (failures >= MAX_PAGE_FAILURES) {
                    throw new RunFailure(f.getMessage(), f);
                }
                p = withoutPage(o, p, f, log, err);
            }
        }
    }

    /** A lock left by a run that died, taken over: in the run log, and on stderr unless --quiet. */
    private static void staleLockNote(Options o, OutputPublisher pub, RunLog log, PrintWriter err) {
        pub.lock().staleTakenOver().ifPresent(h -> {
            log.event("stale_lock_taken_over", Map.of("holder", h.toString()));
            if (!o.quiet()) {
                err.println(ConsoleReporter.safe("digikunta: " + h));
            }
        });
    }

    /**
     * Most municipality pages that may fail in one run: beyond that the cause is not one file but
     * the run (memory too small for any page, say), which then fails with exit 3.
     */
    static final int MAX_PAGE_FAILURES = 5;

    /** The run with the returns behind a failed page rejected (internal-error) and the figures computed again. */
    private static Processed withoutPage(Options o, Processed p, PageFailure f, RunLog log, PrintWriter err) {
        Throwable cause = f.getCause() == null ? f : f.getCause();
        Finding reason = FindingCode.INTERNAL_ERROR.inFile(FindingCode.INTERNAL_ERROR.variant("render",
                cause.getClass().getSimpleName()));
        List<Validation.Checked> checked = new ArrayList<>();
        for (Validation.Checked c : p.checked()) {
            FileResult r = c.result();
            if (f.code().equals(r.municipalityCode())) {
                // Without a municipality code the files have no page this run: the page that failed is
                // not tried again; report.html still lists them with their outcomes.
                if (r.outcome().counts()) {
                    List<Finding> findings = new ArrayList<>(r.findings());
                    findings.add(reason);
                    r = new FileResult(r.file(), Outcome.REJECTED, null, reason.message(), findings,
                            r.findingsTruncated(), null, r.modified(), FindingCode.INTERNAL_ERROR.code());
                    log.file(r, r.reasonCode());
                    if (!o.quiet()) {
                        err.println(r.file() + ": " + reason.message().get(o.report().lang()));
                    }
                } else {
                    r = new FileResult(r.file(), r.outcome(), null, r.reason(), r.findings(), r.findingsTruncated(),
                            r.ret(), r.modified(), r.reasonCode(), null, r.language());
                }
            }
            checked.add(new Validation.Checked(c.entry(), r, c.sha256()));
        }
        List<FileResult> results = checked.stream().map(Validation.Checked::result).toList();
        RunResult run = p.run();
        SchemaRegistry registry = SchemaRegistry.load();
        List<Figures> rounds = RoundFigures.byRound(registry, o.municipalities(), results);
        Figures figures = RoundFigures.latest(registry, o.municipalities(), rounds);
        return new Processed(new RunResult(run.toolVersion(), figures.schemaVersion(), run.generatedAt(), results,
                figures, null, rounds), checked, p.fromArchive(), p.inArchive());
    }

    private static Map<String, Object> startDetails(Options o) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("inputs", o.inputs().stream().map(Path::toString).toList());
        details.put("out", o.out().toString());
        details.put("tool_version", o.toolVersion());
        return details;
    }

    /**
     * The run and, with each result, the inbox entry behind it, kept for the archive step;
     * {@code fromArchive} holds the paths of the entries read back from the archive.
     */
    private record Processed(RunResult run, List<Validation.Checked> checked, Set<Path> fromArchive, int inArchive) {
    }

    private static Processed process(Options o, SchemaRegistry registry, Workers workers, RunLog log,
            PrintWriter err) {
        InboxScan scan = new InboxScanner().scanAll(o.inputs(), new InboxOptions(o.recursive(), o.settle()));
        List<InboxEntry> entries = new ArrayList<>(scan.entries());
        Set<Path> fromArchive = new HashSet<>();
        int inArchive = 0;
        if (o.archive() != null) {
            // Archived returns still count: they are read back, under the names they had in the inbox.
            // Known as read back by the entries themselves, not by where their paths lead: a folder of
            // the archive may be a link to elsewhere.
            ArchiveReadBack.ReadBack back = ArchiveReadBack.readBackBeside(o.archive(), entries, o.rounds().lookup());
            back.entries().forEach(e -> fromArchive.add(e.path()));
            entries.addAll(back.entries());
            inArchive = back.inArchive();
        }
        ConsoleReporter console = ConsoleReporter.forStderr(err, o.report().lang(), o.quiet(), entries.size());
        scan.skipped().forEach(s -> {
            console.note(s.name() + ": " + s.reason().get(o.report().lang()));
            if (log != null) {
                log.skipped(s);
            }
        });
        List<Validation.Checked> checked = Validation.validate(entries, roundOf(o, fromArchive), registry,
                o.municipalities(), Validation.reader(), workers, o.threads() > 1, o.archive() != null,
                r -> console.tick());
        if (o.archive() != null) {
            checked = youngCorruptPending(checked);
        }
        List<FileResult> results = checked.stream().map(Validation.Checked::result).toList();
        for (FileResult r : results) {
            console.summary(r);
            if (log != null) {
                log.file(r, r.reasonCode());
            }
        }
        console.finish();
        // The headline describes the latest round; every round's figures travel with it.
        List<Figures> rounds = RoundFigures.byRound(registry, o.municipalities(), results);
        Figures figures = RoundFigures.latest(registry, o.municipalities(), rounds);
        Instant generated = o.clock().instant();
        return new Processed(new RunResult(o.toolVersion(), figures.schemaVersion(), generated, results, figures,
                null, rounds), checked, Set.copyOf(fromArchive), inArchive);
    }

    /**
     * With --archive, a file rejected as damaged that is younger than {@link InboxArchiver#CORRUPT_GRACE}
     * is pending instead: it may be a save that stalled longer than --settle, and moving it away would
     * lose the rest of the write. It stays in the inbox and is read again by the next run.
     */
    private static List<Validation.Checked> youngCorruptPending(List<Validation.Checked> checked) {
        Instant now = Instant.now();
        List<Validation.Checked> out = new ArrayList<>(checked.size());
        for (Validation.Checked c : checked) {
            FileResult r = c.result();
            if (r.outcome() == Outcome.REJECTED && InboxArchiver.youngDamaged(r.reasonCode(), r.modified(), now)) {
                r = new FileResult(r.file(), Outcome.PENDING, null,
                        Texts.message("archive.young_damaged", InboxArchiver.CORRUPT_GRACE.toMinutes()), List.of(),
                        false, null, r.modified(), null);
            }
            out.add(new Validation.Checked(c.entry(), r, c.sha256()));
        }
        return out;
    }

    /**
     * The round given each entry's inbox, for its v1 return; a return read back from the archive
     * takes the round noted when it was archived, else the {@code --round} default.
     */
    private static Function<InboxEntry, Integer> roundOf(Options o, Set<Path> fromArchive) {
        Function<InboxEntry, Integer> inbox = o.rounds().lookup();
        return e -> fromArchive.contains(e.path())
                ? InboxArchiver.inboxRound(e.path()).orElseGet(() -> inbox.apply(e)) : inbox.apply(e);
    }
}
