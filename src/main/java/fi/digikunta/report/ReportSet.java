package fi.digikunta.report;

import fi.digikunta.pipeline.RunFailure;
import fi.digikunta.pipeline.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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
        ReportContext ctx = new ReportContext(run, options);
        SortedMap<String, byte[]> out = new TreeMap<>();
        Tables tables = new Tables(ctx);
        for (String name : Tables.NAMES) {
            out.put(csvFileName(name), bytes(o -> CsvTableWriter.write(tables.table(name), options.csvDialect(), o)));
        }
        out.put(JSON, bytes(o -> JsonReportWriter.write(ctx, o)));
        HtmlReportWriter html = new HtmlReportWriter(options);
        out.put(HTML, html.render(HtmlReportWriter.NATIONAL, HtmlModel.national(ctx, html.texts())));
        for (String code : HtmlModel.pageCodes(ctx)) {
            out.put(MUNICIPALITY_DIR + "/" + code + ".html",
                    html.render(HtmlReportWriter.MUNICIPALITY, HtmlModel.municipality(ctx, html.texts(), code)));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * Renders report.json alone, as {@link #render} would (e.g. to compare it with the previous run's
     * before the whole set is written).
     */
    public static byte[] renderJson(RunResult run, ReportOptions options) {
        ReportContext ctx = new ReportContext(run, options);
        return bytes(o -> JsonReportWriter.write(ctx, o));
    }

    /**
     * Writes every output into {@code dir} (created if missing), replacing files of the same name.
     * Other files in {@code dir} are left alone: publishing into a fresh folder is the caller's job.
     *
     * @return the paths written, relative to {@code dir}, sorted
     * @throws RunFailure naming the path when the folder or a file cannot be written
     */
    public static List<String> write(RunResult run, Path dir, ReportOptions options) {
        SortedMap<String, byte[]> files = render(run, options);
        try {
            Files.createDirectories(dir.resolve(MUNICIPALITY_DIR));
        } catch (IOException e) {
            throw new RunFailure("tuloskansiota ei voi luoda / cannot create output folder: " + dir + " ("
                    + e.getMessage() + ")", e);
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            try {
                Files.write(p, e.getValue());
            } catch (IOException ex) {
                throw new RunFailure("tiedostoa ei voi kirjoittaa / cannot write file: " + p + " ("
                        + ex.getMessage() + ")", ex);
            }
        }
        return List.copyOf(files.keySet());
    }

    /**
     * Writes one CSV table to {@code out} (for {@code run --table NAME}) and flushes it; does not
     * close it.
     *
     * @param table one of {@link #tableNames()}; a trailing ".csv" is accepted
     * @throws IllegalArgumentException for an unknown table, naming the known ones
     */
    public static void writeTable(RunResult run, String table, ReportOptions options, OutputStream out) {
        String name = table.endsWith(".csv") ? table.substring(0, table.length() - 4) : table;
        if (!Tables.NAMES.contains(name)) {
            throw new IllegalArgumentException("'" + table + "': " + String.join(", ", Tables.NAMES));
        }
        Table t = new Tables(new ReportContext(run, options)).table(name);
        try {
            CsvTableWriter.write(t, options.csvDialect(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
