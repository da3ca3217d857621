package fi.digikunta.samples;

import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.samples.ReturnSpec.Quirk;
import fi.digikunta.samples.SampleGenerator.Filled;
import fi.digikunta.samples.SampleSet.Sample;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import fi.digikunta.template.TemplateLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The committed sample history (samples/rounds): the returns of two assessment rounds as a
 * coordinator keeps them, one inbox folder per round. Round 2025 is on form version 1 (no round
 * field: the round is the inbox's, {@code 2025=samples/rounds/2025}), round 2026 on form version 2
 * (round field filled). 32 municipalities: most answer both rounds, some only one; some change the
 * form's language between rounds; some moved forward ({@link ReturnSpec#progress}); a few returns
 * earn findings, one is rejected. Same-named files in both rounds (091-helsinki.xlsx) on purpose.
 */
public final class SampleHistory {
    /** The seed of the committed history. */
    public static final long DEFAULT_SEED = 20250101L;

    /** One file of one round's inbox. */
    public record Entry(int round, Sample sample) {
        /** Its path under the history folder: {@code <round>/<file>}. */
        public String path() {
            return round + "/" + sample.file();
        }
    }

    private static final String ACCEPTED = "accepted";
    private static final String WARNINGS = "accepted_with_warnings";
    private static final String SUPERSEDED = "superseded";
    private static final String REJECTED = "rejected";
    /** How far a municipality that moved forward between the rounds has come (on the 0-1 size score). */
    private static final double FORWARD = 0.35;

    private final Map<Integer, SampleGenerator> gens;
    private final MunicipalityList municipalities;
    private final long seed;

    public SampleHistory(SchemaRegistry registry, MunicipalityList municipalities, long seed) {
        this.gens = Map.of(2025, new SampleGenerator(registry.version("1").orElseThrow()),
                2026, new SampleGenerator(registry.version("2").orElseThrow()));
        this.municipalities = municipalities;
        this.seed = seed;
    }

    /** Writes every round's inbox into {@code dir/<round>/} (created when missing); returns the files. */
    public List<Path> write(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Entry e : entries()) {
            Path p = dir.resolve(e.path());
            Files.createDirectories(p.getParent());
            Files.write(p, e.sample().bytes().get());
            out.add(p);
        }
        return out;
    }

    /** The README table: | round | file | outcome | codes | description |, by round and name. */
    public String readmeTable() {
        StringBuilder b = new StringBuilder(
                "| round | file | outcome | codes | what it holds |\n|---|---|---|---|---|\n");
        entries().stream().sorted(Comparator.comparing(Entry::path)).forEach(e -> b.append("| ").append(e.round())
                .append(" | `").append(e.sample().file()).append("` | ").append(e.sample().outcome()).append(" | ")
                .append(String.join(", ", e.sample().codes())).append(" | ").append(e.sample().description())
                .append(" |\n"));
        return b.toString();
    }

    public List<Entry> entries() {
        List<Entry> l = new ArrayList<>();
        round2025(l);
        round2026(l);
        return l;
    }

    private void round2025(List<Entry> l) {
        both(l, 2025, "2025-02-");
        l.add(ret(2025, "049", Lang.FI, "2025-02-06", 0, "Espoo; the code typed as the number 49",
                Quirk.CODE_AS_NUMBER));
        l.add(ret(2025, "609", Lang.FI, "2025-03-03", 0, "Pori; the fill date typed as text d.m.yyyy",
                Quirk.DATE_AS_TEXT));
        l.add(ret(2025, "905", Lang.FI, "2026-01-14", 0,
                "Vaasa, late: filled in 14.1.2026 on the old form, a 2025 return because its inbox is 2025's"));
        l.add(ret(2025, "837", Lang.FI, "2025-02-27", 0, "Tampere"));
        l.add(ret(2025, "499", Lang.FI, "2025-03-05", 0, "Mustasaari, filled in Finnish this round"));
        l.add(ret(2025, "445", Lang.SV, "2025-02-19", 0, "Pargas (Parainen), filled in Swedish this round"));
        l.add(ret(2025, "638", Lang.SV, "2025-02-25", 0, "Borgå (Porvoo), filled in Swedish this round"));
        for (String[] f : table("""
                167 2025-02-11 Joensuu; skips round 2026
                272 2025-02-20 Kokkola; its 2026 return is rejected
                109 2025-03-07 Hämeenlinna; skips round 2026
                853 2025-02-17 Turku
                297 2025-02-10 Kuopio
                """, 3)) {
            l.add(ret(2025, f[0], Lang.FI, f[1], 0, f[2]));
        }
        l.add(entry(2025, SampleGenerator.fileName(m("020"), Lang.FI, ""), WARNINGS, List.of("name-mismatch"),
                "Akaa, written with the old town name Toijala; skips round 2026",
                spec(2025, "020", Lang.FI, "2025-02-13", 0, ""), f -> f.setId("name", "Toijala")));
    }

    private void round2026(List<Entry> l) {
        both(l, 2026, "2026-02-");
        l.add(ret(2026, "049", Lang.FI, "2026-02-05", 0, "Espoo"));
        l.add(ret(2026, "609", Lang.FI, "2026-03-02", 0, "Pori"));
        l.add(ret(2026, "905", Lang.FI, "2026-02-24", 0, "Vaasa, on time this round"));
        l.add(entry(2026, SampleGenerator.fileName(m("837"), Lang.FI, "-2026-02-20"), SUPERSEDED, List.of(),
                "Tampere, first 2026 return: superseded by the corrected one of the same round (not by 2025's)",
                spec(2026, "837", Lang.FI, "2026-02-20", 0, "-2026-02-20"), f -> { }));
        l.add(entry(2026, SampleGenerator.fileName(m("837"), Lang.FI, "-2026-03-04"), ACCEPTED, List.of(),
                "Tampere, corrected 2026 return: the newest fill date of the round wins",
                spec(2026, "837", Lang.FI, "2026-03-04", FORWARD, "-2026-03-04"), f -> { }));
        l.add(ret(2026, "499", Lang.SV, "2026-02-26", FORWARD,
                "Korsholm (Mustasaari), filled in Swedish this round; moved forward"));
        l.add(ret(2026, "445", Lang.FI, "2026-02-18", 0, "Parainen, filled in Finnish this round"));
        l.add(ret(2026, "638", Lang.FI, "2026-02-23", FORWARD, "Porvoo, filled in Finnish this round; moved forward"));
        for (String[] f : table("""
                186 2026-02-09 Järvenpää; new in round 2026
                491 2026-02-16 Mikkeli; new in round 2026
                694 2026-03-06 Riihimäki; new in round 2026
                153 2026-02-12 Imatra; new in round 2026
                743 2026-02-27 Seinäjoki; new in round 2026
                """, 3)) {
            l.add(ret(2026, f[0], Lang.FI, f[1], 0, f[2]));
        }
        findings2026(l);
    }

    /** The returns of 2026 that earn findings. */
    private void findings2026(List<Entry> l) {
        Schema v2 = gens.get(2026).schema();
        l.add(entry(2026, SampleGenerator.fileName(m("853"), Lang.FI, ""), WARNINGS, List.of("number-as-text"),
                "Turku; numbers typed as text the Finnish way (\"1 200,50\", \"55 %\")",
                spec(2026, "853", Lang.FI, "2026-02-17", 0, "", Quirk.TEXT_NUMBERS), f -> { }));
        l.add(entry(2026, SampleGenerator.fileName(m("297"), Lang.FI, ""), WARNINGS, List.of("unknown-id"),
                "Kuopio; moved forward, but kept last round's KUL-09, retired in form 2 (read as its own service)",
                spec(2026, "297", Lang.FI, "2026-02-10", FORWARD, ""), f -> {
                    Map<String, Object> row = new SampleEdits(v2).savingsRow("KUL-09", null, null, null);
                    row.put("service", "Kokoelmat verkossa");
                    f.setRow("KUL", f.layout().lastServiceRow(v2, "KUL"), row);
                }));
        l.add(entry(2026, SampleGenerator.fileName(m("272"), Lang.FI, ""), REJECTED,
                List.of("identification-missing"),
                "Kokkola; the round (Arviointikierros) left empty: rejected, so Kokkola has no 2026 figures",
                spec(2026, "272", Lang.FI, "2026-02-19", 0, ""),
                f -> SampleEdits.clearRow(f.summary(), TemplateLayout.identificationRow(v2, "round"))));
    }

    /** The municipalities that answer both rounds with no departure but, for some, progress in 2026. */
    private void both(List<Entry> l, int round, String month) {
        for (String[] f : table("""
                091 12 fi 0 Helsinki; own services added; the same file name in both rounds
                092 07 fi + Vantaa; moved forward in 2026
                564 10 fi + Oulu; moved forward in 2026
                179 04 fi + Jyväskylä; moved forward in 2026
                398 14 fi 0 Lahti
                405 21 fi + Lappeenranta; moved forward in 2026
                698 18 fi + Rovaniemi; moved forward in 2026
                148 05 fi + Inari, small and rural; moved forward in 2026
                046 13 fi + Enonkoski, small and rural; moved forward in 2026
                759 04 fi 0 Soini, small and rural
                892 20 fi + Uurainen, small and rural; moved forward in 2026
                578 11 fi 0 Paltamo, small and rural
                478 06 sv 0 Mariehamn (Maarianhamina), in Swedish both rounds
                035 25 sv + Brändö, the smallest, in Swedish both rounds; moved forward in 2026
                """, 5)) {
            double progress = round == 2026 && f[3].equals("+") ? FORWARD : 0;
            Quirk[] q = f[0].equals("091") ? new Quirk[] {Quirk.OWN_SERVICES} : new Quirk[0];
            l.add(ret(round, f[0], f[2].equals("sv") ? Lang.SV : Lang.FI, month + f[1], progress, f[4], q));
        }
    }

    // ---- building blocks ----

    /** Lines of {@code n} space-separated fields; the last field takes the rest of the line. */
    private static List<String[]> table(String text, int n) {
        return text.lines().map(line -> line.split(" ", n)).toList();
    }

    private Municipality m(String code) {
        return municipalities.byCode(code).orElseThrow(() -> new IllegalStateException("no municipality " + code));
    }

    private ReturnSpec spec(int round, String code, Lang lang, String date, double progress, String key,
            Quirk... quirks) {
        Schema schema = gens.get(round).schema();
        return new ReturnSpec(m(code), TemplateLayout.standard(schema, lang), LocalDate.parse(date), Set.of(quirks),
                SampleGenerator.seedFor(seed, round + "/" + code + key), progress);
    }

    private Entry entry(int round, String file, String outcome, List<String> codes, String description,
            ReturnSpec spec, Consumer<Filled> edit) {
        SampleGenerator gen = gens.get(round);
        return new Entry(round, new Sample(file, outcome, codes, description, () -> gen.generate(spec, edit)));
    }

    private Entry ret(int round, String code, Lang lang, String date, double progress, String description,
            Quirk... quirks) {
        return entry(round, SampleGenerator.fileName(m(code), lang, ""), ACCEPTED, List.of(), description,
                spec(round, code, lang, date, progress, "", quirks), f -> { });
    }
}
