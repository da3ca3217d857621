package fi.digikunta.validate;

import fi.digikunta.findings.Finding;
import fi.digikunta.findings.FindingCode;
import java.util.ArrayList;
import java.util.List;

/** The findings of one file, kept up to the cap (rejections always kept), counted beyond it. */
final class FindingSink {
    private final int cap;
    private final List<Finding> kept = new ArrayList<>();
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
        if (kept.size() < cap || rejection) {
            kept.add(f);
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
