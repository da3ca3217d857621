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
import fi.digikunta.findings.FindingCode;

/**
 * Several returns of one municipality in one assessment round (returns of different rounds never
 * supersede each other): the one that counts is the newest by fill date
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

    /**
     * The same results in the same order, the losers of each municipality marked superseded and
     * without their return (the figures never use it).
     */
    public static List<FileResult> apply(List<FileResult> results, MunicipalityList municipalities) {
        Incremental inc = new Incremental(results.size());
        for (int i = 0; i < results.size(); i++) {
            inc.put(i, results.get(i));
        }
        return inc.finish(municipalities);
    }

    /**
     * Superseding as results arrive in any order, so that a return is dropped as soon as it has
     * lost: only each municipality's current winner keeps its {@link FileResult#ret()}, and memory
     * does not grow with the number of superseded files. Gives the same outcomes as sorting first,
     * because the newest return wins whatever the order it is met in. Not thread-safe.
     */
    public static final class Incremental {
        private final FileResult[] results;
        private final Map<String, Integer> winner = new HashMap<>();

        /** For results numbered 0 to size - 1. */
        public Incremental(int size) {
            this.results = new FileResult[size];
        }

        /**
         * Result number i. A number may be given again only while its result does not count (a
         * file tried once more after running out of memory).
         */
        public void put(int i, FileResult f) {
            if (results[i] != null && results[i].outcome().counts()) {
                throw new IllegalStateException("result " + i + " counts already");
            }
            FileResult r = f;
            if (r.outcome().counts() && r.municipalityCode() != null) {
                Integer w = winner.get(key(r));
                if (w == null) {
                    winner.put(key(r), i);
                } else if (NEWEST_FIRST.compare(r, results[w]) < 0
                        || NEWEST_FIRST.compare(r, results[w]) == 0 && i < w) {
                    results[w] = withoutReturn(results[w]);
                    winner.put(key(r), i);
                } else {
                    r = withoutReturn(r);
                }
            }
            results[i] = r;
        }

        /** Result number i as kept so far (without its return if it has lost); null before it is put. */
        public FileResult get(int i) {
            return results[i];
        }

        /** Every result in number order, each municipality's losers marked superseded. */
        public List<FileResult> finish(MunicipalityList municipalities) {
            List<FileResult> out = new ArrayList<>(results.length);
            for (int i = 0; i < results.length; i++) {
                FileResult f = results[i];
                if (f == null) {
                    throw new IllegalStateException("result " + i + " is missing");
                }
                Integer w = f.outcome().counts() && f.municipalityCode() != null ? winner.get(key(f)) : null;
                if (w == null || w == i) {
                    out.add(f);
                    continue;
                }
                Object who = municipalities.byCode(f.municipalityCode()).map(Superseding::label)
                        .orElse(new Localized(f.municipalityCode(), f.municipalityCode(), f.municipalityCode()));
                out.add(f.withOutcome(Outcome.SUPERSEDED, FindingCode.SUPERSEDED.code(),
                        FindingCode.SUPERSEDED.message(who, results[w].file())));
            }
            return out;
        }

        /** Returns compete within one municipality and one round. */
        private static String key(FileResult f) {
            return f.municipalityCode() + "/" + f.round();
        }

        private static FileResult withoutReturn(FileResult f) {
            return f.ret() == null ? f : new FileResult(f.file(), f.outcome(), f.municipalityCode(), f.reason(),
                    f.findings(), f.findingsTruncated(), null, f.modified(), f.reasonCode(), f.round(), f.language());
        }
    }

    private static Localized label(Municipality m) {
        return new Localized(m.code() + " " + m.nameFi(), m.code() + " " + m.nameSv(), m.code() + " " + m.nameFi());
    }
}
