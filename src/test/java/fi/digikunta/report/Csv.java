package fi.digikunta.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Parses the CSV the writers produce, the way an analyst's tool would. */
final class Csv {
    final List<String> header;
    final List<CSVRecord> rows;

    private Csv(List<String> header, List<CSVRecord> rows) {
        this.header = header;
        this.rows = rows;
    }

    static Csv parse(byte[] bytes, CsvDialect d) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (d.bom()) {
            if (!text.startsWith("\uFEFF")) {
                throw new AssertionError("no BOM");
            }
            text = text.substring(1);
        }
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text))
                .setFormat(d.format().builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return new Csv(p.getHeaderNames(), p.getRecords());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Csv of(Map<String, byte[]> out, String table, CsvDialect d) {
        return parse(out.get(table + ".csv"), d);
    }

    List<CSVRecord> where(Predicate<CSVRecord> p) {
        List<CSVRecord> r = new ArrayList<>();
        rows.stream().filter(p).forEach(r::add);
        return r;
    }

    CSVRecord one(Predicate<CSVRecord> p) {
        List<CSVRecord> r = where(p);
        if (r.size() != 1) {
            throw new AssertionError("expected one row, got " + r.size());
        }
        return r.get(0);
    }
}
