package fi.digikunta.report;

import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.AssessmentReturn;
import fi.digikunta.model.Figures;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs over three assessment rounds for the trend pictures: 2024 and 2025 on form version 1, 2026 on
 * version 2, the twelve municipalities of {@link TestRuns#many()} with answers generated per round.
 * Inari (148) skips 2024, Helsinki (091) skips 2025, Alajärvi (005) answers only 2026, Turku (853) answers 2026 in Swedish, and
 * Helsinki's and Turku's index are set by hand so that the words can be checked against them.
 */
final class TrendRuns {
    static final List<Integer> ROUNDS = List.of(2024, 2025, 2026);
    static final List<String> VERSIONS = List.of("1", "1", "2");

    private TrendRuns() {
    }

    /**
     * Helsinki: 41.0 (level 2) in 2024, no return in 2025, 52.5 (level 3) in 2026; its ASU 60.0 then 55.0
     * (level 3 both). Turku: 70.0 (level 3) in 2025, 64.5 (level 3) in 2026.
     */
    static RunResult threeRounds() {
        List<Figures> rounds = new ArrayList<>();
        List<FileResult> files = new ArrayList<>();
        for (int r = 0; r < ROUNDS.size(); r++) {
            int round = ROUNDS.get(r);
            List<MunicipalityFigures> ms = new ArrayList<>();
            for (TestRuns.Muni m : TestRuns.many()) {
                if (round == 2024 && m.code().equals("148") || round == 2025 && m.code().equals("091")
                        || round < 2026 && m.code().equals("005")) {
                    continue;
                }
                String file = m.code() + "-" + round + ".xlsx";
                TestRuns.Generated g = TestRuns.generate(new TestRuns.Muni(m.code(), m.nameFi(), m.nameSv(),
                        m.region(), m.population(), file, m.seed() * 31 + round, List.of(), null, null, null));
                MunicipalityFigures f = g.figures();
                MunicipalityFigures mf = new MunicipalityFigures(f.code(), f.nameFi(), f.nameSv(), f.region(),
                        f.population(), f.file(), f.areas(), f.index(), f.level(), f.savings(), f.services(),
                        VERSIONS.get(r));
                if (m.code().equals("091")) {
                    mf = round == 2024 ? withIndex(mf, 41.0, 2, Map.of("ASU", 60.0), Map.of("ASU", 3))
                            : withIndex(mf, 52.5, 3, Map.of("ASU", 55.0), Map.of("ASU", 3));
                }
                if (m.code().equals("853") && round >= 2025) {
                    mf = round == 2025 ? withIndex(mf, 70.0, 3, Map.of(), Map.of())
                            : withIndex(mf, 64.5, 3, Map.of(), Map.of());
                }
                ms.add(mf);
                AssessmentReturn ret = new AssessmentReturn(VERSIONS.get(r), g.ret().identification(),
                        g.ret().areas(), m.code().equals("853") && round == 2026 ? fi.digikunta.schema.Lang.SV : null);
                files.add(new FileResult(file, Outcome.ACCEPTED, m.code(), null, List.of(), false, ret,
                        TestRuns.GENERATED, null, round));
            }
            rounds.add(new Figures(VERSIONS.get(r), ms, TestRuns.national(ms), round));
        }
        Figures latest = rounds.get(rounds.size() - 1);
        return new RunResult("0.1.0-test", "2", TestRuns.GENERATED, files, latest, null, rounds);
    }

    /** The same municipality with its overall and some areas' index and level replaced. */
    static MunicipalityFigures withIndex(MunicipalityFigures m, double index, int level, Map<String, Double> areaIndex,
            Map<String, Integer> areaLevel) {
        List<AreaFigures> areas = new ArrayList<>();
        for (AreaFigures a : m.areas()) {
            areas.add(!areaIndex.containsKey(a.area()) ? a : new AreaFigures(a.area(), a.inUse(), a.planned(),
                    a.notAdopted(), a.unanswered(), a.coverage(), a.depth(), a.usage(), areaIndex.get(a.area()),
                    areaLevel.get(a.area()), a.savings()));
        }
        return new MunicipalityFigures(m.code(), m.nameFi(), m.nameSv(), m.region(), m.population(), m.file(), areas,
                index, level, m.savings(), m.services(), m.schemaVersion());
    }
}
