package fi.digikunta.validate;

import java.util.Map;

/** Where an area tab's header and columns are: column key to its 0-based column index. */
record Layout(int headerRow, int firstDataRow, Map<String, Integer> columns) {
}
