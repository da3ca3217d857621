package fi.digikunta.pipeline;

import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.Message;
import fi.digikunta.model.Outcome;
import fi.digikunta.findings.Severity;
import fi.digikunta.read.WorkbookReader;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.validate.Superseding;
import fi.digikunta.validate.Validated;
import fi.digikunta.validate.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import fi.digikunta.model.RunFailure;

/**
 * Reads and validates many files in parallel, then applies superseding. Every entry ends with
 * exactly one result; a file that breaks the reader or the validator in any way is rejected on its
 * own (internal-error at worst) and never touches another file's result. An entry the inbox
 * rejected (a symbolic link out of the inbox or to nothing) is never opened. A file that ran out of
 * memory is read again alone once the others are done, since the memory may have been taken by
 * a hostile file read at the same time; only what still does not fit is rejected (read-limit).
 */
public final class Validation {
    private static final Message OUT_OF_MEMORY = FindingCode.READ_LIMIT.variant("memory");

    private Validation() {
    }

    /** Threads to use by default: one per core. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Results sorted by file name; pending entries pass through with outcome pending. */
    public static List<FileResult> validateAll(List<InboxEntry> entries, SchemaRegistry registry,
            MunicipalityList municipalities, WorkbookReader reader, int threads) {
        return validateAll(entries, registry, municipalities, reader, threads, r -> { });
    }

    /**
     * As above; {@code onRead} hears of each file as soon as it is read and validated (before
     * superseding, from the worker threads), e.g. to move a progress bar.
     *
     * <p>Results are superseded as they arrive, so a return that has lost is dropped at once and
     * memory stays flat however many old returns the inbox holds (see {@link Superseding.Incremental}).
     */
    public static List<FileResult> validateAll(List<InboxEntry> entries, SchemaRegistry registry,
            MunicipalityList municipalities, WorkbookReader reader, int threads, Consumer<FileResult> onRead) {
        Validator validator = new Validator(registry, municipalities);
        if (entries.isEmpty()) {
            return new ArrayList<>();
        }
        Superseding.Incremental newest = new Superseding.Incremental(entries.size());
        int n = Math.max(1, Math.min(threads, entries.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "digikunta-validate");
            t.setDaemon(true);
            return t;
        });
        try {
            // The tasks hand their results over themselves, so no future holds a return once read.
            List<Future<?>> futures = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                int index = i;
                InboxEntry e = entries.get(i);
                futures.add(pool.submit(() -> {
                    FileResult r = one(e, reader, validator);
                    onRead.accept(r);
                    synchronized (newest) {
                        newest.put(index, r);
                    }
                }));
            }
            for (int i = 0; i < entries.size(); i++) {
                FileResult failed = await(futures.get(i), entries.get(i));
                if (failed != null) {
                    synchronized (newest) {
                        newest.put(i, failed);
                    }
                }
            }
            for (int i = 0; i < entries.size(); i++) {
                FileResult first;
                synchronized (newest) {
                    first = newest.get(i);
                }
                if (n > 1 && outOfMemory(first)) {
                    // Out of memory beside other files: tried once more, alone.
                    InboxEntry e = entries.get(i);
                    FileResult again = awaitResult(pool.submit(() -> one(e, reader, validator)), e);
                    synchronized (newest) {
                        newest.put(i, again);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<FileResult> results;
        synchronized (newest) {
            results = newest.finish(municipalities);
        }
        results.sort(Comparator.comparing(FileResult::file));
        return results;
    }

    /** One file, from path to result; never throws. */
    static FileResult one(InboxEntry e, WorkbookReader reader, Validator validator) {
        if (e.pending()) {
            return new FileResult(e.name(), Outcome.PENDING, null, null, List.of(), false, null, e.modified(), null);
        }
        if (e.rejected()) {
            // The inbox refused it (a symbolic link out of the inbox or to nothing): never opened.
            // Its reason is also its one finding, as for every other rejected file.
            Finding f = FindingCode.of(e.rejectCode()).orElseThrow().inFile(e.rejectReason());
            return new FileResult(e.name(), Outcome.REJECTED, null, e.rejectReason(), List.of(f), false, null,
                    e.modified(), e.rejectCode());
        }
        Validated v;
        try {
            v = validator.validate(reader.read(e.path()));
        } catch (OutOfMemoryError ex) {
            v = Validated.rejected(FindingCode.READ_LIMIT.inFile(OUT_OF_MEMORY));
        } catch (RuntimeException | StackOverflowError ex) {
            v = Validated.rejected(FindingCode.INTERNAL_ERROR.inFile(ex.getClass().getSimpleName()));
        }
        return result(e, v);
    }

    /** Whether the file was rejected for running out of memory (by the reader or while validating). */
    static boolean outOfMemory(FileResult r) {
        return FindingCode.READ_LIMIT.code().equals(r.reasonCode()) && OUT_OF_MEMORY.equals(r.reason());
    }

    static FileResult result(InboxEntry e, Validated v) {
        return new FileResult(e.name(), v.outcome(), v.municipalityCode(), v.reason(), v.findings(),
                v.findingsTruncated(), v.ret(), e.modified(), v.reasonCode());
    }

    /** Waits for one file's result; internal-error when the task itself failed. */
    private static FileResult awaitResult(Future<FileResult> f, InboxEntry e) {
        try {
            return f.get();
        } catch (ExecutionException ex) {
            Finding r = FindingCode.INTERNAL_ERROR.inFile(ex.getCause().getClass().getSimpleName());
            return result(e, Validated.rejected(r));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new RunFailure("interrupted", ex);
        }
    }

    /** Waits for one task; the file's result when the task itself failed, else null (it put its own). */
    private static FileResult await(Future<?> f, InboxEntry e) {
        try {
            f.get();
            return null;
        } catch (ExecutionException ex) {
            Finding r = FindingCode.INTERNAL_ERROR.inFile(ex.getCause().getClass().getSimpleName());
            return result(e, Validated.rejected(r));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new RunFailure("interrupted", ex);
        }
    }
}
