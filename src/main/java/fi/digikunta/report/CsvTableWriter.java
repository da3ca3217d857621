package fi.digikunta.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;

/** Writes a {@link Table} in a {@link CsvDialect}: header row, then one record per row. */
public final class CsvTableWriter {
    private CsvTableWriter() {
    }

    /** Writes the table to {@code out} in UTF-8 and flushes; does not close {@code out}. */
    public static void write(Table table, CsvDialect dialect, OutputStream out) throws IOException {
        Writer w = new Utf8Writer(out);
        if (dialect.bom()) {
            w.write('\uFEFF');
        }
        // The format prints each value and record end itself, as CSVPrinter does, without the
        // printer's lock per value and stream per record (services.csv of 308 returns: ~21,000 records).
        // CSVFormat's print methods are synchronized: a copy of the dialect's format per table, so that
        // tables written side by side do not wait for each other's lock (docs/performance.md).
        CSVFormat f = dialect.format().builder().get();
        record(f, w, table.columns(), name -> name);
        for (List<Object> row : table.rows()) {
            record(f, w, row, v -> cell(v, dialect));
        }
        w.flush();
    }

    private static <T> void record(CSVFormat f, Writer w, List<T> values, Function<T, String> text)
            throws IOException {
        boolean first = true;
        for (T v : values) {
            f.print(text.apply(v), w, first);
            first = false;
        }
        f.println(w);
    }

    static String cell(Object v, CsvDialect dialect) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return Text.clean(Text.neutralise(s));
        }
        if (v instanceof BigDecimal d) {
            return Num.plain(d, dialect.decimalSeparator());
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
            return v.toString();
        }
        throw new IllegalArgumentException("not a CSV cell type: " + v.getClass().getName());
    }
}
