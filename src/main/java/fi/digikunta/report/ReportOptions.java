package fi.digikunta.report;

import fi.digikunta.schema.Lang;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the reports are written.
 *
 * @param csvDialect the CSV dialect of every CSV file
 * @param lang the language of the HTML report and of the language-dependent CSV columns
 *        ({@code reason}, {@code level_name})
 * @param templatesDir a folder whose templates override the built-in ones of the same name; null
 *        for the built-in templates only
 */
public record ReportOptions(CsvDialect csvDialect, Lang lang, Path templatesDir) {
    public ReportOptions {
        Objects.requireNonNull(csvDialect, "csvDialect");
        Objects.requireNonNull(lang, "lang");
    }

    /** RFC 4180 CSV, Finnish, built-in templates. */
    public static ReportOptions defaults() {
        return new ReportOptions(CsvDialect.RFC4180, Lang.FI, null);
    }

    public ReportOptions withCsvDialect(CsvDialect d) {
        return new ReportOptions(d, lang, templatesDir);
    }

    public ReportOptions withLang(Lang l) {
        return new ReportOptions(csvDialect, l, templatesDir);
    }

    public ReportOptions withTemplatesDir(Path dir) {
        return new ReportOptions(csvDialect, lang, dir);
    }
}
