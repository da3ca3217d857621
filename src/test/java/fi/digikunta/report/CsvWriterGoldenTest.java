package fi.digikunta.report;

import fi.digikunta.model.RunResult;
import java.io.IOException;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every CSV table, in the scenario's dialect and language. */
class CsvWriterGoldenTest extends AbstractWriterGoldenTest {
    CsvWriterGoldenTest() {
        super("csv");
    }

    @Override
    SortedMap<String, byte[]> write(RunResult run, ReportOptions options) throws IOException {
        Tables tables = new Tables(new ReportContext(run, options));
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (String name : Tables.NAMES) {
            out.put(name + ".csv", bytes(o -> CsvTableWriter.write(tables.table(name), options.csvDialect(), o)));
        }
        return out;
    }
}
