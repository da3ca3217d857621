package fi.digikunta.report;

import fi.digikunta.model.RunResult;
import java.util.SortedMap;
import java.util.TreeMap;

/** report.html in the scenario's language and every municipality page in its own. */
class HtmlWriterGoldenTest extends AbstractWriterGoldenTest {
    HtmlWriterGoldenTest() {
        super("html");
    }

    @Override
    SortedMap<String, byte[]> write(RunResult run, ReportOptions options) {
        ReportContext ctx = new ReportContext(run, options);
        HtmlReportWriter html = new HtmlReportWriter(options);
        SortedMap<String, byte[]> out = new TreeMap<>();
        out.put("report.html", html.render(HtmlReportWriter.NATIONAL, HtmlModel.national(ctx, html.texts())));
        for (String code : HtmlModel.pageCodes(ctx)) {
            out.put("municipalities/" + code + ".html", html.render(HtmlReportWriter.MUNICIPALITY,
                    HtmlModel.municipality(ctx, html.pageTexts(ctx.pageLang(code)), ctx.pageLang(code), code)));
        }
        return out;
    }
}
