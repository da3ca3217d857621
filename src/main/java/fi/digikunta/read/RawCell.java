package fi.digikunta.read;

/**
 * One non-empty cell as stored in the file, before any schema meaning is given to it.
 *
 * @param row 0-based row index
 * @param col 0-based column index
 * @param kind what the cell holds
 * @param text the string value (STRING, DATE as ISO text, ERROR code such as "#DIV/0!", BOOLEAN as
 *     "TRUE"/"FALSE"); for NUMBER the number as written in the file
 * @param number the numeric value for NUMBER (a date serial for a date-formatted number), else NaN
 * @param percentFormat the cell's number format shows a percent (so 0.55 means 55 %)
 * @param dateFormat the cell's number format is a date format
 * @param formula the cell holds a formula (its cached value, if any, is what {@code kind} describes)
 */
public record RawCell(int row, int col, Kind kind, String text, double number, boolean percentFormat,
        boolean dateFormat, boolean formula) {

    public enum Kind {
        STRING, NUMBER, BOOLEAN, ERROR,
        /** An ISO 8601 date cell (t="d"). */
        DATE,
        /** A formula whose cached value is missing: the file never computed it. */
        FORMULA_NO_VALUE
    }

    /** A1 reference of this cell, e.g. "C7". */
    public String ref() {
        return CellRef.a1(row, col);
    }
}
