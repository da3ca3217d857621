package fi.digikunta.report;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * One CSV table before it meets a dialect. A cell is a {@link String} (text: neutralised when
 * written), an {@link Integer} or {@link Long} (a count), a {@link java.math.BigDecimal} (already
 * rounded by {@link Num}), a {@link Boolean}, or null (an empty field).
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {
    public Table {
        columns = List.copyOf(columns);
        if (!(rows instanceof Rows lazy && lazy.columns.equals(columns))) {
            rows = List.copyOf(rows);
            for (List<Object> r : rows) {
                check(name, columns, r);
            }
        }
    }

    private static List<Object> check(String name, List<String> columns, List<Object> r) {
        if (r.size() != columns.size()) {
            throw new IllegalArgumentException(name + ": a row of " + r.size() + " cells for "
                    + columns.size() + " columns");
        }
        return r;
    }

    /**
     * A table whose rows are made when read, each checked then: services.csv has ~25,000 rows
     * (12 MB as objects), which made at once outlived the young collections and were copied by them.
     */
    static Table lazy(String name, List<String> columns, int size, IntFunction<List<Object>> row) {
        List<String> cols = List.copyOf(columns);
        return new Table(name, cols, new Rows(cols, size, i -> check(name, cols, row.apply(i))));
    }

    /** Rows made one at a time by index, never kept. */
    private static final class Rows extends AbstractList<List<Object>> implements RandomAccess {
        /** The columns the rows are checked against: another table made of these rows checks them again. */
        private final List<String> columns;
        private final int size;
        private final IntFunction<List<Object>> row;

        Rows(List<String> columns, int size, IntFunction<List<Object>> row) {
            this.columns = columns;
            this.size = size;
            this.row = row;
        }

        @Override
        public List<Object> get(int i) {
            Objects.checkIndex(i, size);
            return Collections.unmodifiableList(row.apply(i));
        }

        @Override
        public int size() {
            return size;
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
