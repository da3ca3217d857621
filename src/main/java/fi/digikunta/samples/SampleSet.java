package fi.digikunta.samples;

import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.samples.ReturnSpec.Quirk;
import fi.digikunta.samples.SampleGenerator.Filled;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.template.TemplateLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The committed sample inbox (samples/inbox): valid returns across the range of municipalities,
 * returns with the quirks the reader must accept, returns that earn warnings or cell errors, and
 * files that must be rejected, each named for its defect. Each sample says the outcome and the
 * finding codes it must produce; samples/README.md carries the same table ({@link #readmeTable}).
 */
public final class SampleSet {
    /** The seed of the committed set. */
    public static final long DEFAULT_SEED = 20260101L;

    /**
     * One file of the set.
     *
     * @param outcome the outcome id it must get (fi.digikunta.model.Outcome#id)
     * @param codes the finding codes it must produce (the reason code for a rejected file)
     */
    public record Sample(String file, String outcome, List<String> codes, String description, Supplier<byte[]> bytes) {
        public Sample {
            codes = List.copyOf(codes);
        }
    }

    private static final String ACCEPTED = "accepted";
    private static final String WARNINGS = "accepted_with_warnings";
    private static final String SUPERSEDED = "superseded";
    private static final String REJECTED = "rejected";

    private final SampleGenerator gen;
    private final Schema schema;
    private final MunicipalityList municipalities;
    private final long seed;
    private final SampleEdits edits;

    public SampleSet(SampleGenerator gen, MunicipalityList municipalities, long seed) {
        this.gen = gen;
        this.schema = gen.schema();
        this.municipalities = municipalities;
        this.seed = seed;
        this.edits = new SampleEdits(schema);
    }

    /** Writes every sample into {@code dir} (created when missing) and returns the files, in set order. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Sample s : samples()) {
            Path p = dir.resolve(s.file());
            Files.write(p, s.bytes().get());
            out.add(p);
        }
        return out;
    }

    /** The README table: | file | outcome | codes | description |, one line per sample, in name order. */
    public String readmeTable() {
        StringBuilder b = new StringBuilder("| file | outcome | codes | what it holds |\n|---|---|---|---|\n");
        samples().stream().sorted(java.util.Comparator.comparing(Sample::file)).forEach(s -> b.append("| `")
                .append(s.file()).append("` | ").append(s.outcome()).append(" | ")
                .append(String.join(", ", s.codes())).append(" | ").append(s.description()).append(" |\n"));
        return b.toString();
    }

    public List<Sample> samples() {
        List<Sample> l = new ArrayList<>();
        l.addAll(validReturns());
        l.addAll(warningReturns());
        l.addAll(cellErrorReturns());
        l.addAll(unreadableFiles());
        l.addAll(rejectedReturns());
        return l;
    }

    /** Valid returns across the range of municipalities, some with quirks the reader accepts. */
    private List<Sample> validReturns() {
        List<Sample> l = new ArrayList<>();
        l.add(valid("091", Lang.FI, "2026-02-12", "",
                "Helsinki, the largest city: nearly every service answered; own services added (blank id)",
                Quirk.OWN_SERVICES));
        l.add(valid("049", Lang.FI, "2026-02-05", "", "Espoo; the code typed as the number 49",
                Quirk.CODE_AS_NUMBER));
        l.add(valid("092", Lang.FI, "2026-01-29", "", "Vantaa; own services added", Quirk.OWN_SERVICES));
        l.add(sample(SampleGenerator.fileName(m("837"), Lang.FI, "-2026-01-15"), SUPERSEDED, List.of(),
                "Tampere, first return (filled in 15.1.2026): superseded by the newer one",
                spec("837", Lang.FI, "2026-01-15", "-2026-01-15", UnaryOperator.identity()), f -> { }));
        l.add(sample(SampleGenerator.fileName(m("837"), Lang.FI, "-2026-02-01"), ACCEPTED, List.of(),
                "Tampere, corrected return (filled in 1.2.2026): the newest fill date wins",
                spec("837", Lang.FI, "2026-02-01", "-2026-02-01", UnaryOperator.identity(), Quirk.OWN_SERVICES),
                f -> { }));
        l.add(sample(SampleGenerator.fileName(m("564"), Lang.FI, ""), ACCEPTED, List.of(),
                "Oulu; columns moved (notes and system first, usage before the stages, volume before hourly cost)",
                spec("564", Lang.FI, "2026-02-09", "", lay -> lay.withColumnOrder(SampleEdits.movedColumns(lay))),
                f -> { }));
        l.add(sample(SampleGenerator.fileName(m("179"), Lang.FI, ""), ACCEPTED, List.of(),
                "Jyväskylä; tabs named by the published aliases (e.g. \"Varhaiskasvatus- ja liikenne\")",
                spec("179", Lang.FI, "2026-01-22", "", edits::aliasTabs), f -> { }));
        l.add(valid("398", Lang.FI, "2026-02-03", "", "Lahti; yearly costs typed as formulas (12*monthly fee)",
                Quirk.FORMULA_COSTS));
        l.add(valid("297", Lang.FI, "2026-01-27", "", "Kuopio; usage typed as 0-100 in general-format cells",
                Quirk.USAGE_WHOLE_NUMBERS));
        l.add(valid("609", Lang.FI, "2026-02-16", "", "Pori; the fill date typed as text d.m.yyyy",
                Quirk.DATE_AS_TEXT));
        l.addAll(plain(Lang.FI, """
                491 2026-01-20 Mikkeli, a mid-size town
                905 2026-02-10 Vaasa, a mid-size town
                186 2026-01-30 Järvenpää, a mid-size town
                698 2026-02-18 Rovaniemi, a mid-size town
                """));
        l.add(valid("499", Lang.SV, "2026-02-02", "", "Korsholm (Mustasaari), filled in Swedish"));
        l.add(valid("445", Lang.SV, "2026-01-28", "", "Pargas (Parainen), filled in Swedish; own services",
                Quirk.OWN_SERVICES));
        l.addAll(plain(Lang.SV, """
                478 2026-02-06 Mariehamn (Maarianhamina), filled in Swedish
                035 2026-02-20 Brändö, the smallest municipality, filled in Swedish
                """));
        l.addAll(plain(Lang.FI, """
                148 2026-01-26 Inari, small and rural
                046 2026-02-13 Enonkoski, small and rural: fewer answers
                759 2026-02-04 Soini, small and rural
                892 2026-01-21 Uurainen, small and rural
                578 2026-02-11 Paltamo, small and rural
                """));
        return l;
    }

    /** Valid returns that earn warnings. */
    private List<Sample> warningReturns() {
        List<Sample> l = new ArrayList<>();
        l.add(sample(SampleGenerator.fileName(m("853"), Lang.FI, ""), WARNINGS, List.of("number-as-text"),
                "Turku; numbers typed as text the Finnish way (\"1 200,50\" with a no-break space, \"55 %\")",
                spec("853", Lang.FI, "2026-02-06", "", UnaryOperator.identity(), Quirk.TEXT_NUMBERS), f -> { }));
        l.add(sample(SampleGenerator.fileName(m("167"), Lang.FI, ""), WARNINGS, List.of("number-as-text"),
                "Joensuu; numbers typed as text, date as text, own services",
                spec("167", Lang.FI, "2026-01-23", "", UnaryOperator.identity(), Quirk.TEXT_NUMBERS,
                        Quirk.DATE_AS_TEXT, Quirk.OWN_SERVICES), f -> { }));
        l.add(warning("405", "2026-02-17", List.of("extra-tab"), "Lappeenranta; an extra tab \"Muistiinpanot\"",
                f -> {
                    Sheet notes = f.workbook().createSheet("Muistiinpanot");
                    notes.createRow(0).createCell(0).setCellValue("Tarkista volyymit talouspalveluista.");
                }));
        l.add(warning("272", "2026-02-19", List.of("formula-no-cached-value"),
                "Kokkola; a cost formula saved without its computed value (ASU-01)", f -> {
                    int row = f.rowOf("ASU-01");
                    f.setRow("ASU", row, edits.savingsRow("ASU-01", 1200.0, 42.0, 12.0));
                    int col = f.layout().columnIndex("cost");
                    f.afterEvaluation(() -> {
                        Cell c = f.areaSheet("ASU").getRow(row).getCell(col);
                        c.setBlank();
                        c.setCellFormula("12*350");
                    });
                }));
        l.add(warning("153", "2026-01-19", List.of("service-missing"),
                "Imatra; the row of TER-06 emptied (the service counts as unanswered)",
                f -> SampleEdits.clearRow(f.areaSheet("TER"), f.rowOf("TER-06"))));
        l.add(warning("109", "2026-02-02", List.of("unknown-id"),
                "Hämeenlinna; an own service given an invented id ASU-99 (treated as an own service)", f -> {
                    Map<String, Object> a = edits.savingsRow("ASU-99", 80.0, null, 20.0);
                    a.put("service", "Venepaikkavaraus");
                    f.setRow("ASU", f.layout().lastServiceRow(schema, "ASU"), a);
                }));
        l.add(warning("020", "2026-01-16", List.of("name-mismatch"),
                "Akaa, written with the old town name Toijala", f -> f.setId("name", "Toijala")));
        l.add(warning("694", "2026-02-09", List.of("in-use-no-stages", "stages-without-status", "savings-partial"),
                "Riihimäki; ASU-02 in use with no stage answered, ASU-03 stages without status,"
                        + " ASU-04 volume without minutes saved", f -> {
                    Map<String, Object> noStages = new LinkedHashMap<>();
                    noStages.put("status", "IN_USE");
                    noStages.put("usage", 0.5);
                    f.setRow("ASU", f.rowOf("ASU-02"), edits.withId("ASU-02", noStages));
                    Map<String, Object> noStatus = new LinkedHashMap<>();
                    schema.stages().forEach(st -> noStatus.put("stage." + st, "ELECTRONIC"));
                    f.setRow("ASU", f.rowOf("ASU-03"), edits.withId("ASU-03", noStatus));
                    Map<String, Object> partial = edits.savingsRow("ASU-04", 300.0, null, null);
                    f.setRow("ASU", f.rowOf("ASU-04"), partial);
                }));
        return l;
    }

    /** Files with cell errors: still accepted, the erroneous figures left out. */
    private List<Sample> cellErrorReturns() {
        List<Sample> l = new ArrayList<>();
        l.add(broken("bad-values", "740", "2026-02-04", WARNINGS,
                List.of("invalid-status", "invalid-stage", "number-out-of-range", "not-a-number"),
                "Savonlinna; ASU-01 status \"Kyllä\", ASU-02 stage \"Osittain\", ASU-03 usage 150 %,"
                        + " ASU-04 cost \"ei tiedossa\" and target -500", f -> {
                    Map<String, Object> badStatus = new LinkedHashMap<>();
                    badStatus.put("status", "Kyllä");
                    f.setRow("ASU", f.rowOf("ASU-01"), edits.withId("ASU-01", badStatus));
                    Map<String, Object> badStage = edits.savingsRow("ASU-02", null, null, null);
                    badStage.put("stage.HAK", "Osittain");
                    f.setRow("ASU", f.rowOf("ASU-02"), badStage);
                    Map<String, Object> badUsage = edits.savingsRow("ASU-03", null, null, null);
                    badUsage.put("usage", 1.5);
                    f.setRow("ASU", f.rowOf("ASU-03"), badUsage);
                    Map<String, Object> badNumbers = edits.savingsRow("ASU-04", 300.0, 40.0, 10.0);
                    badNumbers.put("cost", "ei tiedossa");
                    badNumbers.put("target", -500.0);
                    f.setRow("ASU", f.rowOf("ASU-04"), badNumbers);
                }));
        l.add(broken("duplicate-id", "211", "2026-01-27", WARNINGS, List.of("duplicate-id"),
                "Kangasala; KUL-03 a second time on an own-service row of its tab", f -> {
                    Map<String, Object> dup = edits.savingsRow("KUL-03", null, null, null);
                    f.setRow("KUL", f.layout().lastServiceRow(schema, "KUL"), dup);
                }));
        l.add(broken("wrong-area-id", "915", "2026-02-12", WARNINGS, List.of("wrong-area-id", "service-missing"),
                "Varkaus; the VKO-06 row moved to the ASU tab (an error there, missing from its own tab)", f -> {
                    SampleEdits.clearRow(f.areaSheet("VKO"), f.rowOf("VKO-06"));
                    f.setRow("ASU", f.layout().lastServiceRow(schema, "ASU"),
                            edits.savingsRow("VKO-06", null, null, null));
                }));
        return l;
    }

    /** Rejected for the file itself: empty, cut off, encrypted, another format or hostile; the name says why. */
    private List<Sample> unreadableFiles() {
        List<Sample> l = new ArrayList<>();
        l.add(new Sample("broken-empty.xlsx", REJECTED, List.of("file-empty"), "0 bytes", () -> new byte[0]));
        l.add(new Sample("broken-not-a-workbook.xlsx", REJECTED, List.of("not-a-workbook"),
                "a semicolon CSV export renamed to .xlsx", this::csvExport));
        l.add(new Sample("broken-truncated.xlsx", REJECTED, List.of("corrupt-zip"),
                "the first 60 % of Kotka's return (a cut-off download)",
                () -> BrokenFiles.truncated(gen.generate(spec("285", Lang.FI, "2026-02-03", "-truncated",
                        UnaryOperator.identity())), 0.6)));
        l.add(new Sample("broken-password.xlsx", REJECTED, List.of("encrypted"),
                "Kouvola's return protected with the password \"salasana\" (agile encryption)",
                () -> BrokenFiles.encrypted(gen.generate(spec("286", Lang.FI, "2026-02-10", "-password",
                        UnaryOperator.identity())), "salasana", new Random(SampleGenerator.seedFor(seed, "password")))));
        l.add(new Sample("broken-ods.ods", REJECTED, List.of("ods-format"),
                "Petäjävesi's identification block saved as an OpenDocument spreadsheet (.ods)",
                () -> BrokenFiles.ods(summaryTab(Lang.FI), identificationRows("592", "2026-01-30"),
                        SampleGenerator.fileTime(LocalDate.parse("2026-01-30")))));
        l.add(new Sample("broken-xls.xls", REJECTED, List.of("area-tab-missing"),
                "Kerava's identification block alone saved as an Excel 97-2003 workbook (.xls): the old format"
                        + " is read, and the six area tabs are missing",
                () -> BrokenFiles.xls(summaryTab(Lang.FI), identificationRows("245", "2026-02-05"))));
        l.add(new Sample("broken-zip-bomb.xlsx", REJECTED, List.of("zip-bomb"),
                "Salo's return with 40 MB of white space packed into one worksheet part (ratio about 1:1000)",
                () -> BrokenFiles.zipBomb(gen.generate(spec("734", Lang.FI, "2026-01-29", "-bomb",
                        UnaryOperator.identity())), "xl/worksheets/sheet2.xml", 40_000_000,
                        SampleGenerator.fileTime(LocalDate.parse("2026-01-29")))));
        l.add(new Sample("broken-xml-doctype.xlsx", REJECTED, List.of("xml-doctype"),
                "Kajaani's return whose workbook part declares an external entity (XXE)",
                () -> BrokenFiles.doctype(gen.generate(spec("205", Lang.FI, "2026-02-11", "-doctype",
                        UnaryOperator.identity())), SampleGenerator.fileTime(LocalDate.parse("2026-02-11")))));
        return l;
    }

    /** Rejected for what the workbook holds or lacks; the name says why. */
    private List<Sample> rejectedReturns() {
        List<Sample> l = new ArrayList<>();
        l.add(broken("unknown-code", null, "2026-02-02", REJECTED, List.of("unknown-municipality"),
                "code 999, which no municipality has", f -> { }));
        l.add(broken("unknown-version", "106", "2026-02-02", REJECTED, List.of("unknown-version"),
                "Hyvinkää; form version 99", f -> f.setId("version", "99")));
        l.add(sample("broken-missing-tab.xlsx", REJECTED, List.of("area-tab-missing"),
                "Kirkkonummi; the tab of area TER deleted",
                spec("257", Lang.FI, "2026-01-28", "-missing-tab", lay -> lay.withoutArea("TER")), f -> { }));
        l.add(broken("no-header", "444", "2026-02-13", REJECTED, List.of("header-not-found"),
                "Lohja; the header row of the KUL tab emptied",
                f -> SampleEdits.clearRow(f.areaSheet("KUL"), TemplateLayout.HEADER_ROW)));
        l.add(broken("missing-column", "423", "2026-01-22", REJECTED, List.of("required-column-missing"),
                "Lieto; the status column of the TYO tab emptied, header included", f -> {
                    Sheet sh = f.areaSheet("TYO");
                    int col = f.layout().columnIndex("status");
                    for (int r = TemplateLayout.HEADER_ROW; r <= f.layout().lastServiceRow(schema, "TYO"); r++) {
                        Row row = sh.getRow(r);
                        if (row != null && row.getCell(col) != null) {
                            row.getCell(col).setBlank();
                        }
                    }
                }));
        l.add(broken("identification-missing", "710", "2026-02-06", REJECTED, List.of("identification-missing"),
                "Raasepori; the identification block emptied", f -> {
                    for (Schema.IdKey k : schema.identification().keys()) {
                        SampleEdits.clearRow(f.summary(), TemplateLayout.identificationRow(schema, k.key()));
                    }
                }));
        return l;
    }

    // ---- building blocks ----

    private Municipality m(String code) {
        return municipalities.byCode(code).orElseThrow(() -> new IllegalStateException("no municipality " + code));
    }

    private ReturnSpec spec(String code, Lang lang, String date, String key, UnaryOperator<TemplateLayout> layout,
            Quirk... quirks) {
        Municipality mu = code.equals("999")
                ? new Municipality("999", "Testikunta", "Testkommun", "", 5000, Set.of()) : m(code);
        return new ReturnSpec(mu, layout.apply(TemplateLayout.standard(schema, lang)), LocalDate.parse(date),
                Set.of(quirks), SampleGenerator.seedFor(seed, code + key));
    }

    private Sample sample(String file, String outcome, List<String> codes, String description, ReturnSpec spec,
            Consumer<Filled> edit) {
        return new Sample(file, outcome, codes, description, () -> gen.generate(spec, edit));
    }

    private Sample valid(String code, Lang lang, String date, String suffix, String description, Quirk... quirks) {
        return sample(SampleGenerator.fileName(m(code), lang, suffix), ACCEPTED, List.of(), description,
                spec(code, lang, date, suffix, UnaryOperator.identity(), quirks), f -> { });
    }

    /** Valid returns without quirks, one a line: code, fill date and description, separated by spaces. */
    private List<Sample> plain(Lang lang, String table) {
        return table.lines().map(line -> line.split(" ", 3))
                .map(f -> valid(f[0], lang, f[1], "", f[2])).toList();
    }

    private Sample warning(String code, String date, List<String> codes, String description, Consumer<Filled> edit) {
        return sample(SampleGenerator.fileName(m(code), Lang.FI, ""), WARNINGS, codes, description,
                spec(code, Lang.FI, date, "", UnaryOperator.identity()), edit);
    }

    private Sample broken(String defect, String code, String date, String outcome, List<String> codes,
            String description, Consumer<Filled> edit) {
        String c = code == null ? "999" : code;
        return sample("broken-" + defect + ".xlsx", outcome, codes, description,
                spec(c, Lang.FI, date, "-" + defect, UnaryOperator.identity()), edit);
    }

    private String summaryTab(Lang lang) {
        return schema.tabs().get("summary").name().get(lang);
    }

    private List<String[]> identificationRows(String code, String date) {
        Municipality mu = m(code);
        Map<String, String> values = Map.of("name", mu.nameFi(), "code", mu.code(), "date", date,
                "version", schema.templateVersions().get(0));
        List<String[]> rows = new ArrayList<>();
        for (Schema.IdKey k : schema.identification().keys()) {
            if (values.containsKey(k.key())) {
                rows.add(new String[] {k.label().fi(), values.get(k.key())});
            }
        }
        return rows;
    }

    private byte[] csvExport() {
        List<String[]> rows = new ArrayList<>();
        rows.addAll(identificationRows("051", "2026-01-26"));
        rows.add(new String[0]);
        rows.add(schema.columns().stream().limit(3).map(c -> c.label().fi()).toArray(String[]::new));
        for (Schema.CatalogueService s : schema.servicesOf(schema.areas().get(0).code())) {
            rows.add(new String[] {s.id(), s.name().fi(), schema.statuses().get(0).label().fi()});
        }
        return BrokenFiles.csv(rows);
    }
}
