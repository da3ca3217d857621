package fi.digikunta.report;

import fi.digikunta.model.RunResult;
import java.io.IOException;
import java.util.SortedMap;
import java.util.TreeMap;

/** report.json, and its core (what the next run compares with). */
class JsonWriterGoldenTest extends AbstractWriterGoldenTest {
    JsonWriterGoldenTest() {
        super("json");
    }

    @Override
    SortedMap<String, byte[]> write(RunResult run, ReportOptions options) throws IOException {
        ReportContext ctx = new ReportContext(run, options);
        SortedMap<String, byte[]> out = new TreeMap<>();
        out.put("report.json", bytes(o -> JsonReportWriter.write(ctx, o)));
        out.put("report-core.json", bytes(o -> JsonReportWriter.writeCore(ctx, o)));
        return out;
    }
}
