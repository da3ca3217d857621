package fi.digikunta.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.RegionStats;
import fi.digikunta.model.Savings;
import fi.digikunta.model.ServiceFigures;
import fi.digikunta.model.ServiceStats;
import fi.digikunta.model.SincePreviousRun;
import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.findings.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Writes report.json: the run, every input file with outcome, reason and findings, every
 * municipality with its figures and findings, and the national figures. Its shape is published as
 * docs/report.schema.json. Property names are snake_case, set once on the mapper; numbers are
 * rounded as in the CSV ({@link Num}); a null figure is JSON null; LF line ends.
 */
public final class JsonReportWriter {
    /** Bumped when a field is renamed or removed or its meaning changes; adding a field keeps it. */
    public static final int FORMAT_VERSION = 2;

    /** Indented: the schema's JSON ({@link SchemaText}), read by people. */
    static final ObjectWriter WRITER = writer();
    /**
     * report.json itself is compact (one line): it is read by programs, and indentation made up
     * about a third of its bytes and of its writing time. Its records are read through their fields
     * (the same values, names and order as through the accessors): calling ~90 accessors through
     * {@code Method.invoke} made JDK 17 generate and load a class for each.
     */
    static final ObjectWriter COMPACT = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false).writer();

    private JsonReportWriter() {
    }

    private static ObjectWriter writer() {
        ObjectMapper m = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
                .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        // Fixed LF indentation, independent of the platform's line separator.
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        pp.indentObjectsWith(lf);
        pp.indentArraysWith(lf);
        return m.writer(pp);
    }

    static void write(ReportContext ctx, OutputStream out) throws IOException {
        COMPACT.writeValue(out, report(ctx));
        out.write('\n');
        out.flush();
    }

    public record Report(int formatVersion, String toolVersion, String schemaVersion, String generatedAt,
            List<FileJson> files, List<MunicipalityJson> municipalities, NationalJson national,
            List<TrendJsonWriter.TrendJson> trends, List<TrendJsonWriter.NationalTrendJson> nationalTrends,
            @JsonInclude(JsonInclude.Include.NON_NULL) SincePreviousRun sincePreviousRun) {
    }

    public record Reason(String code, String fi, String sv, String en) {
    }

    public record FindingJson(String code, String severity, String sheet, String cell, String messageFi,
            String messageSv, String messageEn) {
    }

    /** {@code round}: the return's assessment round; null where no return was read. */
    public record FileJson(String file, String outcome, String municipalityCode, Integer round, Reason reason,
            int errors, int warnings, List<FindingJson> findings, boolean findingsTruncated) {
    }

    public record SavingsJson(BigDecimal realisedNet, BigDecimal potentialNet, BigDecimal target,
            int computableInUse) {
    }

    public record AreaJson(String area, int inUse, int planned, int notAdopted, int unanswered, BigDecimal coverage,
            BigDecimal depth, BigDecimal usage, BigDecimal index, int level, SavingsJson savings) {
    }

    /** {@code service}: the catalogue id, named as in services.csv (format 1 called it {@code id}). */
    public record ServiceJson(String area, @JsonProperty("service") String id, String name, boolean ownService, Integer row, String status,
            Map<String, String> stages, BigDecimal usage, BigDecimal depth, BigDecimal realisedNet,
            BigDecimal potentialNet, BigDecimal target, String system, String notes) {
    }

    /** {@code municipality_code}, as in every CSV and in files[] (format 1 called it {@code code}). */
    public record MunicipalityJson(@JsonProperty("municipality_code") String code, Integer round, String nameFi,
            String nameSv, String region, long population, String file, String outcome, BigDecimal index, int level, SavingsJson savings, List<AreaJson> areas,
            List<ServiceJson> services, List<FindingJson> findings) {
    }

    public record DistributionJson(int n, BigDecimal mean, BigDecimal weightedMean, BigDecimal median,
            BigDecimal p25, BigDecimal p75, BigDecimal min, BigDecimal max) {
    }

    public record ServiceStatsJson(@JsonProperty("service") String id, String area, BigDecimal inUseShare, BigDecimal plannedShare,
            BigDecimal notAdoptedShare, BigDecimal unansweredShare, BigDecimal meanUsage, BigDecimal meanDepth) {
    }

    public record RegionJson(String region, int respondents, BigDecimal meanIndex) {
    }

    public record NationalJson(int respondents, int referenceCount, BigDecimal responseRate, long populationCovered,
            long populationTotal, BigDecimal populationShare, Map<String, DistributionJson> index,
            Map<String, DistributionJson> coverage, Map<String, DistributionJson> depth,
            Map<String, DistributionJson> usage, Map<String, Map<String, Integer>> levels,
            Map<String, SavingsJson> savings, List<ServiceStatsJson> services, List<RegionJson> regions) {
    }

    /**
     * The document. Its file and municipality entries are made one at a time as they are written
     * and dropped after, so a report over many thousands of files is never held whole in memory.
     */
    static Report report(ReportContext ctx) {
        List<FileJson> files = new Lazy<>(ctx.files.size(), i -> file(ctx.files.get(i)));
        List<MunicipalityJson> ms = new Lazy<>(ctx.municipalities.size(),
                i -> municipality(ctx, ctx.municipalities.get(i)));
        return new Report(FORMAT_VERSION, ctx.run.toolVersion(), ctx.run.schemaVersion(),
                ctx.run.generatedAt() == null ? null : ctx.run.generatedAt().toString(), files, ms, national(ctx),
                TrendJsonWriter.trends(ctx), TrendJsonWriter.nationalTrends(ctx),
                ctx.run.sincePreviousRun());
    }

    static String text(String s) {
        return Text.clean(s);
    }

    /** A read-only list whose elements are made when asked for. */
    private static final class Lazy<T> extends AbstractList<T> implements RandomAccess {
        private final int size;
        private final IntFunction<T> element;

        Lazy(int size, IntFunction<T> element) {
            this.size = size;
            this.element = element;
        }

        @Override
        public T get(int i) {
            Objects.checkIndex(i, size);
            return element.apply(i);
        }

        @Override
        public int size() {
            return size;
        }
    }

    static FileJson file(FileResult f) {
        return file(f, true, Text::clean);
    }

    /** A file's entry with its text as read: the entries of {@code digikunta validate --format json}. */
    static FileJson fileAsRead(FileResult f) {
        return file(f, true, UnaryOperator.identity());
    }

    /** One file's entry; {@code text} is applied to every free text in it. */
    private static FileJson file(FileResult f, boolean withFindings, UnaryOperator<String> text) {
        Reason reason = f.reason() == null ? null
                : new Reason(f.reasonCode(), text.apply(f.reason().fi()), text.apply(f.reason().sv()),
                        text.apply(f.reason().en()));
        return new FileJson(text.apply(f.file()), f.outcome().id(), f.municipalityCode(), f.round(), reason,
                Tables.count(f, Severity.ERROR), Tables.count(f, Severity.WARNING),
                withFindings ? findings(f, text) : List.of(), f.findingsTruncated());
    }

    private static List<FindingJson> findings(FileResult f, UnaryOperator<String> text) {
        return f.findings().stream().map(x -> finding(x, text)).toList();
    }

    private static FindingJson finding(Finding x, UnaryOperator<String> text) {
        return new FindingJson(x.id(), Tables.id(x.severity()), text.apply(x.sheet()), x.cell(),
                x.message() == null ? null : text.apply(x.message().fi()),
                x.message() == null ? null : text.apply(x.message().sv()),
                x.message() == null ? null : text.apply(x.message().en()));
    }

    static SavingsJson savings(Savings s) {
        return s == null ? null
                : new SavingsJson(Num.euro(s.realisedNet()), Num.euro(s.potentialNet()), Num.euro(s.target()),
                        s.computableInUse());
    }

    static MunicipalityJson municipality(ReportContext ctx, MunicipalityFigures m) {
        List<AreaJson> areas = new ArrayList<>();
        for (AreaFigures a : m.areas()) {
            areas.add(new AreaJson(a.area(), a.inUse(), a.planned(), a.notAdopted(), a.unanswered(),
                    Num.share(a.coverage()), Num.share(a.depth()), Num.share(a.usage()), Num.share(a.index()),
                    a.level(), savings(a.savings())));
        }
        List<ServiceJson> services = new ArrayList<>();
        for (ServiceFigures s : m.services()) {
            services.add(service(ctx, m, s));
        }
        FileResult f = ctx.file(m.file()).orElse(null);
        return new MunicipalityJson(m.code(), ctx.round(), m.nameFi(), m.nameSv(), m.region(), m.population(), text(m.file()),
                f == null ? null : f.outcome().id(), Num.share(m.index()), m.level(), savings(m.savings()), areas,
                services, f == null ? List.of() : findings(f, Text::clean));
    }

    /** One service of a municipality (a method of its own, so that the JIT compiles it early: see Tables). */
    private static ServiceJson service(ReportContext ctx, MunicipalityFigures m, ServiceFigures s) {
        Map<String, String> stages = new LinkedHashMap<>();
        ctx.schema.stages().forEach(st -> stages.put(st, Tables.id(s.stages().get(st))));
        ServiceRow row = ctx.row(m, s).orElse(null);
        return new ServiceJson(s.area(), s.id(), text(s.name()), s.id() == null,
                s.row() > 0 ? s.row() : null, Tables.id(s.status()), stages, Num.share(s.usage()),
                Num.share(s.depth()), Num.euro(s.realisedNet()), Num.euro(s.potentialNet()), Num.euro(s.target()),
                row == null ? null : text(row.system()), row == null ? null : text(row.notes()));
    }

    static Map<String, DistributionJson> distributions(ReportContext ctx, Map<String, Distribution> m) {
        Map<String, DistributionJson> out = new LinkedHashMap<>();
        for (String k : ctx.allAndAreas()) {
            Distribution d = Tables.get(m, k);
            if (d != null) {
                out.put(k, new DistributionJson(d.n(), Num.share(d.mean()), Num.share(d.weightedMean()),
                        Num.share(d.median()), Num.share(d.p25()), Num.share(d.p75()), Num.share(d.min()),
                        Num.share(d.max())));
            }
        }
        return out;
    }

    static NationalJson national(ReportContext ctx) {
        return national(ctx, ctx.national);
    }

    /** The national figures of one round in the shape of {@code national}. */
    static NationalJson national(ReportContext ctx, NationalFigures n) {
        Map<String, Map<String, Integer>> levels = new LinkedHashMap<>();
        Map<String, SavingsJson> savings = new LinkedHashMap<>();
        for (String k : ctx.allAndAreas()) {
            Map<Integer, Integer> lv = Tables.get(n.levels(), k);
            if (lv != null) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                // "level_0".."level_4", the statistic names of national.csv (format 1 used "0".."4").
                ctx.levels().forEach(l -> counts.put("level_" + l, lv.getOrDefault(l, 0)));
                levels.put(k, counts);
            }
            Savings s = Tables.get(n.savings(), k);
            if (s != null) {
                savings.put(k, savings(s));
            }
        }
        List<ServiceStats> ss = new ArrayList<>(n.services());
        ss.sort(Comparator.comparing(ServiceStats::id));
        List<RegionStats> rs = new ArrayList<>(n.regions());
        rs.sort(Comparator.comparing(RegionStats::region, Comparator.nullsLast(Comparator.naturalOrder())));
        return new NationalJson(n.respondents(), n.referenceCount(), Num.share(n.responseRate()),
                n.populationCovered(), n.populationTotal(), Num.share(n.populationShare()),
                distributions(ctx, n.index()), distributions(ctx, n.coverage()), distributions(ctx, n.depth()),
                distributions(ctx, n.usage()), levels, savings,
                ss.stream().map(s -> new ServiceStatsJson(s.id(), s.area(), Num.share(s.inUseShare()),
                        Num.share(s.plannedShare()), Num.share(s.notAdoptedShare()), Num.share(s.unansweredShare()),
                        Num.share(s.meanUsage()), Num.share(s.meanDepth()))).toList(),
                rs.stream().map(r -> new RegionJson(r.region(), r.respondents(), Num.share(r.meanIndex()))).toList());
    }
}
