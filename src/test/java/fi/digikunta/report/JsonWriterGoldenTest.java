package fi.digikunta.report;

import fi.digikunta.model.RunResult;
import java.io.IOException;
import java.util.SortedMap;
import java.util.TreeMap;

/** report.json, and its snapshot (what history/ keeps and the next run compares with), uncompressed. */
class JsonWriterGoldenTest extends AbstractWriterGoldenTest {
    JsonWriterGoldenTest() {
        super("json");
    }

    @Override
    SortedMap<String, byte[]> write(RunResult run, ReportOptions options) throws IOException {
        ReportContext ctx = new ReportContext(run, options);
        SortedMap<String, byte[]> out = new TreeMap<>();
        out.put("report.json", bytes(o -> JsonReportWriter.write(ctx, o)));
        out.put("history-snapshot.json", bytes(o -> ReportSet.snapshot(run).writeJson(o)));
        return out;
    }
}
