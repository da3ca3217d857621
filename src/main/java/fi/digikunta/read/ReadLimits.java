package fi.digikunta.read;

import java.time.Duration;

/**
 * The limits a reader keeps so that one hostile or broken file cannot exhaust memory or time. A
 * file over a limit is rejected with {@code file-too-large}, {@code zip-bomb} or {@code read-limit};
 * the defaults are documented in docs/reading.md. They are chosen so that two files read at once
 * fit in a 256 MB heap (docs/robustness.md).
 *
 * @param maxFileBytes largest file read at all (the file is read into memory once)
 * @param maxEntryBytes largest uncompressed size of one zip entry
 * @param minInflateRatio smallest compressed/uncompressed ratio of an entry, checked once the entry
 *     has inflated past {@code inflateGraceBytes} (as POI's ZipSecureFile does)
 * @param inflateGraceBytes uncompressed bytes an entry may inflate before its ratio is checked
 * @param maxEntries most entries in the zip (also the most relationships in one relationships part)
 * @param maxRows highest 1-based row number holding a value, per sheet
 * @param maxColumns highest 1-based column number holding a value, per sheet (Excel's own is 16,384)
 * @param maxCellChars longest text of one cell (Excel's own limit is 32,767)
 * @param maxCells most non-empty cells in the whole workbook
 * @param maxSharedStringChars most characters in the shared-string table
 * @param timeLimit longest time spent reading one file
 * @param maxSheets most sheets in the workbook
 * @param maxMergedRanges most merged ranges in the whole workbook
 * @param maxSharedStrings most items in the shared-string table
 * @param maxTotalBytes most uncompressed bytes inflated from all parts of one file together (a part
 *     named by several sheets counts each time it is read)
 */
public record ReadLimits(long maxFileBytes, long maxEntryBytes, double minInflateRatio, long inflateGraceBytes,
        int maxEntries, int maxRows, int maxColumns, int maxCellChars, int maxCells, long maxSharedStringChars,
        Duration timeLimit, int maxSheets, int maxMergedRanges, int maxSharedStrings, long maxTotalBytes) {

    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    public static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    public static final double MIN_INFLATE_RATIO = 0.01;
    public static final long INFLATE_GRACE_BYTES = 100L * 1024;
    public static final int MAX_ENTRIES = 10_000;
    public static final int MAX_ROWS = 100_000;
    public static final int MAX_COLUMNS = 16_384;
    public static final int MAX_CELL_CHARS = 32_767;
    public static final int MAX_CELLS = 500_000;
    public static final long MAX_SHARED_STRING_CHARS = 10_000_000L;
    public static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    public static final int MAX_SHEETS = 1_000;
    public static final int MAX_MERGED_RANGES = 100_000;
    public static final int MAX_SHARED_STRINGS = 1_000_000;
    public static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
    /** Most cell formats (cellXfs) and most number formats (numFmts) in the styles part. */
    public static final int MAX_STYLES = 65_536;
    /**
     * Longest number format code (Excel's own limit is 255 characters); a longer one rejects the
     * file, since every cell format using it would be scanned.
     */
    public static final int MAX_FORMAT_CODE_CHARS = 1_024;

    public static final ReadLimits DEFAULT = new ReadLimits(MAX_FILE_BYTES, MAX_ENTRY_BYTES, MIN_INFLATE_RATIO,
            INFLATE_GRACE_BYTES, MAX_ENTRIES, MAX_ROWS, MAX_COLUMNS, MAX_CELL_CHARS, MAX_CELLS,
            MAX_SHARED_STRING_CHARS, TIME_LIMIT, MAX_SHEETS, MAX_MERGED_RANGES, MAX_SHARED_STRINGS, MAX_TOTAL_BYTES);

    public ReadLimits {
        if (maxFileBytes <= 0 || maxEntryBytes <= 0 || minInflateRatio < 0 || minInflateRatio >= 1
                || inflateGraceBytes < 0 || maxEntries <= 0 || maxRows <= 0 || maxColumns <= 0 || maxCellChars <= 0
                || maxCells <= 0 || maxSharedStringChars <= 0 || timeLimit == null || timeLimit.isNegative()
                || maxSheets <= 0 || maxMergedRanges < 0 || maxSharedStrings < 0 || maxTotalBytes <= 0) {
            throw new IllegalArgumentException("invalid read limits");
        }
    }

    public ReadLimits withTimeLimit(Duration v) {
        return new ReadLimits(maxFileBytes, maxEntryBytes, minInflateRatio, inflateGraceBytes, maxEntries, maxRows,
                maxColumns, maxCellChars, maxCells, maxSharedStringChars, v, maxSheets, maxMergedRanges,
                maxSharedStrings, maxTotalBytes);
    }

    public ReadLimits withMaxRows(int v) {
        return new ReadLimits(maxFileBytes, maxEntryBytes, minInflateRatio, inflateGraceBytes, maxEntries, v,
                maxColumns, maxCellChars, maxCells, maxSharedStringChars, timeLimit, maxSheets, maxMergedRanges,
                maxSharedStrings, maxTotalBytes);
    }

    /** The same limits with the zip-bomb checks changed (entry size, inflate ratio off or on, total). */
    public ReadLimits withZipLimits(long entryBytes, double inflateRatio, long totalBytes) {
        return new ReadLimits(maxFileBytes, entryBytes, inflateRatio, inflateGraceBytes, maxEntries, maxRows,
                maxColumns, maxCellChars, maxCells, maxSharedStringChars, timeLimit, maxSheets, maxMergedRanges,
                maxSharedStrings, totalBytes);
    }
}
