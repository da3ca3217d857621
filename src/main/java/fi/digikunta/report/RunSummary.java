package fi.digikunta.report;

import fi.digikunta.findings.Texts;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.RunResult;
import fi.digikunta.schema.Lang;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The last lines of {@code digikunta run} on stderr (texts/summary): how it went, for the operator
 * and for the mail cron sends. Files by outcome, municipalities counted of the reference list, the
 * exit code and why, the time taken and where the report is. An empty inbox is one line.
 *
 * @param run the run's results and figures
 * @param exitCode the process exit code
 * @param exitReason why that exit code, in words of the run's language
 * @param elapsed the run's wall time
 * @param inputs the inbox folders as given
 * @param report report.html as the user opens it, or null when only a table was written
 * @param replacedEmpty the folder an empty --out was replaced by (out.d/n), or null
 */
public record RunSummary(RunResult run, int exitCode, String exitReason, Duration elapsed, List<Path> inputs,
        Path report, Path replacedEmpty) {

    /** The summary lines in {@code lang}. */
    public List<String> lines(Lang lang) {
        List<String> lines = new ArrayList<>();
        String time = seconds(lang);
        String where = report == null ? Texts.get(lang, "summary.table_only") : report.toString();
        if (run.files().isEmpty()) {
            lines.add(Texts.get(lang, "summary.empty", joined(inputs), where, time));
        } else {
            lines.add(Texts.get(lang, "summary.files", run.files().size(), outcomes(lang)));
            NationalFigures n = run.figures().national();
            lines.add(Texts.get(lang, "summary.municipalities", n.respondents(), n.referenceCount()));
            lines.add(Texts.get(lang, "summary.exit", exitCode, exitReason));
            lines.add(Texts.get(lang, "summary.done", time, where));
        }
        if (replacedEmpty != null && report != null) {
            lines.add(Texts.get(lang, "summary.replaced_empty", report.getParent() == null ? "." : report.getParent(),
                    replacedEmpty));
        }
        return lines.stream().map(ConsoleReporter::safe).toList();
    }

    /** "Hyväksytty: 30; Hylätty: 5": every outcome that occurs, in the enum's order. */
    private String outcomes(Lang lang) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (FileResult f : run.files()) {
            counts.merge(f.outcome(), 1, Integer::sum);
        }
        return counts.entrySet().stream().map(e -> e.getKey().text().get(lang) + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private String seconds(Lang lang) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0);
        return lang == Lang.EN ? s : s.replace('.', ',');
    }

    private static String joined(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
