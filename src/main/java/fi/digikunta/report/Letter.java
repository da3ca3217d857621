package fi.digikunta.report;

import fi.digikunta.findings.Finding;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.findings.FindingTexts;
import fi.digikunta.findings.Severity;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.Outcome;
import fi.digikunta.report.HtmlModel.FileFindings;
import fi.digikunta.report.HtmlModel.FixLine;
import fi.digikunta.report.HtmlModel.KindCount;
import fi.digikunta.report.HtmlModel.LetterTop;
import fi.digikunta.schema.Lang;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The letter part of a municipality's page: what became of its return and what to do, then the
 * fixes grouped so that a person can act on them (errors first; one line per kind, tab and column
 * with the range and count; warnings that need no action said once, not asked to be fixed).
 */
record Letter(Map<String, String> t, Lang lang, Fmt f) {
    /** Warnings that tell what was done and need nothing from the municipality. */
    static final Set<FindingCode> NO_ACTION = Set.of(FindingCode.NUMBER_AS_TEXT, FindingCode.FINDINGS_CAPPED);
    private static final Pattern CELL = Pattern.compile("([A-Z]+)([0-9]+)");

    /**
     * The top of the letter for the file the page is about (the counted one, else the latest judged).
     * {@code headlineRound} is the national report's round: a counted return of another round says
     * so. {@code newerRejected}, a file rejected that was saved after the counted return (a
     * correction that failed), is then what to do, not "nothing". Either may be null.
     */
    LetterTop top(FileResult x, String filled, Integer headlineRound, FileResult newerRejected) {
        if (x == null) {
            return new LetterTop(null, null, t.get("letter_no_file"), t.get("letter_action_none"), null, null, null,
                    null);
        }
        FileFindings ff = findings(x);
        int fixes = ff.fixes().stream().mapToInt(l -> 1).sum();
        boolean errors = ff.fixes().stream().anyMatch(l -> "error".equals(l.severityId()));
        String sentence;
        String action;
        switch (x.outcome()) {
            case ACCEPTED -> {
                sentence = t.get("letter_accepted");
                action = t.get("letter_action_none");
            }
            case ACCEPTED_WITH_WARNINGS -> {
                sentence = t.get(errors ? "letter_accepted_errors" : "letter_accepted_warnings");
                action = fixes == 0 ? t.get("letter_action_none")
                        : fill(t.get(fixes == 1 ? "letter_action_fix_one" : "letter_action_fix"), fixes);
            }
            case REJECTED -> {
                sentence = t.get("letter_rejected");
                action = t.get("letter_action_resend");
            }
            case SUPERSEDED -> {
                sentence = t.get("letter_superseded");
                action = t.get("letter_action_none");
            }
            default -> {
                sentence = t.get("letter_pending");
                action = t.get("letter_action_none");
            }
        }
        if (x.outcome().counts() && x.round() != null && headlineRound != null && !headlineRound.equals(x.round())) {
            sentence = x.outcome() == Outcome.ACCEPTED
                    ? fill(t.get("letter_counted_other_round"), x.round(), headlineRound)
                    : sentence + " " + fill(t.get("letter_headline_other_round"), x.round(), headlineRound);
        }
        if (newerRejected != null) {
            action = fill(t.get("letter_action_newer_rejected"), Text.clean(newerRejected.file()),
                    Text.clean(x.file()));
        }
        return new LetterTop(x.outcome().id(), HtmlModel.outcome(t, x.outcome()), sentence, action,
                Text.clean(x.file()), filled, x.reason() == null ? null : Text.clean(x.reason().get(lang)),
                x.reasonCode());
    }

    /** One judged file's findings as fix lines, no-action notes and the count of every kind. */
    FileFindings findings(FileResult x) {
        return findings(x, true);
    }

