package fi.digikunta.report;

import com.networknt.schema.JsonSchema;

/** Lets tests in other packages validate against docs/report.schema.json the same way. */
public final class JsonReportTestAccess {
    private JsonReportTestAccess() {
    }

    public static JsonSchema schema() {
        return JsonReportTest.SCHEMA;
    }
}
