package fi.digikunta.report;

import fi.digikunta.history.ReportSnapshot;
import fi.digikunta.model.RunFailure;
import fi.digikunta.model.RunResult;
import fi.digikunta.schema.Lang;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every report of one run: the CSV tables, report.json, report.html and one page per municipality.
 * The one entry point of the report stage. Output is a pure function of the {@link RunResult} and
 * {@link ReportOptions}: the same input gives the same bytes.
 *
 * <pre>
 * ReportSet.write(result, outDir, options);                   // every file
 * ReportSet.writeTable(result, "areas", options, System.out); // one CSV table, for --table NAME
 * ReportSet.render(result, options);                          // path -&gt; bytes, e.g. for golden tests
 * </pre>
 */
public final class ReportSet {
    public static final String JSON = "report.json";
    /** The Frictionless Data Package descriptor of the CSV tables. */
    public static final String DATA_PACKAGE = DataPackage.FILE;
    public static final String HTML = "report.html";
    public static final String MUNICIPALITY_DIR = "municipalities";

    private ReportSet() {
    }

    /** The table names {@link #writeTable} takes, in the order they are written and documented. */
    public static List<String> tableNames() {
        return Tables.NAMES;
    }

    /** The file a table is written to, e.g. "areas.csv". */
    public static String csvFileName(String table) {
        return table + ".csv";
    }

