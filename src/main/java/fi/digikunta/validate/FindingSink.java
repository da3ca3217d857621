package fi.digikunta.validate;

import fi.digikunta.findings.Finding;
import fi.digikunta.findings.FindingCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of one file, kept up to the cap for each kind of finding (rejections always kept),
 * counted beyond it. The cap is per kind so that hundreds of one harmless warning never hide a
 * finding of another kind.
 */
final class FindingSink {
    private final int cap;
    private final List<Finding> kept = new ArrayList<>();
    private final Map<FindingCode, Integer> keptByCode = new EnumMap<>(FindingCode.class);
    private int total;
    private Finding firstRejection;

    FindingSink(int cap) {
        this.cap = cap;
    }

    void add(Finding f) {
        total++;
        boolean rejection = f.code().rejects();
        if (rejection && firstRejection == null) {
            firstRejection = f;
        }
        int ofKind = keptByCode.getOrDefault(f.code(), 0);
        if (ofKind < cap || rejection) {
            kept.add(f);
            keptByCode.put(f.code(), ofKind + 1);
        }
    }

    /** Every finding added, kept or not. */
    int total() {
        return total;
    }

    /** The first finding that rejects the file; null while there is none. */
    Finding firstRejection() {
        return firstRejection;
    }

    boolean rejected() {
        return firstRejection != null;
    }

    boolean truncated() {
        return total > kept.size();
    }

    List<Finding> result() {
        List<Finding> out = new ArrayList<>(kept);
        if (truncated()) {
            out.add(FindingCode.FINDINGS_CAPPED.inFile(cap));
        }
        return out;
    }
}