    /**
     * As {@link #findings(FileResult)}; {@code reasonAtTop} false for a rejected file the letter's top
     * does not describe (a newer file beside the return that counts): its reason is then a fix.
     */
    FileFindings findings(FileResult x, boolean reasonAtTop) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        Map<FindingCode, Integer> kinds = new LinkedHashMap<>();
        boolean reasonSaid = x.outcome() != Outcome.REJECTED || !reasonAtTop;
        for (Finding fd : x.findings()) {
            kinds.merge(fd.code(), 1, Integer::sum);
            if (!reasonSaid && fd.id().equals(x.reasonCode())) {
                // The reason is said once, at the top of the letter; it is not repeated as a fix.
                reasonSaid = true;
                continue;
            }
            groups.computeIfAbsent(groupKey(fd), k -> new ArrayList<>()).add(fd);
        }
        List<FixLine> fixes = new ArrayList<>();
        Map<FindingCode, List<Finding>> noAction = new LinkedHashMap<>();
        for (List<Finding> g : groups.values()) {
            if (NO_ACTION.contains(g.get(0).code())) {
                noAction.computeIfAbsent(g.get(0).code(), k -> new ArrayList<>()).addAll(g);
            } else {
                fixes.add(line(g));
            }
        }
        // What needs no action is said once per kind, with its count and one example.
        List<FixLine> notes = new ArrayList<>();
        noAction.forEach((c, list) -> notes.add(note(list)));
        // Errors before warnings; otherwise in the order found.
        fixes.sort(Comparator.comparingInt(l -> "error".equals(l.severityId()) ? 0 : 1));
        List<KindCount> kindCounts = new ArrayList<>();
        kinds.forEach((c, n) -> kindCounts.add(new KindCount(c.code(), title(c), Tables.id(severity(c)),
                severityText(severity(c)), n, NO_ACTION.contains(c))));
        kindCounts.sort(Comparator.comparingInt(k -> "error".equals(k.severityId()) ? 0 : 1));
        return new FileFindings(Text.clean(x.file()), HtmlModel.outcome(t, x.outcome()), x.outcome().id(),
                x.findingsTruncated(), fixes, notes, kindCounts);
    }

    /** Findings of one kind in one column of one tab are one group; others stand alone. */
    private static String groupKey(Finding fd) {
        Matcher m = fd.cell() == null ? null : CELL.matcher(fd.cell());
        if (m == null || !m.matches() || fd.code().family() != FindingCode.Family.CELL) {
            return System.identityHashCode(fd) + "/" + fd.id() + "/" + fd.sheet() + "/" + fd.cell();
        }
        return fd.id() + "/" + fd.sheet() + "/" + m.group(1);
    }

    private FixLine line(List<Finding> g) {
        Finding first = g.get(0);
        String where = first.cell();
        String message = first.message() == null ? "" : Text.clean(first.message().get(lang));
        if (g.size() > 1) {
            Matcher m = CELL.matcher(first.cell());
            m.matches();
            int[] rows = g.stream().mapToInt(x -> {
                Matcher r = CELL.matcher(x.cell());
                r.matches();
                return Integer.parseInt(r.group(2));
            }).sorted().toArray();
            where = m.group(1) + rows[0] + ":" + m.group(1) + rows[rows.length - 1];
            boolean same = g.stream().allMatch(x -> x.message() != null && x.message().get(lang).equals(
                    first.message().get(lang)));
            if (!same) {
                message = title(first.code()) + ". " + fill(t.get("letter_for_example"), message);
            }
        }
        return new FixLine(Tables.id(first.severity()), severityText(first.severity()), Text.clean(first.sheet()),
                column(first), where, g.size(), g.size() > 1 ? fill(t.get("letter_cells"), f.integer(g.size())) : null, message,
                first.id());
    }

    private FixLine note(List<Finding> all) {
        Finding first = all.get(0);
        String message = first.message() == null ? "" : Text.clean(first.message().get(lang));
        if (all.size() == 1) {
            return new FixLine(Tables.id(first.severity()), severityText(first.severity()), Text.clean(first.sheet()),
                    column(first), first.cell(), 1, null, message, first.id());
        }
        return new FixLine(Tables.id(first.severity()), severityText(first.severity()), null, null, null, all.size(),
                fill(t.get("letter_times"), f.integer(all.size())),
                title(first.code()) + ". " + fill(t.get("letter_for_example"), message), first.id());
    }

    /** The name of the finding's form column in the page's language; null where it is not in one. */
    private String column(Finding fd) {
        return fd.column() == null ? null : Text.clean(fd.column().get(lang));
    }

    private static Severity severity(FindingCode c) {
        return c.level() == FindingCode.Level.WARNING ? Severity.WARNING : Severity.ERROR;
    }

    private String severityText(Severity s) {
        return t.getOrDefault("severity_" + Tables.id(s), Tables.id(s));
    }

    private String title(FindingCode c) {
        String title = FindingTexts.template(lang, c.code() + ".title");
        return title == null ? c.code() : title;
    }

    /** {0}, {1}, ... replaced in one pass: an argument that itself holds "{1}" (a file name) stays as it is. */
    static String fill(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int close = template.charAt(i) == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(template.substring(i + 1, close));
                if (n < args.length) {
                    out.append(args[n]);
                    i = close + 1;
                    continue;
                }
            }
            out.append(template.charAt(i++));
        }
        return out.toString();
    }
}
