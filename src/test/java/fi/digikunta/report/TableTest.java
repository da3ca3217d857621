package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A table's rows: checked against its columns, whether made at once or as they are read. */
class TableTest {
    @Test
    void aRowOfTheWrongWidthIsRefusedNamingTheTable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Table("t", List.of("a", "b"), List.of(List.of("x"))));
        assertEquals("t: a row of 1 cells for 2 columns", e.getMessage());
    }

    @Test
    void lazyRowsAreMadeWhenReadCheckedThenAndEqualToTheSameRowsMadeAtOnce() {
        AtomicInteger made = new AtomicInteger();
        Table lazy = Table.lazy("t", List.of("a", "b"), 3, i -> {
            made.incrementAndGet();
            return new ArrayList<>(Arrays.asList("r" + i, i == 1 ? null : i));
        });
        assertEquals(0, made.get(), "nothing made before the rows are read");
        assertEquals(3, lazy.rows().size());
        Table eager = new Table("t", List.of("a", "b"),
                List.of(Arrays.asList("r0", 0), Arrays.asList("r1", null), Arrays.asList("r2", 2)));
        assertEquals(eager, lazy);
        assertTrue(made.get() >= 3);
        assertThrows(UnsupportedOperationException.class, () -> lazy.rows().get(0).set(0, "changed"));

        Table bad = Table.lazy("wide", List.of("a"), 2, i -> new ArrayList<>(List.of("x", "y")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bad.rows().get(1));
        assertEquals("wide: a row of 2 cells for 1 columns", e.getMessage());

        // The lazy rows under other columns: checked against those, at once.
        e = assertThrows(IllegalArgumentException.class, () -> new Table("other", List.of("a", "b", "c"), lazy.rows()));
        assertEquals("other: a row of 2 cells for 3 columns", e.getMessage());
    }
}
