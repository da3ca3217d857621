package fi.digikunta.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import fi.digikunta.history.ReportSnapshot;
import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.RunResult;
import fi.digikunta.model.Savings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link ReportSnapshot} of a run's report.json made from the run itself: what reading the
 * written report.json back gives (same order, same texts, numbers rounded by {@link Num} as
 * there), without rendering and parsing the document. {@code ReportSetTest} holds the two equal.
 */
final class CoreSnapshot {
    private CoreSnapshot() {
    }

    static ReportSnapshot of(RunResult run, boolean withModified) {
        // The order of report.json: files by name, municipalities by code (ReportContext's sorting).
        List<FileResult> fs = new ArrayList<>(run.files());
        fs.sort(Comparator.comparing(FileResult::file));
        Map<String, ReportSnapshot.FileRow> files = new LinkedHashMap<>();
        for (FileResult f : fs) {
            String name = Text.clean(f.file());
            files.put(name, new ReportSnapshot.FileRow(name, f.outcome().id(), f.municipalityCode(),
                    f.round(), f.reason() == null ? null : f.reasonCode(),
                    withModified && f.modified() != null ? f.modified().toString() : null));
        }
        List<MunicipalityFigures> ms = new ArrayList<>(run.figures().municipalities());
        ms.sort(Comparator.comparing(MunicipalityFigures::code));
        Map<String, ReportSnapshot.MunicipalityRow> municipalities = new LinkedHashMap<>();
        for (MunicipalityFigures m : ms) {
            Map<String, ReportSnapshot.AreaRow> areas = new LinkedHashMap<>();
            for (AreaFigures a : m.areas()) {
                if (a.area() != null) {
                    areas.put(a.area(), new ReportSnapshot.AreaRow(a.area(), ReportSnapshot.number(Num.share(a.index())),
                            IntNode.valueOf(a.level()), savings(a.savings())));
                }
            }
            // Every headline row is of the run's latest round, as report.json writes it.
            municipalities.put(m.code(), new ReportSnapshot.MunicipalityRow(m.code(), run.figures().round(),
                    ReportSnapshot.number(Num.share(m.index())), IntNode.valueOf(m.level()), savings(m.savings()),
                    areas));
        }
        return new ReportSnapshot(run.generatedAt() == null ? null : run.generatedAt().toString(), files,
                municipalities);
    }

    /** A savings object as {@link JsonReportWriter#savings} writes it. */
    private static JsonNode savings(Savings s) {
        if (s == null) {
            return null;
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        fields.put("realised_net", ReportSnapshot.number(Num.euro(s.realisedNet())));
        fields.put("potential_net", ReportSnapshot.number(Num.euro(s.potentialNet())));
        fields.put("target", ReportSnapshot.number(Num.euro(s.target())));
        fields.put("computable_in_use", IntNode.valueOf(s.computableInUse()));
        return ReportSnapshot.object(fields);
    }
}
