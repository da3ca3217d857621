package fi.digikunta.report;

import com.fasterxml.jackson.databind.JsonNode;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.SincePreviousRun;
import fi.digikunta.report.HtmlModel.Since;
import fi.digikunta.report.HtmlModel.SinceFigure;
import fi.digikunta.report.HtmlModel.SinceFile;
import fi.digikunta.report.HtmlModel.SinceMunicipality;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the "since the previous run" section of report.html from the run's comparison. */
final class SinceSection {
    private SinceSection() {
    }

    /** The section, or null when the run has none (no output folder). */
    static Since model(ReportContext ctx, Map<String, String> t) {
        SincePreviousRun s = ctx.run.sincePreviousRun();
        if (s == null) {
            return null;
        }
        Fmt f = new Fmt(ctx.options.lang());
        Set<String> pages = HtmlModel.pageCodes(ctx);
        Map<String, String> names = new LinkedHashMap<>();
        ctx.municipalities.forEach(m -> names.put(m.code(), HtmlModel.municipalityName(ctx, m)));
        List<SinceMunicipality> changed = new ArrayList<>();
        for (SincePreviousRun.MunicipalityChange m : s.changedFigures()) {
            // A municipality that is new, gone or of a new round shows its own figures only; its areas are on its page.
            boolean own = !"changed".equals(m.status());
            List<SinceFigure> figures = m.changes().stream().filter(c -> !own || c.area() == null)
                    .map(c -> figure(ctx, t, f, c)).toList();
            changed.add(new SinceMunicipality(m.code(), names.get(m.code()),
                    pages.contains(m.code()) ? HtmlModel.href(m.code(), "") : null,
                    t.getOrDefault("since_status_" + m.status(), m.status()), m.status(), figures));
        }
        // The headline moved to another round: said once, since it explains the lists below.
        String roundMoved = s.round() == null || s.previousRound() == null || s.round().equals(s.previousRound())
                ? null : Letter.fill(t.get("since_round_moved"), s.round(), s.previousRound())
                + " " + Letter.fill(t.get(s.round() > s.previousRound() ? "since_round_moved_on" : "since_round_moved_back"),
                        s.round());
        boolean none = !s.firstRun() && !s.previousUnreadable() && s.newReturns().isEmpty()
                && s.supersededReturns().isEmpty() && s.newlyRejected().isEmpty() && s.changedFigures().isEmpty()
                && roundMoved == null;
        return new Since(s.firstRun(), s.previousUnreadable(),
                HtmlModel.time(s.previousGeneratedAt(), ctx.options.lang()), roundMoved,
                files(ctx, t, pages, s.newReturns()), files(ctx, t, pages, s.supersededReturns()),
                files(ctx, t, pages, s.newlyRejected()), changed, none,
                changed.stream().anyMatch(m -> !"changed".equals(m.statusId())));
    }

    private static List<SinceFile> files(ReportContext ctx, Map<String, String> t, Set<String> pages,
            List<SincePreviousRun.FileChange> changes) {
        List<SinceFile> out = new ArrayList<>();
        for (SincePreviousRun.FileChange c : changes) {
            FileResult now = ctx.file(c.file()).orElse(null);
            String reason = now == null || now.reason() == null ? null : Text.clean(now.reason().get(ctx.options.lang()));
            String code = c.municipalityCode();
            out.add(new SinceFile(Text.clean(c.file()), code, ctx.municipalityName(code, ctx.options.lang()),
                    code != null && pages.contains(code)
                    ? HtmlModel.href(code, "") : null, outcomeLabel(t, c.outcome()), c.outcome(),
                    c.previousOutcome() == null ? t.get("since_not_before") : outcomeLabel(t, c.previousOutcome()),
                    reason, c.reasonCode()));
        }
        return out;
    }

    private static String outcomeLabel(Map<String, String> t, String id) {
        return id == null ? Fmt.NONE : t.getOrDefault("outcome_" + id, id);
    }

    private static SinceFigure figure(ReportContext ctx, Map<String, String> t, Fmt f,
            SincePreviousRun.FigureChange c) {
        String key = c.field().startsWith("savings.") ? c.field().substring("savings.".length()) : c.field();
        String label = t.getOrDefault("since_field_" + key, c.field());
        String area = c.area() == null ? t.get("since_whole") : HtmlModel.areaName(ctx, c.area());
        String before = value(ctx, f, c.field(), c.before(), false);
        String after = value(ctx, f, c.field(), c.after(), false);
        if (before.equals(after)) {
            // A change below the shown precision: show both as report.json has them.
            before = value(ctx, f, c.field(), c.before(), true);
            after = value(ctx, f, c.field(), c.after(), true);
        }
        return new SinceFigure(label, area, before, after);
    }

    /** A figure as the rest of the report shows it (index 1 decimal, whole euros, level with its name). */
    static String value(ReportContext ctx, Fmt f, String field, JsonNode v, boolean exact) {
        if (v == null || v.isNull()) {
            return Fmt.NONE;
        }
        if (!v.isNumber()) {
            return Text.clean(v.asText());
        }
        BigDecimal d = v.decimalValue();
        if (exact) {
            return f.exact(d);
        }
        switch (field) {
            case "index":
                return f.dec1(d.doubleValue());
            case "level":
                int l = d.intValue();
                return ctx.levels().contains(l) && d.compareTo(BigDecimal.valueOf(l)) == 0
                        ? l + " " + ctx.levelName(l) : f.exact(d);
            case "savings.computable_in_use":
                return f.exact(d);
            default:
                return field.startsWith("savings.") ? f.euro(d.doubleValue()) : f.exact(d);
        }
    }
}
