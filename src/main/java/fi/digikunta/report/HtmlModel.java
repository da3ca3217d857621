package fi.digikunta.report;

import fi.digikunta.findings.Texts;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.Outcome;
import fi.digikunta.schema.Lang;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the HTML templates see: plain records of display strings (formatted by {@link Fmt}, in the
 * report language) and of the raw numbers the SVG charts need. All text from workbooks passes
 * through {@link Text#clean}; escaping is the templates' auto-escaping (.ftlh). The records and
 * the formatting both pages share live here; {@link NationalPage}, {@link SinceSection} and
 * {@link MunicipalityPage} build the pages.
 */
public final class HtmlModel {
    /** Municipality codes that may name a page file; anything else gets no page (never a path from text). */
    static final Pattern CODE = Pattern.compile("[0-9]{3}");
    static final int SERVICES_SHOWN = 10;
    /** Report times are Finnish local time, written the Finnish and Swedish way (or English). */
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final Map<Lang, DateTimeFormatter> TIME = Map.of(
            Lang.FI, DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm").withZone(HELSINKI),
            Lang.SV, DateTimeFormatter.ofPattern("d.M.yyyy 'kl.' H.mm").withZone(HELSINKI),
            Lang.EN, DateTimeFormatter.ofPattern("d.M.yyyy 'at' H:mm '(Finnish time)'").withZone(HELSINKI));

    private HtmlModel() {
    }

    public record Run(String toolVersion, String schemaVersion, String generatedAt) {
    }

    public record Headline(int respondents, int referenceCount, String responseRate, String populationCovered,
            String populationShare, String index, Integer level, String levelName, String realised,
            String potential, String target, int computableInUse) {
    }

    /** One row of a spread chart: national distribution, and optionally one municipality's value. */
    public record SpreadRow(String code, String name, int n, Double min, Double p25, Double median, Double p75,
            Double max, Double mean, Double value, String minText, String p25Text, String medianText,
            String p75Text, String maxText, String meanText, String valueText) {
    }

    public record LevelSegment(int level, String name, int count, double share) {
    }

    public record LevelRow(String code, String name, int total, List<LevelSegment> segments) {
    }

    public record LevelName(int level, String name) {
    }

    public record ServiceShare(String id, String area, String name, double inUse, String inUseText,
            String plannedText, String meanDepthText, String meanUsageText) {
    }

    public record Region(String name, int respondents, String meanIndex) {
    }

    public record MunicipalityRow(String code, String name, String region, String population, String index,
            int level, String levelName, String realised, String potential, String outcome, int errors,
            int warnings, String href) {
    }

    public record FileRow(String file, String outcome, String outcomeId, String municipalityCode,
            String municipalityName, String reason, String reasonCode, String href) {
    }

    public record National(String lang, Map<String, String> t, Run run, Headline headline, List<SpreadRow> spread,
            List<LevelRow> levels, List<LevelName> levelNames, List<ServiceShare> fastest,
            List<ServiceShare> slowest, List<Region> regions, List<MunicipalityRow> municipalities,
            List<FileRow> notCounted, int fileCount, int countedFiles, Since since) {
    }

    /**
     * The "since the previous run" section; null when the run has none (no output folder).
     *
     * @param previousGeneratedAt the previous report's time as shown, or null
     * @param noChanges true when the runs were compared and every list is empty
     * @param roundMoved a sentence saying the headline is of another round than in the previous run, or null
     * @param ownFiguresOnly true when some municipality (new, gone, round changed) shows only its own figures
     */
    public record Since(boolean firstRun, boolean previousUnreadable, String previousGeneratedAt, String roundMoved,
            List<SinceFile> newReturns, List<SinceFile> superseded, List<SinceFile> newlyRejected,
            List<SinceMunicipality> changedFigures, boolean noChanges, boolean ownFiguresOnly) {
    }

    /** One file of a since list; previousOutcome is the label of the earlier outcome, or "not there before". */
    public record SinceFile(String file, String municipalityCode, String municipalityName, String href, String outcome, String outcomeId,
            String previousOutcome, String reason, String reasonCode) {
    }

    /** One municipality's changed figures; statusId is new, gone, changed or round_changed. */
    public record SinceMunicipality(String code, String name, String href, String status, String statusId,
            List<SinceFigure> changes) {
    }

    /** One figure, old and new value as shown; area is the area's name or "whole municipality". */
    public record SinceFigure(String field, String area, String before, String after) {
    }

    public record AreaRow(String code, String name, int inUse, int planned, int notAdopted, int unanswered,
            String coverage, String depth, String usage, String index, int level, String levelName,
            String nationalMedian, String realised, String potential, String target, int computableInUse) {
    }

    public record StageCell(String css, String symbol, String label) {
    }

    public record ServiceLine(String id, String name, boolean own, String statusCss, String statusSymbol,
            String status, List<StageCell> stages, String usage, String realised, String potential,
            String system) {
    }

    public record AreaServices(String code, String name, List<ServiceLine> services) {
    }

    public record StageHeader(String code, String label) {
    }

    /**
     * One line of the fix list: one finding, or findings of one kind in one column (where is then a
     * range such as J5:J40 and countText says how many cells); column is the form column's name in
     * the page's language where the cells are value cells of service rows.
     */
    public record FixLine(String severityId, String severity, String sheet, String column, String where, int count,
            String countText, String message, String code) {
    }

    /** How many findings of one kind a file has; noAction when it asks nothing of the municipality. */
    public record KindCount(String code, String title, String severityId, String severity, int count,
            boolean noAction) {
    }

    /** The top of the letter: the outcome in a sentence and what to do; reason only for a rejected file. */
    public record LetterTop(String outcomeId, String outcome, String sentence, String action, String file,
            String filled, String reason, String reasonCode) {
    }

    public record FileFindings(String file, String outcome, String outcomeId, boolean truncated,
            List<FixLine> fixes, List<FixLine> notes, List<KindCount> kinds) {
    }

    public record Municipality(String lang, Map<String, String> t, Run run, String code, String name,
            String region, String population, String file, String outcome, boolean counted, String index,
            Integer level, String levelName, String realised, String potential, String target,
            int computableInUse, List<SpreadRow> spread, List<AreaRow> areas, List<StageHeader> stageHeaders,
            List<StageCell> stageLegend, List<AreaServices> services, List<FileRow> files,
            List<FileFindings> findings, LetterTop letter, String reportLink, String processed) {
    }

    // ---------------------------------------------------------------- building

    static Run run(ReportContext ctx, Lang lang) {
        return run(ctx, lang, ctx.run.schemaVersion());
    }

    /** The run, with the form version a page names (a municipality page: its counted return's). */
    static Run run(ReportContext ctx, Lang lang, String schemaVersion) {
        return new Run(ctx.run.toolVersion(), schemaVersion,
                ctx.run.generatedAt() == null ? null : time(ctx.run.generatedAt(), lang));
    }

    static String time(Instant at, Lang lang) {
        return TIME.get(lang).format(at);
    }

    static String areaName(ReportContext ctx, String code) {
        return areaName(ctx, code, ctx.options.lang());
    }

    static String areaName(ReportContext ctx, String code, Lang lang) {
        return ctx.schema.area(code).map(a -> a.tab().get(lang)).orElse(code);
    }

    /** A region's name in the language; the reference list gives the Finnish one. */
    static String regionName(String fi, Lang lang) {
        if (fi == null || lang == Lang.FI) {
            return fi;
        }
        try {
            return Texts.get(lang, "region." + fi);
        } catch (IllegalArgumentException e) {
            return fi;
        }
    }

    static String outcome(Map<String, String> t, Outcome o) {
        return t.getOrDefault("outcome_" + o.id(), o.id());
    }

    static String municipalityName(ReportContext ctx, MunicipalityFigures m) {
        return municipalityName(m, ctx.options.lang());
    }

    static String municipalityName(MunicipalityFigures m, Lang lang) {
        return lang == Lang.SV ? m.nameSv() : m.nameFi();
    }

    static National national(ReportContext ctx, Map<String, String> t) {
        return NationalPage.model(ctx, t);
    }

    static Municipality municipality(ReportContext ctx, Map<String, String> t, Lang lang, String code) {
        return MunicipalityPage.model(ctx, t, lang, code);
    }

    /** An ISO instant as the report shows times; other text as it is. */
    static String time(String iso, Lang lang) {
        if (iso == null) {
            return null;
        }
        try {
            return time(Instant.parse(iso), lang);
        } catch (DateTimeParseException e) {
            return Text.clean(iso);
        }
    }

    static String href(String code, String prefix) {
        return code != null && CODE.matcher(code).matches() ? prefix + "municipalities/" + code + ".html" : null;
    }

    static FileRow fileRow(ReportContext ctx, Map<String, String> t, FileResult x, String prefix, Lang lang) {
        return new FileRow(Text.clean(x.file()), outcome(t, x.outcome()), x.outcome().id(), x.municipalityCode(),
                ctx.municipalityName(x.municipalityCode(), lang),
                x.reason() == null ? null : Text.clean(x.reason().get(lang)), x.reasonCode(),
                href(x.municipalityCode(), prefix));
    }

    static SpreadRow spreadRow(Fmt f, String code, String name, Distribution d, Double value) {
        if (d == null) {
            return new SpreadRow(code, name, 0, null, null, null, null, null, null, value, Fmt.NONE, Fmt.NONE,
                    Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, f.dec1(value));
        }
        return new SpreadRow(code, name, d.n(), d.min(), d.p25(), d.median(), d.p75(), d.max(), d.mean(), value,
                f.dec1(d.min()), f.dec1(d.p25()), f.dec1(d.median()), f.dec1(d.p75()), f.dec1(d.max()),
                f.dec1(d.mean()), f.dec1(value));
    }

    /** The codes that get a page: every municipality with figures or with a file, if its code is well-formed. */
    static Set<String> pageCodes(ReportContext ctx) {
        Set<String> codes = new TreeSet<>();
        ctx.municipalities.forEach(m -> codes.add(m.code()));
        ctx.files.forEach(x -> {
            if (x.municipalityCode() != null) {
                codes.add(x.municipalityCode());
            }
        });
        codes.removeIf(c -> !CODE.matcher(c).matches());
        return codes;
    }
}
