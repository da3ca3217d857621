package fi.digikunta.testing;

import fi.digikunta.report.CsvDialect;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Parses the CSV the program writes, the way an analyst's tool would: a header line, then rows. */
public final class CsvTable {
    public final List<String> header;
    public final List<CSVRecord> rows;

    private CsvTable(List<String> header, List<CSVRecord> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** The records of CSV text, the header handled as {@code format} says. */
    public static List<CSVRecord> records(String text, CSVFormat format) {
        return parser(text, format, CSVParser::getRecords);
    }

    /** A table of CSV text whose first line is the header. */
    public static CsvTable parse(String text, CSVFormat format) {
        return parser(text, format.builder().setHeader().setSkipHeaderRecord(true).get(),
                p -> new CsvTable(p.getHeaderNames(), p.getRecords()));
    }

    /** A table written in a dialect: UTF-8, starting with a BOM exactly when the dialect writes one. */
    public static CsvTable parse(byte[] bytes, CsvDialect d) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (d.bom()) {
            if (!text.startsWith("\uFEFF")) {
                throw new AssertionError("no BOM");
            }
            text = text.substring(1);
        }
        return parse(text, d.format());
    }

    /** The table {@code <table>.csv} of rendered reports. */
    public static CsvTable of(Map<String, byte[]> out, String table, CsvDialect d) {
        return parse(out.get(table + ".csv"), d);
    }

    /** A table file in the default dialect (RFC 4180, UTF-8, no BOM). */
    public static CsvTable read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), CSVFormat.RFC4180);
    }

    /** The values of one column, in row order. */
    public List<String> column(String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    public List<CSVRecord> where(Predicate<CSVRecord> p) {
        return rows.stream().filter(p).toList();
    }

    public CSVRecord one(Predicate<CSVRecord> p) {
        List<CSVRecord> r = where(p);
        if (r.size() != 1) {
            throw new AssertionError("expected one row, got " + r.size());
        }
        return r.get(0);
    }

    private interface Reading<T> {
        T from(CSVParser p) throws IOException;
    }

    private static <T> T parser(String text, CSVFormat format, Reading<T> reading) {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            return reading.from(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
