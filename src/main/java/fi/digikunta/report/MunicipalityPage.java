package fi.digikunta.report;

import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.Savings;
import fi.digikunta.model.ServiceFigures;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.model.StageLevel;
import fi.digikunta.report.HtmlModel.AreaRow;
import fi.digikunta.report.HtmlModel.AreaServices;
import fi.digikunta.report.HtmlModel.FileFindings;
import fi.digikunta.report.HtmlModel.FileRow;
import fi.digikunta.report.HtmlModel.LetterTop;
import fi.digikunta.report.HtmlModel.Municipality;
import fi.digikunta.report.HtmlModel.Run;
import fi.digikunta.report.HtmlModel.ServiceLine;
import fi.digikunta.report.HtmlModel.SpreadRow;
import fi.digikunta.report.HtmlModel.StageCell;
import fi.digikunta.report.HtmlModel.StageHeader;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the model of one municipality's page: its figures by area, its services, its files and findings. */
record MunicipalityPage(ReportContext ctx, Map<String, String> t, Lang lang, Fmt f, Map<StageLevel, StageCell> cells,
        Map<String, String> statusLabels) {
    /** The page in {@code lang} (the page's language, {@link ReportContext#pageLang}); t are its texts. */
    static Municipality model(ReportContext ctx, Map<String, String> t, Lang lang, String code) {
        // The few stage cells and status labels, made once for the page's hundreds of service lines.
        Map<StageLevel, StageCell> cells = new EnumMap<>(StageLevel.class);
        for (StageLevel l : StageLevel.values()) {
            cells.put(l, stageCell(ctx, lang, l));
        }
        Map<String, String> statusLabels = new HashMap<>();
        for (Schema.Choice c : ctx.schema.statuses()) {
            if (!statusLabels.containsKey(c.code())) {
                statusLabels.put(c.code(), c.label().get(lang));
            }
        }
        return new MunicipalityPage(ctx, t, lang, new Fmt(lang), cells, statusLabels).model(code);
    }

    private Municipality model(String code) {
        MunicipalityFigures m = ctx.municipality(code);
        List<FileResult> files = ctx.filesOf(code);
        List<FileRow> fileRows = files.stream().map(x -> HtmlModel.fileRow(ctx, t, x, "../", lang)).toList();
        Letter letter = new Letter(t, lang, f);
        FileResult main = mainFile(m, files);
        LetterTop top = letter.top(main, main == null || main.ret() == null
                || main.ret().identification() == null || main.ret().identification().fillDate() == null ? null
                : f.date(main.ret().identification().fillDate()), ctx.round(), newerRejected(main, files));
        String processed = ctx.run.generatedAt() == null ? null : HtmlModel.time(ctx.run.generatedAt(), lang);
        String reportLink = lang == ctx.options.lang() ? t.get("back")
                : t.get("back") + " (" + t.get("in_lang_" + ctx.options.lang().code()) + ")";
        List<StageHeader> stageHeaders = ctx.schema.stages().stream().map(st -> new StageHeader(st,
                ctx.schema.column("stage." + st).map(c -> c.label().get(lang)).orElse(st))).toList();
        List<StageCell> legend = new ArrayList<>();
        for (StageLevel l : StageLevel.values()) {
            legend.add(stageCell(l));
        }
        legend.add(stageCell(null));
        if (m == null) {
            // Region and population from the reference list, as a page with figures has them.
            Optional<fi.digikunta.reference.Municipality> ref = ctx.referenceEntry(code);
            return new Municipality(lang.code(), t, HtmlModel.run(ctx, lang), code, ctx.municipalityName(code, lang),
                    ref.map(r -> HtmlModel.regionName(r.region(), lang)).orElse(null),
                    ref.map(r -> f.integer(r.population())).orElse(null), null, null, false, Fmt.NONE, null, null, Fmt.NONE,
                    Fmt.NONE, Fmt.NONE, 0, List.of(), List.of(), stageHeaders, legend, List.of(), fileRows,
                    findings(letter, files, main), top, reportLink, processed);
        }
        List<SpreadRow> spread = new ArrayList<>();
        spread.add(HtmlModel.spreadRow(f, NationalFigures.ALL, t.get("all_areas"),
                Tables.get(ctx.national.index(), NationalFigures.ALL), m.index()));
        List<AreaRow> areas = new ArrayList<>();
        for (AreaFigures a : m.areas()) {
            Distribution d = Tables.get(ctx.national.index(), a.area());
            spread.add(HtmlModel.spreadRow(f, a.area(), HtmlModel.areaName(ctx, a.area(), lang), d, a.index()));
            areas.add(areaRow(a, d));
        }
        Savings s = m.savings();
        // The footer names the form the figures were read from (a v1 return in a round of form 2).
        Run run = HtmlModel.run(ctx, lang, m.schemaVersion() == null ? ctx.run.schemaVersion() : m.schemaVersion());
        return new Municipality(lang.code(), t, run, code, HtmlModel.municipalityName(m, lang),
                HtmlModel.regionName(m.region(), lang), f.integer(m.population()), Text.clean(m.file()),
                main == null ? null : HtmlModel.outcome(t, main.outcome()), true, f.dec1(m.index()), m.level(),
                ctx.levelName(m.level(), lang), f.euro(s == null ? null : s.realisedNet()),
                f.euro(s == null ? null : s.potentialNet()), f.euro(s == null ? null : s.target()),
                s == null ? 0 : s.computableInUse(), spread, areas, stageHeaders, legend, services(m), fileRows,
                findings(letter, files, main), top, reportLink, processed);
    }

    /** The file the letter is about: the counted one, else the judged one saved last, else the last. */
    private FileResult mainFile(MunicipalityFigures m, List<FileResult> files) {
        if (m != null && ctx.file(m.file()).isPresent()) {
            return ctx.file(m.file()).get();
        }
        // The judged file saved last (then the last by name): what the municipality did last, whatever
        // the inbox folders are called.
        FileResult judged = null;
        for (FileResult x : files) {
            if (x.outcome() != Outcome.SUPERSEDED && x.outcome() != Outcome.PENDING
                    && (judged == null || !savedBefore(x, judged))) {
                judged = x;
            }
        }
        return judged != null || files.isEmpty() ? judged : files.get(files.size() - 1);
    }

    /**
     * The findings of each file that is judged (a superseded or pending file's no longer matter); the
     * reason of a rejected file is at the letter's top only for the file the top describes.
     */
    private static List<FileFindings> findings(Letter letter, List<FileResult> files, FileResult main) {
        List<FileFindings> findings = new ArrayList<>();
        for (FileResult x : files) {
            if (x.outcome() != Outcome.SUPERSEDED && x.outcome() != Outcome.PENDING) {
                findings.add(letter.findings(x, x == main));
            }
        }
        return findings;
    }

    private static boolean savedBefore(FileResult a, FileResult b) {
        return a.modified() != null && b.modified() != null && a.modified().isBefore(b.modified());
    }

    /** The newest rejected file saved after the counted return, or null: a correction that failed. */
    private static FileResult newerRejected(FileResult main, List<FileResult> files) {
        if (main == null || !main.outcome().counts() || main.modified() == null) {
            return null;
        }
        FileResult newest = null;
        for (FileResult x : files) {
            if (x.outcome() == Outcome.REJECTED && x.modified() != null && x.modified().isAfter(main.modified())
                    && (newest == null || x.modified().isAfter(newest.modified()))) {
                newest = x;
            }
        }
        return newest;
    }

    private AreaRow areaRow(AreaFigures a, Distribution d) {
        Savings s = a.savings();
        return new AreaRow(a.area(), HtmlModel.areaName(ctx, a.area(), lang), a.inUse(), a.planned(), a.notAdopted(),
                a.unanswered(), f.pct(a.coverage()), f.pct(a.depth()), f.pct(a.usage()), f.dec1(a.index()),
                a.level(), ctx.levelName(a.level(), lang), f.dec1(d == null ? null : d.median()),
                f.euro(s == null ? null : s.realisedNet()), f.euro(s == null ? null : s.potentialNet()),
                f.euro(s == null ? null : s.target()), s == null ? 0 : s.computableInUse());
    }

    /** The services by area, in the schema's order of areas (an unknown area last). */
    private List<AreaServices> services(MunicipalityFigures m) {
        Map<String, List<ServiceLine>> byArea = new LinkedHashMap<>();
        ctx.schema.areaCodes().forEach(a -> byArea.put(a, new ArrayList<>()));
        for (ServiceFigures s : m.services()) {
            byArea.computeIfAbsent(s.area(), k -> new ArrayList<>()).add(serviceLine(m, s));
        }
        List<AreaServices> services = new ArrayList<>();
        byArea.forEach((a, list) -> services.add(new AreaServices(a, HtmlModel.areaName(ctx, a, lang), list)));
        return services;
    }

    private ServiceLine serviceLine(MunicipalityFigures m, ServiceFigures s) {
        ServiceRow row = ctx.row(m, s).orElse(null);
        List<StageCell> cells = new ArrayList<>(ctx.schema.stages().size());
        for (String st : ctx.schema.stages()) {
            cells.add(stageCell(s.stages().get(st)));
        }
        String statusId = s.status() == null ? "unanswered" : Tables.id(s.status());
        String symbol = switch (statusId) {
            case "in_use" -> "\u2714";
            case "planned" -> "\u25F7";
            case "not_adopted" -> "\u2716";
            default -> "?";
        };
        String name = s.id() != null
                ? ctx.service(m.schemaVersion(), s.id()).map(c -> c.name().get(lang)).orElse(Text.clean(s.name()))
                : Text.clean(s.name());
        return new ServiceLine(s.id(), name, s.id() == null, "status-" + statusId, symbol, statusLabel(s), cells,
                f.pct(s.usage()), f.euro(s.realisedNet()), f.euro(s.potentialNet()),
                row == null ? null : Text.clean(row.system()));
    }

    private StageCell stageCell(StageLevel level) {
        return level == null ? new StageCell("st-none", "?", t.get("unanswered")) : cells.get(level);
    }

    private static StageCell stageCell(ReportContext ctx, Lang lang, StageLevel level) {
        String label = ctx.schema.stageLevels().stream().filter(d -> d.code().equals(level.name())).findFirst()
                .map(d -> d.label().get(lang)).orElse(level.name());
        Integer value = ctx.schema.stageLevels().stream().filter(d -> d.code().equals(level.name())).findFirst()
                .map(Schema.StageLevelDef::value).orElse(null);
        return switch (level) {
            case MANUAL -> new StageCell("st-0", "\u25CB " + value, label);
            case ELECTRONIC -> new StageCell("st-1", "\u25D0 " + value, label);
            case DIGITAL -> new StageCell("st-2", "\u25CF " + value, label);
            case NOT_APPLICABLE -> new StageCell("st-na", "\u2014", label);
        };
    }

    private String statusLabel(ServiceFigures s) {
        if (s.status() == null) {
            return t.get("unanswered");
        }
        String label = statusLabels.get(s.status().name());
        return label != null ? label : Tables.id(s.status());
    }
}
