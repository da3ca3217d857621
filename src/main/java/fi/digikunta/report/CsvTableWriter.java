package fi.digikunta.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

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
        CSVPrinter p = new CSVPrinter(w, dialect.format());
        p.printRecord(table.columns());
        List<String> cells = new ArrayList<>(table.columns().size());
        for (List<Object> row : table.rows()) {
            cells.clear();
            for (Object v : row) {
                cells.add(cell(v, dialect));
            }
            p.printRecord(cells);
        }
        p.flush();
        w.flush();
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
