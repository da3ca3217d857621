package fi.digikunta.compute;

import static fi.digikunta.compute.Returns.row;
import static fi.digikunta.model.Status.IN_USE;

import fi.digikunta.model.Figures;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.StageLevel;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.util.List;

/**
 * Three municipalities over three rounds whose figures are worked by hand (TrendCalculatorTest and
 * the trend-table tests). Every return has only ASU services in use, each all-digital (depth 1),
 * volume 1000, 6 minutes a case, 50 €/h, cost 1000: potential = 1000 x 6 / 60 x 50 - 1000 = 4000 a
 * service, realised = 5000 u - 1000. ASU has 15 catalogue services in v1 and 16 in v2; the other five
 * areas are unanswered (index 0), so a municipality's overall index is its ASU index / 6.
 * <pre>
 *        091 (Helsinki)        049 (Espoo)       837 (Tampere)
 * 2024   v1 u 0.5              v1 u 1.0, 1.0     -
 * 2025   v1 u 0.5, 1.0         -                 v1 u 0.2
 * 2026   v2 u 0.5, 1.0, 1.0    v1 u 1.0          v1 u 0.6
 * </pre>
 * ASU by hand: index = 100 (0.4 n / S + 0.3 + 0.3 mean u).
 * <pre>
 *        091                      049                    837
 * 2024   1/15, .5, 47.6667 L2     2/15, 1, 65.3333 L3    -
 * 2025   2/15, .75, 57.8333 L3    -                      1/15, .2, 38.6667 L2
 * 2026   3/16, .8333, 62.5 L3     1/15, 1, 62.6667 L3    1/15, .6, 50.6667 L3
 * </pre>
 */
public final class HandWorkedRounds {
    static final SchemaRegistry REG = SchemaRegistry.load();
    static final Schema V1 = REG.version("1").orElseThrow();
    static final Schema V2 = REG.version("2").orElseThrow();

    private HandWorkedRounds() {
    }

    static FileResult ret(String code, Schema schema, int round, double... usages) {
        Returns r = Returns.of(code, schema);
        for (int i = 0; i < usages.length; i++) {
            r.add("ASU", row(5 + i, "ASU-0" + (i + 1)).status(IN_USE).allStages(StageLevel.DIGITAL)
                    .usage(usages[i]).volume(1000).saveTotal(6).hourly(50).cost(1000));
        }
        return r.file(code + "-" + round + ".xlsx", Outcome.ACCEPTED, round);
    }

    /** The seven returns, as validation would hand them over (each counting, with its round). */
    public static List<FileResult> files() {
        return List.of(ret("091", V1, 2024, 0.5), ret("049", V1, 2024, 1.0, 1.0),
                ret("091", V1, 2025, 0.5, 1.0), ret("837", V1, 2025, 0.2),
                ret("091", V2, 2026, 0.5, 1.0, 1.0), ret("049", V1, 2026, 1.0), ret("837", V1, 2026, 0.6));
    }

    /** Their figures round by round, oldest first. */
    public static List<Figures> rounds() {
        return RoundFigures.byRound(REG, MunicipalityList.builtIn(), files());
    }
}
