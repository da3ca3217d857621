package fi.digikunta.validate;

import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Localized;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several returns of one municipality: the one that counts is the newest by fill date
 * (Täyttöpäivä; a missing or invalid date counts as oldest), then by file modification time, then
 * the file name that sorts last (so that the choice never depends on the order files were read).
 * The others become {@code superseded}, with a reason naming the winning file. Only files whose
 * outcome counts take part; rejected and pending files keep their outcome.
 */
public final class Superseding {
    /** Newest first. */
    static final Comparator<FileResult> NEWEST_FIRST = Comparator
            .comparing((FileResult f) -> f.ret() == null ? null : f.ret().identification().fillDate(),
                    Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(FileResult::modified, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(FileResult::file, Comparator.reverseOrder());

    private Superseding() {
    }

    /** The same results in the same order, the losers of each municipality marked superseded. */
    public static List<FileResult> apply(List<FileResult> results, MunicipalityList municipalities) {
        Map<String, FileResult> winner = new HashMap<>();
        for (FileResult f : results) {
            if (!f.outcome().counts() || f.municipalityCode() == null) {
                continue;
            }
            winner.merge(f.municipalityCode(), f, (a, b) -> NEWEST_FIRST.compare(a, b) <= 0 ? a : b);
        }
        List<FileResult> out = new ArrayList<>(results.size());
        for (FileResult f : results) {
            FileResult w = f.outcome().counts() && f.municipalityCode() != null ? winner.get(f.municipalityCode())
                    : null;
            if (w == null || w == f) {
                out.add(f);
                continue;
            }
            Object who = municipalities.byCode(f.municipalityCode()).map(Superseding::label)
                    .orElse(new Localized(f.municipalityCode(), f.municipalityCode(), f.municipalityCode()));
            out.add(f.withOutcome(Outcome.SUPERSEDED, FindingCode.SUPERSEDED.code(),
                    FindingCode.SUPERSEDED.message(who, w.file())));
        }
        return out;
    }

    private static Localized label(Municipality m) {
        return new Localized(m.code() + " " + m.nameFi(), m.code() + " " + m.nameSv(), m.code() + " " + m.nameFi());
    }
}
