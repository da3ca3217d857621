package fi.digikunta.compute;

import fi.digikunta.model.Figures;
import fi.digikunta.model.FileResult;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures round by round: the counting files of each round computed on their own, exactly as a
 * run over that round's files alone would (figures.md is per round). Each return uses the schema of
 * its own form version; a round's national per-service figures use the newest version among its
 * returns. A file without a round (one made before rounds were known) falls in one round of its own.
 */
public final class RoundFigures {
    private static final Comparator<Integer> ROUND_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

    private RoundFigures() {
    }

    /** Every round that has a counting file, oldest first; empty when nothing counts. */
    public static List<Figures> byRound(SchemaRegistry registry, MunicipalityList municipalities,
            List<FileResult> files) {
        Map<Integer, List<FileResult>> rounds = new TreeMap<>(ROUND_ORDER);
        for (FileResult f : files) {
            if (f.outcome().counts()) {
                rounds.computeIfAbsent(f.round(), r -> new ArrayList<>()).add(f);
            }
        }
        List<Figures> out = new ArrayList<>();
        rounds.forEach((round, fs) -> out.add(FiguresCalculator.compute(
                v -> registry.version(v).orElseThrow(() -> new IllegalArgumentException("unknown schema " + v)),
                newest(registry, fs), municipalities, fs, round)));
        return List.copyOf(out);
    }

    /** The figures of the latest round: what the headline describes; empty figures when nothing counts. */
    public static Figures latest(SchemaRegistry registry, MunicipalityList municipalities, List<Figures> rounds) {
        if (rounds.isEmpty()) {
            return FiguresCalculator.compute(registry.latest(), municipalities, List.of());
        }
        return rounds.get(rounds.size() - 1);
    }

    /** The newest schema version a return of these files uses. */
    private static Schema newest(SchemaRegistry registry, List<FileResult> files) {
        Schema newest = null;
        for (String v : SchemaRegistry.VERSIONS) {
            for (FileResult f : files) {
                if (f.ret() != null && v.equals(f.ret().schemaVersion())) {
                    newest = registry.version(v).orElseThrow();
                }
            }
        }
        return newest != null ? newest : registry.latest();
    }
}
