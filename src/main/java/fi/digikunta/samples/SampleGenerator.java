package fi.digikunta.samples;

import fi.digikunta.reference.Municipality;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.template.TemplateLayout;
import fi.digikunta.template.TemplateWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fills the blank template with realistic, seeded answers. The same spec and seed always give the
 * same bytes: every random choice comes from the spec's seed, and the file's timestamps from its
 * fill date.
 *
 * <p>How answers depend on the municipality: a size score from the population (0 for the smallest,
 * 1 for Helsinki) raises the share of services answered, the share in use, the digital share of
 * the process stages, usage rates and the chance of savings data. Volumes scale with population,
 * hourly costs are 30-60 EUR, yearly costs grow with population.
 */
public final class SampleGenerator {
    private static final String[] FI_FIRST = {"Anna", "Mikko", "Laura", "Juha", "Sanna", "Timo", "Riikka", "Jari",
        "Minna", "Pekka", "Heidi", "Antti", "Katja", "Ville", "Tiina", "Markku"};
    private static final String[] FI_LAST = {"Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen",
        "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Saarinen", "Salminen", "Heinonen"};
    private static final String[] SV_FIRST = {"Johanna", "Mikael", "Sofia", "Anders", "Linda", "Henrik", "Camilla",
        "Fredrik", "Maria", "Patrik"};
    private static final String[] SV_LAST = {"Lindqvist", "Nyström", "Holmberg", "Sjöberg", "Forsman", "Back", "Öhman",
        "Westerlund", "Granholm", "Sundqvist"};
    private static final String[] SYSTEMS = {"Lupapiste", "Cloudpermit", "Wilma", "Edlevo", "Daisy", "Timmi",
        "Finna", "Webropol", "Dynasty", "CaseM", "Kuntaportaali", "Hilma", "Louhi", "Trimble Locus", "Pro Consona"};
    /** Own services a municipality might add, by area: {fi, sv}. */
    private static final Map<String, String[][]> OWN = Map.of(
            "ASU", new String[][] {{"Venepaikkavaraus", "Bokning av båtplats"},
                {"Pientalotonttien arvonta", "Lottning av egnahemstomter"}},
            "VKO", new String[][] {{"Kerhotoimintaan ilmoittautuminen", "Anmälan till klubbverksamhet"},
                {"Lukion kurssivalinnat", "Kursval i gymnasiet"}},
            "KUL", new String[][] {{"Kesäleireille ilmoittautuminen", "Anmälan till sommarläger"},
                {"Kuntosalin kulkukortti", "Passerkort till gymmet"}},
            "TER", new String[][] {{"Seniorien digituki", "Digistöd för seniorer"},
                {"Ravitsemusneuvonnan verkkokurssi", "Webbkurs i näringsrådgivning"}},
            "TYO", new String[][] {{"Kaupungin kesätyöpaikkojen haku", "Ansökan om sommarjobb i kommunen"},
                {"Työnhakijoiden verkkovalmennus", "Webbcoachning för arbetssökande"}},
            "VIO", new String[][] {{"Kuntatiedote tekstiviestinä", "Kommuninfo per sms"},
                {"Avoimen datan portaali", "Portal för öppna data"}});
    private static final double LOG_MIN_POP = Math.log10(400);
    private static final double LOG_MAX_POP = Math.log10(700_000);

    private final Schema schema;
    private final TemplateWriter writer;
    private final Map<Lang, byte[]> blank = new EnumMap<>(Lang.class);

    public SampleGenerator(Schema schema) {
        this.schema = schema;
        this.writer = new TemplateWriter(schema);
        // The standard blank workbook is built once per language and parsed per return: faster
        // than building it again, which matters for the bench mode's thousands of files.
        for (Lang l : List.of(Lang.FI, Lang.SV)) {
            blank.put(l, writer.write(l, Instant.EPOCH));
        }
    }

    public Schema schema() {
        return schema;
    }

