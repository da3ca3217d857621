package fi.digikunta.report;

import fi.digikunta.model.FileResult;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.Severity;
import fi.digikunta.findings.Texts;
import fi.digikunta.schema.Lang;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What a person sees on stderr during a run: one summary line per file and, only when stderr is
 * a terminal, a progress bar under them. {@code --quiet} prints neither. The bar uses only a
 * carriage return and spaces (no ANSI codes), so it works in every console.
 */
public final class ConsoleReporter {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final Lang lang;
    private final boolean quiet;
    private final boolean bar;
    private final int total;
    private int done;
    private int barLength;

    public ConsoleReporter(PrintWriter err, Lang lang, boolean quiet, boolean progressBar, int total) {
        this.err = err;
        this.lang = lang;
        this.quiet = quiet;
        this.bar = progressBar && !quiet && total > 0;
        this.total = total;
    }

    /** A reporter on the process's stderr stream: the bar only when {@link #progressWanted} says so. */
    public static ConsoleReporter forStderr(PrintWriter err, Lang lang, boolean quiet, int total) {
        boolean win = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new ConsoleReporter(err, lang, quiet,
                progressWanted(System.console() != null, System.getenv("TERM"), win, quiet), total);
    }

    /**
     * A bar only for a person at a terminal: a console, a TERM that is not "dumb" (unset counts
     * as a terminal only on Windows, whose consoles do not set it), and no --quiet. Under cron,
     * systemd or the Task Scheduler there is no console, so no bar.
     */
    public static boolean progressWanted(boolean hasConsole, String term, boolean windows, boolean quiet) {
        if (quiet || !hasConsole) {
            return false;
        }
        if (term == null || term.isBlank()) {
            return windows;
        }
        return !term.equals("dumb");
    }

    /** Prints the file's summary line (above the bar) and moves the bar on. */
    public synchronized void file(FileResult r) {
        done++;
        line(summaryLine(r, lang));
    }

    /** Moves the bar on by one file without printing a line (while files are still being read). */
    public synchronized void tick() {
        done++;
        if (bar && !quiet) {
            clearBar();
            drawBar();
            err.flush();
        }
    }

    /** Prints the file's final summary line without moving the bar (it was moved by {@link #tick}). */
    public synchronized void summary(FileResult r) {
        line(summaryLine(r, lang));
    }

    /** Prints another line (a skipped file, an archive note, the stale lock taken over). */
    public synchronized void note(String text) {
        line(safe(text));
    }

    private void line(String text) {
        if (quiet) {
            return;
        }
        clearBar();
        err.println(text);
        drawBar();
        err.flush();
    }

    /** Removes the bar at the end of the run. */
    public synchronized void finish() {
        clearBar();
        err.flush();
    }

    private void clearBar() {
        if (bar && barLength > 0) {
            err.print("\r" + " ".repeat(barLength) + "\r");
            barLength = 0;
        }
    }

    private void drawBar() {
        if (!bar) {
            return;
        }
        int filled = (int) ((long) BAR_WIDTH * done / total);
        String s = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total;
        err.print(s);
        barLength = s.length();
    }

    /**
     * One line per file: {@code name: outcome (code), counts – reason}, e.g.
     * {@code espoo.xlsx: Hyväksytty varoituksin (049), 2 varoitusta} or
     * {@code rikki.xlsx: Hylätty – Tiedosto on vioittunut.}. Control characters are replaced,
     * (and bidirectional overrides), so a hostile file name cannot drive or disguise the terminal.
     */
    public static String summaryLine(FileResult r, Lang lang) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.file()).append(": ").append(r.outcome().text().get(lang));
        if (r.municipalityCode() != null) {
            sb.append(" (").append(r.municipalityCode()).append(')');
        }
        String counts = counts(r.findings(), lang);
        if (!counts.isEmpty()) {
            sb.append(", ").append(counts);
        }
        if (r.reason() != null) {
            sb.append(" – ").append(r.reason().get(lang));
        }
        return safe(sb.toString());
    }

    private static String counts(List<Finding> findings, Lang lang) {
        long e = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long w = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        StringBuilder sb = new StringBuilder();
        if (e > 0) {
            sb.append(Texts.get(lang, e == 1 ? "console.errors.one" : "console.errors.many", e));
        }
        if (w > 0) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Texts.get(lang, w == 1 ? "console.warnings.one" : "console.warnings.many", w));
        }
        return sb.toString();
    }

    /** The text with control and format characters replaced by '?': fit for a terminal line. */
    public static String safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029) {
                sb.append('?');
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
