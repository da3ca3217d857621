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
 * @param pageLang the language of every municipality's page; null for each page in the language of
 *        the municipality's own return
 */
public record ReportOptions(CsvDialect csvDialect, Lang lang, Path templatesDir, Lang pageLang) {
    public ReportOptions {
        Objects.requireNonNull(csvDialect, "csvDialect");
        Objects.requireNonNull(lang, "lang");
    }

    public ReportOptions(CsvDialect csvDialect, Lang lang, Path templatesDir) {
        this(csvDialect, lang, templatesDir, null);
    }

    /** RFC 4180 CSV, Finnish, built-in templates. */
    public static ReportOptions defaults() {
        return new ReportOptions(CsvDialect.RFC4180, Lang.FI, null);
    }

    public ReportOptions withCsvDialect(CsvDialect d) {
        return new ReportOptions(d, lang, templatesDir, pageLang);
    }

    public ReportOptions withLang(Lang l) {
        return new ReportOptions(csvDialect, l, templatesDir, pageLang);
    }

    public ReportOptions withTemplatesDir(Path dir) {
        return new ReportOptions(csvDialect, lang, dir, pageLang);
    }

    /** Every municipality's page in {@code l}; null: each in the language of its return. */
    public ReportOptions withPageLang(Lang l) {
        return new ReportOptions(csvDialect, lang, templatesDir, l);
    }
}
