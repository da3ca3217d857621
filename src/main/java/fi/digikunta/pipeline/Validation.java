package fi.digikunta.pipeline;

import fi.digikunta.inbox.InboxArchiver;
import fi.digikunta.inbox.InboxEntry;
import java.io.IOException;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.Message;
import fi.digikunta.model.Outcome;
import fi.digikunta.findings.Severity;
import fi.digikunta.read.Deadline;
import fi.digikunta.read.ReadLimits;
import fi.digikunta.read.StaxWorkbookReader;
import fi.digikunta.read.WorkbookReader;
import java.time.Duration;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.validate.Superseding;
import fi.digikunta.validate.Validated;
import fi.digikunta.validate.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import fi.digikunta.read.ReadOutcome;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads and validates many files in parallel, then applies superseding. Every entry ends with
 * exactly one result; a file that breaks the reader or the validator in any way is rejected on its
 * own (internal-error at worst) and never touches another file's result. An entry the inbox
 * rejected (a symbolic link out of the inbox or to nothing) is never opened. A file that ran out of
 * memory is read again alone once the others are done, since the memory may have been taken by
 * a hostile file read at the same time; only what still does not fit is rejected (read-limit).
 */
public final class Validation {
    private static final Message OUT_OF_MEMORY = FindingCode.READ_LIMIT.variant(ReadOutcome.MEMORY);

    private Validation() {
    }

    /**
     * The system property that sets the per-file time limit in milliseconds, for tests only (the
     * end-to-end tests of the limit would otherwise wait a minute per file); docs/reading.md.
     */
    static final String TIME_LIMIT_PROPERTY = "digikunta.test.fileTimeLimitMillis";