    /**
     * Renders every output in memory. Keys are paths relative to the output folder with forward
     * slashes ("areas.csv", "report.json", "municipalities/091.html"), sorted.
     */
    public static SortedMap<String, byte[]> render(RunResult run, ReportOptions options) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (Output o : plan(new ReportContext(run, options), options).outputs()) {
            out.put(o.name(), bytes(o.body()));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * What the comparison with the next run reads from this run's report.json ({@link ReportSnapshot}),
     * made from the run without rendering the document: equal to reading report.json back.
     */
    public static ReportSnapshot snapshot(RunResult run) {
        return CoreSnapshot.of(run, false);
    }

    /**
     * As {@link #snapshot}, with each file's modification time, which history keeps (report.json does
     * not) so that the next run knows a file under another name for the same file.
     */
    public static ReportSnapshot historySnapshot(RunResult run) {
        return CoreSnapshot.of(run, true);
    }

    /** One output file: its path relative to the output folder, and what writes its bytes. */
    private record Output(String name, Body body) {
    }

    /** Every output, and the HTML writer they share (made by the first task that needs it). */
    private record Plan(List<Output> outputs, HtmlWriter html) {
    }

    /**
     * The HTML writer, made once by whichever thread first asks. Building Freemarker's configuration
     * takes about 0.1 s in a cold JVM: {@link #write} starts it first, on a worker beside the CSV and
     * JSON files, instead of on the caller's thread before any file is started.
     */
    private static final class HtmlWriter {
        private final ReportOptions options;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<HtmlReportWriter> writer = new CompletableFuture<>();

        HtmlWriter(ReportOptions options) {
            this.options = options;
        }

        /** Builds the writer on this thread unless another thread has begun to. */
        void prepare() {
            if (started.compareAndSet(false, true)) {
                try {
                    writer.complete(new HtmlReportWriter(options));
                } catch (Throwable e) {
                    // Every failure, an Error too, reaches each task that waits for the writer.
                    writer.completeExceptionally(e);
                }
            }
        }

        /** The writer; a failure to build it is thrown as the constructor threw it. */
        HtmlReportWriter get() {
            prepare();
            return await(writer);
        }
    }

    /** Every output, in the order {@link #write} starts them: the largest first, then one page each. */
    private static Plan plan(ReportContext ctx, ReportOptions options) {
        List<Output> out = new ArrayList<>();
        Tables tables = new Tables(ctx);
        for (String name : Tables.NAMES) {
            out.add(new Output(csvFileName(name),
                    o -> CsvTableWriter.write(tables.table(name), options.csvDialect(), o)));
        }
        out.add(new Output(DataPackage.FILE, o -> DataPackage.write(tables, options.csvDialect(), o)));
        out.add(new Output(JSON, o -> JsonReportWriter.write(ctx, o)));
        HtmlWriter writer = new HtmlWriter(options);
        out.add(new Output(HTML, o -> {
            HtmlReportWriter html = writer.get();
            html.render(HtmlReportWriter.NATIONAL, HtmlModel.national(ctx, html.texts()),
                    MapSection.national(ctx, html.texts()), TrendSection.national(ctx, html.texts()), o);
        }));
        for (String code : HtmlModel.pageCodes(ctx)) {
            out.add(new Output(MUNICIPALITY_DIR + "/" + code + ".html", o -> page(writer.get(), ctx, code, o)));
        }
        return new Plan(out, writer);
    }

    /** One municipality's page; what fails in it, short of a template error, is that municipality's. */
    private static void page(HtmlReportWriter html, ReportContext ctx, String code, OutputStream o) {
        try {
            Lang lang = ctx.pageLang(code);
            html.render(HtmlReportWriter.MUNICIPALITY, HtmlModel.municipality(ctx, html.pageTexts(lang), lang, code),
                    MapSection.locator(ctx, code, lang), TrendSection.municipality(ctx, html.pageTexts(lang), lang, code),
                    o);
        } catch (RunFailure e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new PageFailure(code, e);
        }
    }

    /**
     * Writes every output into {@code dir} on this thread.
     *
     * @see #write(RunResult, Path, ReportOptions, Executor)
     */
    public static List<String> write(RunResult run, Path dir, ReportOptions options) {
        return write(run, dir, options, Runnable::run);
    }

    /**
     * Writes every output into {@code dir} (created if missing), replacing files of the same name.
     * Other files in {@code dir} are left alone: publishing into a fresh folder is the caller's job.
     * Each file is streamed to disk as it is rendered, files side by side on the caller's
     * {@code workers}; the bytes are those of {@link #render} however many threads there are.
     *
     * @return the paths written, relative to {@code dir}, sorted
     * @throws RunFailure naming the path when the folder or a file cannot be written
     */
    public static List<String> write(RunResult run, Path dir, ReportOptions options, Executor workers) {
        try {
            Files.createDirectories(dir.resolve(MUNICIPALITY_DIR));
        } catch (IOException e) {
            throw new RunFailure("tuloskansiota ei voi luoda / cannot create output folder: " + dir + " ("
                    + e.getMessage() + ")", e);
        }
        Plan plan = plan(new ReportContext(run, options), options);
        List<Output> outputs = plan.outputs();
        List<CompletableFuture<Void>> futures = new ArrayList<>(outputs.size() + 1);
        futures.add(CompletableFuture.runAsync(plan.html()::prepare, workers));
        for (Output o : outputs) {
            futures.add(CompletableFuture.runAsync(() -> writeFile(dir.resolve(o.name()), o.body()), workers));
        }
        // Every file is waited for before the first failure is thrown, so none is still writing into
        // a staging folder that the publisher then removes.
        RuntimeException first = null;
        Error firstError = null;
        for (CompletableFuture<Void> f : futures) {
            try {
                await(f);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            } catch (Error e) {
                firstError = firstError == null ? e : firstError;
            }
        }
        if (firstError != null) {
            throw firstError;
        }
        if (first != null) {
            throw first;
        }
        List<String> names = new ArrayList<>();
        outputs.forEach(o -> names.add(o.name()));
        Collections.sort(names);
        return List.copyOf(names);
    }

    private static void writeFile(Path p, Body body) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            body.write(out);
        } catch (IOException ex) {
            throw new RunFailure("tiedostoa ei voi kirjoittaa / cannot write file: " + p + " ("
                    + ex.getMessage() + ")", ex);
        }
    }

    /** Waits for one task (a file, the HTML writer); its failure is thrown as if it had run on this thread. */
    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Writes one CSV table to {@code out} (for {@code run --table NAME}) and flushes it; does not
     * close it.
     *
     * @param table one of {@link #tableNames()}; a trailing ".csv" is accepted
     * @throws IllegalArgumentException for an unknown table, naming the known ones
     */
    public static void writeTable(RunResult run, String table, ReportOptions options, OutputStream out) {
        String name = tableName(table).orElseThrow(() -> new IllegalArgumentException("'" + table + "': "
                + String.join(", ", Tables.NAMES)));
        Table t = new Tables(new ReportContext(run, options)).table(name);
        try {
            CsvTableWriter.write(t, options.csvDialect(), out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table a {@code --table} value names ("areas" or "areas.csv"), or empty when there is none. */
    public static Optional<String> tableName(String table) {
        String name = table.endsWith(".csv") ? table.substring(0, table.length() - 4) : table;
        return Tables.NAMES.contains(name) ? Optional.of(name) : Optional.empty();
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] bytes(Body body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            body.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }
}
