package fi.digikunta.read;

import java.util.List;

/**
 * One worksheet's non-empty cells, sorted by row then column, with the merged ranges (whose value
 * is in the top-left cell). Hidden rows and columns are read like any other.
 */
public record RawSheet(String name, boolean hidden, List<RawCell> cells, List<MergedRange> merged) {
    public RawSheet {
        cells = List.copyOf(cells);
        merged = List.copyOf(merged);
    }

    /** 0-based inclusive bounds. */
    public record MergedRange(int firstRow, int lastRow, int firstCol, int lastCol) {
    }
}
