package fi.digikunta.read;

import java.util.List;

/**
 * The finding-catalogue codes a reader gives as the reason a file cannot be read. The catalogue
 * itself is {@code fi.digikunta.findings.FindingCode}; its test checks that every code here is in it.
 */
public final class ReadCodes {
    public static final String FILE_EMPTY = "file-empty";
    public static final String FILE_TOO_LARGE = "file-too-large";
    /** The file could not be opened for reading at all (permissions, vanished, I/O error). */
    public static final String FILE_UNREADABLE = "file-unreadable";
    public static final String NOT_A_WORKBOOK = "not-a-workbook";
    public static final String CORRUPT_ZIP = "corrupt-zip";
    /** A zip that is whole but whose workbook parts are damaged or missing. */
    public static final String CORRUPT_WORKBOOK = "corrupt-workbook";
    public static final String ENCRYPTED = "encrypted";
    public static final String ODS_FORMAT = "ods-format";
    public static final String XLS_UNREADABLE = "xls-unreadable";
    public static final String ZIP_BOMB = "zip-bomb";
    public static final String XML_DOCTYPE = "xml-doctype";
    public static final String READ_LIMIT = "read-limit";

    public static final List<String> ALL = List.of(FILE_EMPTY, FILE_TOO_LARGE, FILE_UNREADABLE, NOT_A_WORKBOOK, CORRUPT_ZIP,
            CORRUPT_WORKBOOK, ENCRYPTED, ODS_FORMAT, XLS_UNREADABLE, ZIP_BOMB, XML_DOCTYPE, READ_LIMIT);

    private ReadCodes() {
    }
}