    /** The workbook reader of a command: the default limits, the time limit as {@link #TIME_LIMIT_PROPERTY} says. */
    static WorkbookReader reader() {
        String ms = System.getProperty(TIME_LIMIT_PROPERTY);
        ReadLimits limits = ReadLimits.DEFAULT;
        if (ms != null && ms.matches("[1-9][0-9]{0,8}")) {
            limits = limits.withTimeLimit(Duration.ofMillis(Long.parseLong(ms)));
        }
        return new StaxWorkbookReader(limits);
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
     */
    public static List<FileResult> validateAll(List<InboxEntry> entries, SchemaRegistry registry,
            MunicipalityList municipalities, WorkbookReader reader, int threads, Consumer<FileResult> onRead) {
        return validateAll(entries, e -> null, registry, municipalities, reader, threads, onRead);
    }

    /** As above, each v1 return taking the round {@code roundOf} gives its inbox (null: its fill date's year). */
    public static List<FileResult> validateAll(List<InboxEntry> entries, Function<InboxEntry, Integer> roundOf,
            SchemaRegistry registry, MunicipalityList municipalities, WorkbookReader reader, int threads) {
        return validateAll(entries, roundOf, registry, municipalities, reader, threads, r -> { });
    }

    private static List<FileResult> validateAll(List<InboxEntry> entries, Function<InboxEntry, Integer> roundOf,
            SchemaRegistry registry, MunicipalityList municipalities, WorkbookReader reader, int threads,
            Consumer<FileResult> onRead) {
        try (Workers workers = new Workers(Math.min(threads, Math.max(1, entries.size())))) {
            return validate(entries, roundOf, registry, municipalities, reader, workers, threads > 1, false, onRead)
                    .stream()
                    .map(Checked::result).toList();
        }
    }

    /**
     * One inbox entry and its result, kept together for the archive step, with the SHA-256 of the
     * file taken just before it was read (null when not read), which the archive checks at the move.
     */
    record Checked(InboxEntry entry, FileResult result, String sha256) {
    }

    /**
     * Every entry with its result, sorted by file name, on the given workers. Results are
     * superseded as they arrive, so a return that has lost is dropped at once and memory stays flat
     * however many old returns the inbox holds (see {@link Superseding.Incremental}).
     *
     * @param roundOf the round given the inbox of an entry (for a v1 return), or null
     * @param parallel whether files are read side by side (then a file out of memory is tried again alone)
     * @param hash whether to take each file's SHA-256 (only the archive step uses it; a whole extra
     *     pass over every file's bytes otherwise)
     */
    static List<Checked> validate(List<InboxEntry> entries, Function<InboxEntry, Integer> roundOf,
            SchemaRegistry registry, MunicipalityList municipalities, WorkbookReader reader, Workers workers,
            boolean parallel, boolean hash, Consumer<FileResult> onRead) {
        Validator validator = new Validator(registry, municipalities);
        Superseding.Incremental newest = new Superseding.Incremental(entries.size());
        Set<Integer> outOfMemory = ConcurrentHashMap.newKeySet();
        // The tasks hand their results over themselves, so no future holds a return once read.
        List<Future<?>> futures = new ArrayList<>(entries.size());
        String[] hashes = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            futures.add(workers.submit(() -> {
                hashes[index] = hash ? contentHash(entries.get(index)) : null;
                return put(newest, index, one(entries.get(index), roundOf, reader, validator), onRead, outOfMemory);
            }));
        }
        for (int i = 0; i < entries.size(); i++) {
            await(futures.get(i), newest, i, entries.get(i));
        }
        if (parallel && entries.size() > 1) {
            for (int i : outOfMemory.stream().sorted().toList()) {
                // Out of memory beside other files: tried once more, alone.
                await(workers.submit(() -> put(newest, i, one(entries.get(i), roundOf, reader, validator), r -> { },
                        ConcurrentHashMap.newKeySet())), newest, i, entries.get(i));
            }
        }
        List<FileResult> results;
        synchronized (newest) {
            results = newest.finish(municipalities);
        }
        List<Checked> checked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            checked.add(new Checked(entries.get(i), results.get(i), hashes[i]));
        }
        checked.sort(Comparator.comparing(c -> c.result().file()));
        return checked;
    }

    private static Object put(Superseding.Incremental newest, int i, Attempt a, Consumer<FileResult> onRead,
            Set<Integer> outOfMemory) {
        FileResult r = a.result();
        if (a.outOfMemory()) {
            outOfMemory.add(i);
        }
        onRead.accept(r);
        synchronized (newest) {
            newest.put(i, r);
        }
        return null;
    }

    private static FileResult get(Superseding.Incremental newest, int i) {
        synchronized (newest) {
            return newest.get(i);
        }
    }

    /** One file's result, and whether it ran out of memory (the reader's or the validator's). */
    record Attempt(FileResult result, boolean outOfMemory) {
        Attempt(FileResult result) {
            this(result, false);
        }
    }

    /** The file's SHA-256 as it is about to be read; null for an entry that is not read or cannot be. */
    private static String contentHash(InboxEntry e) {
        if (e.pending() || e.rejected()) {
            return null;
        }
        try {
            return InboxArchiver.sha256Hex(e.path());
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    /**
     * Whether a rejection is the run's rather than the file's: the time or memory of this run ran
     * out, or the program failed (internal-error). Read again, the same file may well pass.
     */
    static boolean notTheFiles(FileResult r) {
        if (r.outcome() != Outcome.REJECTED || r.reason() == null) {
            return false;
        }
        if (FindingCode.INTERNAL_ERROR.code().equals(r.reasonCode())) {
            return true;
        }
        return FindingCode.READ_LIMIT.code().equals(r.reasonCode()) && (r.reason().equals(OUT_OF_MEMORY)
                || r.reason().equals(FindingCode.READ_LIMIT.variant("time",
                        Deadline.after(reader().timeLimit()).seconds())));
    }

    /** One file, from path to result, without an inbox round; never throws. */
    static Attempt one(InboxEntry e, WorkbookReader reader, Validator validator) {
        return one(e, x -> null, reader, validator);
    }

    /** One file, from path to result; never throws. */
    static Attempt one(InboxEntry e, Function<InboxEntry, Integer> roundOf, WorkbookReader reader,
            Validator validator) {
        if (e.pending()) {
            return new Attempt(new FileResult(e.name(), Outcome.PENDING, null, null, List.of(), false, null, e.modified(), null));
        }
        if (e.rejected()) {
            // The inbox refused it (a symbolic link out of the inbox or to nothing): never opened.
            // Its reason is also its one finding, as for every other rejected file.
            Finding f = FindingCode.of(e.rejectCode()).orElseThrow().inFile(e.rejectReason());
            return new Attempt(new FileResult(e.name(), Outcome.REJECTED, null, e.rejectReason(), List.of(f), false,
                    null, e.modified(), e.rejectCode()));
        }
        Validated v;
        boolean outOfMemory = false;
        try {
            // One deadline for reading and validating: neither part may keep a file past the limit.
            Deadline deadline = Deadline.after(reader.timeLimit());
            ReadOutcome read = reader.read(e.path(), deadline);
            outOfMemory = read instanceof ReadOutcome.Unreadable u && u.outOfMemory();
            v = validator.validate(read, roundOf.apply(e), deadline);
        } catch (OutOfMemoryError ex) {
            outOfMemory = true;
            v = Validated.rejected(FindingCode.READ_LIMIT.inFile(OUT_OF_MEMORY));
        } catch (RuntimeException | StackOverflowError ex) {
            v = Validated.rejected(FindingCode.INTERNAL_ERROR.inFile(ex.getClass().getSimpleName()));
        }
        return new Attempt(result(e, v), outOfMemory);
    }

    static FileResult result(InboxEntry e, Validated v) {
        return new FileResult(e.name(), v.outcome(), v.municipalityCode(), v.reason(), v.findings(),
                v.findingsTruncated(), v.ret(), e.modified(), v.reasonCode(), v.round(), v.language());
    }

    /** Waits for one file's task; when the task itself failed, the file is rejected (internal-error). */
    private static void await(Future<?> f, Superseding.Incremental newest, int i, InboxEntry e) {
        try {
            Workers.await(f);
        } catch (ExecutionException ex) {
            Finding r = FindingCode.INTERNAL_ERROR.inFile(ex.getCause().getClass().getSimpleName());
            put(newest, i, new Attempt(result(e, Validated.rejected(r))), x -> { }, new java.util.HashSet<>());
        }
    }
}
