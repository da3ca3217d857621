package fi.digikunta.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One CSV table before it meets a dialect. A cell is a {@link String} (text: neutralised when
 * written), an {@link Integer} or {@link Long} (a count), a {@link java.math.BigDecimal} (already
 * rounded by {@link Num}), a {@link Boolean}, or null (an empty field).
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {
    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": a row of " + r.size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }

    /** Collects the rows of a table. */
    static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        Builder(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }

        Builder(String name, String... columns) {
            this(name, Arrays.asList(columns));
        }

        Builder row(Object... cells) {
            // Arrays.asList keeps nulls, which List.of would refuse.
            rows.add(java.util.Collections.unmodifiableList(Arrays.asList(cells)));
            return this;
        }

        Builder row(List<Object> cells) {
            rows.add(java.util.Collections.unmodifiableList(new ArrayList<>(cells)));
            return this;
        }

        Table build() {
            return new Table(name, columns, rows);
        }
    }
}