    /** The time stamped into a return's file: noon UTC of its fill date. */
    public static Instant fileTime(LocalDate fillDate) {
        return fillDate.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /** A valid return as .xlsx bytes. */
    public byte[] generate(ReturnSpec spec) {
        return generate(spec, f -> { });
    }

    /**
     * A return as .xlsx bytes, with {@code edit} applied after filling and before the formulas
     * outside the summary tab are evaluated (so that their cached values match what the edit left;
     * POI cannot evaluate the live summary, which keeps the blank template's values until a
     * spreadsheet program recalculates it).
     */
    public byte[] generate(ReturnSpec spec, Consumer<Filled> edit) {
        try (XSSFWorkbook wb = open(spec.layout())) {
            Filled f = new Filled(wb, spec.layout(), schema, spec);
            fill(f, new Random(spec.seed()));
            edit.accept(f);
            TemplateWriter.evaluateOutsideSummary(wb, schema);
            f.afterEvaluation.forEach(Runnable::run);
            return TemplateWriter.toBytes(wb, fileTime(spec.fillDate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private XSSFWorkbook open(TemplateLayout layout) throws IOException {
        if (layout.equals(TemplateLayout.standard(schema, layout.lang()))) {
            return new XSSFWorkbook(new ByteArrayInputStream(blank.get(layout.lang())));
        }
        return writer.build(layout);
    }

    /** A seed for one file, from the run's seed and the file's name, independent of generation order. */
    public static long seedFor(long seed, String key) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key.hashCode()).nextLong();
    }

    /** 0 for the smallest municipalities, 1 for the largest, on a log scale of population. */
    static double size(Municipality m) {
        double s = (Math.log10(Math.max(1, m.population())) - LOG_MIN_POP) / (LOG_MAX_POP - LOG_MIN_POP);
        return Math.max(0, Math.min(1, s));
    }

    /** A stable number in [0,1) from a text, so that e.g. a service's volume per capita is the same everywhere. */
    static double unit(String key) {
        return (new SplittableRandom(key.hashCode() * 0x2545F4914F6CDD1DL).nextLong() >>> 11) * 0x1.0p-53;
    }

    /** File name of a return: code, the Finnish name as ASCII, "-sv" for a Swedish workbook. */
    public static String fileName(Municipality m, Lang lang, String suffix) {
        return m.code() + "-" + slug(m.nameFi()) + (lang == Lang.SV ? "-sv" : "") + suffix + ".xlsx";
    }

    static String slug(String s) {
        String a = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return a.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    // ---- filling ----

    private void fill(Filled f, Random r) {
        ReturnSpec spec = f.spec;
        Municipality m = spec.municipality();
        Lang lang = spec.layout().lang();
        double size = Math.max(0, Math.min(1, size(m) + spec.progress()));
        double defaultHourly = 30 + Math.round(r.nextDouble() * 50) / 2.0;

        String first = pick(r, lang == Lang.SV ? SV_FIRST : FI_FIRST);
        String last = pick(r, lang == Lang.SV ? SV_LAST : FI_LAST);
        f.setId("name", lang == Lang.SV ? m.nameSv() : m.nameFi());
        if (spec.has(ReturnSpec.Quirk.CODE_AS_NUMBER)) {
            f.setId("code", Double.parseDouble(m.code()));
        } else {
            f.setId("code", m.code());
        }
        f.setId("contact", first + " " + last);
        f.setId("email", slug(first) + "." + slug(last) + "@" + slug(lang == Lang.SV ? m.nameSv() : m.nameFi()) + ".fi");
        if (spec.has(ReturnSpec.Quirk.DATE_AS_TEXT)) {
            LocalDate d = spec.fillDate();
            f.setId("date", d.getDayOfMonth() + "." + d.getMonthValue() + "." + d.getYear());
        } else {
            f.setId("date", spec.fillDate());
        }
        f.setId("hourly", defaultHourly);
        if (schema.idKey("round").isPresent()) {
            // Form version 2 states its round: the year of the fill date, as a number. Somebody who
            // types numbers as text types a year as "2026", never with a thousands space.
            int year = spec.fillDate().getYear();
            f.setId("round", spec.has(ReturnSpec.Quirk.TEXT_NUMBERS) ? (Object) String.valueOf(year)
                    : (Object) (double) year);
        }

        for (String area : spec.layout().areaTabs().keySet()) {
            int row = TemplateLayout.FIRST_SERVICE_ROW;
            for (Schema.CatalogueService svc : schema.servicesOf(area)) {
                f.setRow(area, row++, answer(svc.id(), size, m, r));
            }
            if (spec.has(ReturnSpec.Quirk.OWN_SERVICES) && r.nextDouble() < 0.5) {
                String[][] names = OWN.getOrDefault(area, new String[0][]);
                int n = Math.min(names.length, 1 + r.nextInt(2));
                for (int i = 0; i < n; i++) {
                    Map<String, Object> a = answer(area + "-own-" + i, Math.max(size, 0.6), m, r);
                    boolean inUse = r.nextDouble() < 0.75;
                    a.put("status", inUse ? "IN_USE" : "PLANNED");
                    if (inUse) {
                        ensureStagesAndUsage(a, size, r);
                    } else {
                        a.remove("usage");
                    }
                    a.put("id", "");
                    a.put("service", lang == Lang.SV ? names[i][1] : names[i][0]);
                    f.setRow(area, row++, a);
                }
            }
        }
    }

    /**
     * One service row's answers by column key. Values are status/stage codes (turned into labels
     * when written), Doubles, Strings, or catalogue names.
     */
    Map<String, Object> answer(String serviceId, double size, Municipality m, Random r) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", serviceId);
        schema.service(serviceId).ifPresent(s -> a.put("service", s.name()));
        double common = 0.6 + 0.8 * unit(serviceId);
        if (r.nextDouble() >= 0.55 + 0.43 * size) {
            return a;
        }
        double pInUse = Math.min(0.95, (0.25 + 0.55 * size) * common);
        double pPlanned = 0.45 * (1 - pInUse);
        double x = r.nextDouble();
        String status = x < pInUse ? "IN_USE" : x < pInUse + pPlanned ? "PLANNED" : "NOT_ADOPTED";
        a.put("status", status);
        if (status.equals("NOT_ADOPTED")) {
            return a;
        }
        if (status.equals("IN_USE") || r.nextDouble() < 0.5) {
            stages(a, serviceId, status.equals("IN_USE") ? size : size * 0.3, r);
        }
        if (status.equals("IN_USE")) {
            ensureStagesAndUsage(a, size, r);
            if (r.nextDouble() < 0.6) {
                a.put("system", pick(r, SYSTEMS));
            }
        }
        if (r.nextDouble() < 0.2 + 0.6 * size) {
            savings(a, serviceId, m, r);
        }
        return a;
    }

    private void stages(Map<String, Object> a, String serviceId, double digital, Random r) {
        List<String> st = schema.stages();
        for (int i = 0; i < st.size(); i++) {
            String stage = st.get(i);
            String level;
            if (unit(serviceId + "/" + stage) < 0.12) {
                level = "NOT_APPLICABLE"; // the same services lack the same stages everywhere
            } else {
                double d = Math.min(0.9, 0.15 + 0.5 * digital + (i < 2 ? 0.15 : 0));
                double y = r.nextDouble();
                level = y < d ? "DIGITAL" : y < d + 0.55 * (1 - d) ? "ELECTRONIC" : "MANUAL";
            }
            a.put("stage." + stage, level);
        }
    }

    private void ensureStagesAndUsage(Map<String, Object> a, double size, Random r) {
        boolean anyStage = schema.stages().stream().anyMatch(s -> a.containsKey("stage." + s)
                && !a.get("stage." + s).equals("NOT_APPLICABLE"));
        if (!anyStage) {
            a.put("stage." + schema.stages().get(0), "ELECTRONIC");
        }
        double u = 0.2 + 0.45 * size + r.nextGaussian() * 0.15;
        double step = size > 0.5 ? 20 : 10;
        a.put("usage", Math.max(1, Math.min(step - 1, Math.round(u * step))) / step);
    }

    private static void savings(Map<String, Object> a, String serviceId, Municipality m, Random r) {
        double perThousand = Math.pow(10, -0.7 + 2.0 * unit(serviceId + "/volume"));
        double volume = Math.max(5, Math.round(m.population() / 1000.0 * perThousand * (0.75 + 0.5 * r.nextDouble())));
        a.put("volume", volume);
        if (r.nextDouble() < 0.5) {
            a.put("hourly", 30 + Math.round(r.nextDouble() * 60) / 2.0);
        }
        double minutes = 0;
        if (r.nextDouble() < 0.15) {
            minutes = 10 + Math.round(r.nextDouble() * 160) / 2.0;
            a.put("save.total", minutes);
        } else {
            for (String st : List.of("KAS", "PAA", "LAS", "ARK")) {
                if (!"NOT_APPLICABLE".equals(a.get("stage." + st)) && r.nextDouble() < 0.85) {
                    double v = 1 + Math.round(r.nextDouble() * 60) / 2.0;
                    a.put("save." + st, v);
                    minutes += v;
                }
            }
            if (minutes == 0) {
                a.put("save.KAS", 5.0);
                minutes = 5;
            }
        }
        double cost = Math.round((300 + Math.pow(m.population(), 0.7) * (0.5 + 2.5 * r.nextDouble())) / 10) * 10.0;
        a.put("cost", cost);
        if (r.nextDouble() < 0.3) {
            double gross = volume * minutes / 60 * 40;
            a.put("target", Math.max(100, Math.round(gross * (0.3 + 0.6 * r.nextDouble()) / 100) * 100.0));
        }
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    /** A workbook being filled: where things are, and how to write values the way the spec's quirks say. */
    public static final class Filled {
        final XSSFWorkbook wb;
        final TemplateLayout layout;
        final Schema schema;
        final ReturnSpec spec;
        final List<Runnable> afterEvaluation = new ArrayList<>();

        Filled(XSSFWorkbook wb, TemplateLayout layout, Schema schema, ReturnSpec spec) {
            this.wb = wb;
            this.layout = layout;
            this.schema = schema;
            this.spec = spec;
        }

        public XSSFWorkbook workbook() {
            return wb;
        }

        public TemplateLayout layout() {
            return layout;
        }

        public Sheet areaSheet(String area) {
            return wb.getSheet(layout.areaTabs().get(area));
        }

        public Sheet summary() {
            return wb.getSheet(schema.tabs().get("summary").name().get(layout.lang()));
        }

        /** 0-based row of a catalogue service on its area tab. */
        public int rowOf(String serviceId) {
            Schema.CatalogueService s = schema.service(serviceId).orElseThrow();
            return TemplateLayout.FIRST_SERVICE_ROW + schema.servicesOf(s.area()).indexOf(s);
        }

        /** Runs after the formulas are evaluated: for cells that must keep no cached value. */
        public void afterEvaluation(Runnable r) {
            afterEvaluation.add(r);
        }

        /** Writes an identification value (column B) as given: String, Double or LocalDate. */
        public void setId(String key, Object value) {
            SampleCells.writeId(this, SampleCells.cell(summary(), TemplateLayout.identificationRow(schema, key),
                    TemplateLayout.VALUE_COL), value);
        }

        /** Writes a service row (clearing the answer cells it does not name). */
        public void setRow(String area, int row, Map<String, Object> answers) {
            Sheet sh = areaSheet(area);
            for (String key : layout.columnOrder()) {
                Cell c = SampleCells.cell(sh, row, layout.columnIndex(key));
                Object v = answers.get(key);
                if (v == null) {
                    // A catalogue row keeps the template's id and name unless the answers replace them.
                    if (!key.equals("id") && !key.equals("service")) {
                        c.setBlank();
                    }
                    continue;
                }
                SampleCells.write(this, c, key, v);
            }
        }

        /** Writes one value into an area-tab cell; status and stage codes become labels of the workbook's language. */
        public void set(String area, int row, String key, Object value) {
            Cell c = SampleCells.cell(areaSheet(area), row, layout.columnIndex(key));
            if (value == null) {
                c.setBlank();
            } else {
                SampleCells.write(this, c, key, value);
            }
        }
    }
}
