package fi.digikunta.report;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * The two CSV dialects the reports are written in, each built once.
 *
 * <ul>
 * <li>{@link #RFC4180}: comma, dot decimals, UTF-8 without BOM, CRLF record ends (RFC 4180): for R,
 * pandas, DuckDB and scripts.</li>
 * <li>{@link #EXCEL_FI}: semicolon, decimal comma, UTF-8 with BOM, CRLF: what Excel with a Finnish
 * locale opens right with a double click. The decimal comma is written by {@link Num}, never
 * through a Finnish {@code NumberFormat} (which writes the minus sign as U+2212).</li>
 * </ul>
 */
public enum CsvDialect {
    RFC4180("rfc4180", ',', '.', false),
    EXCEL_FI("excel-fi", ';', ',', true);

    private final String id;
    private final CSVFormat format;
    private final char decimalSeparator;
    private final boolean bom;

    CsvDialect(String id, char delimiter, char decimalSeparator, boolean bom) {
        this.id = id;
        this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get();
        this.decimalSeparator = decimalSeparator;
        this.bom = bom;
    }

    /** The name used on the command line: "rfc4180" or "excel-fi". */
    public String id() {
        return id;
    }

    public CSVFormat format() {
        return format;
    }

    public char decimalSeparator() {
        return decimalSeparator;
    }

    /** Whether the file starts with a UTF-8 byte order mark (Excel needs it to read UTF-8). */
    public boolean bom() {
        return bom;
    }

    /** Parses "rfc4180" or "excel-fi" (any case); throws IllegalArgumentException naming the choices. */
    public static CsvDialect of(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.id.equals(k)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("'" + id + "': rfc4180, excel-fi"));
    }
}
