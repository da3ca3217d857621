package fi.digikunta.report;

import fi.digikunta.model.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code digikunta validate} prints for the run's files: the JSON document and the text
 * summary in the scenario's language, and the stderr line of each file during a run. Line ends
 * are the platform's there, so they are compared as LF.
 */
class ValidateWriterGoldenTest extends AbstractWriterGoldenTest {
    ValidateWriterGoldenTest() {
        super("validate");
    }

    @Override
    SortedMap<String, byte[]> write(RunResult run, ReportOptions options) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        out.put("validate.json", lf(ValidateReport.json(run.files(), run.toolVersion(), run.schemaVersion())));
        StringWriter text = new StringWriter();
        try (PrintWriter w = new PrintWriter(text)) {
            ValidateReport.text(run.files(), options.lang(), w);
        }
        out.put("validate.txt", lf(text.toString()));
        StringBuilder lines = new StringBuilder();
        run.files().forEach(f -> lines.append(ConsoleReporter.summaryLine(f, options.lang())).append('\n'));
        out.put("console.txt", lf(lines.toString()));
        return out;
    }

    private static byte[] lf(String s) {
        return s.replace(System.lineSeparator(), "\n").getBytes(StandardCharsets.UTF_8);
    }
}
