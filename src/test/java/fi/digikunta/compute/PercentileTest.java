package fi.digikunta.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Known answers of R's quantile(x, p, type = 7), written next to each assertion. */
class PercentileTest {
    private static final double EPS = 1e-12;

    @Test
    void oneToTenLikeR() {
        // quantile(1:10, c(0, .1, .25, .5, .75, 1)) -> 1.00 1.90 3.25 5.50 7.75 10.00
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(1.0, Percentile.type7(x, 0), EPS);
        assertEquals(1.9, Percentile.type7(x, 0.1), EPS);
        assertEquals(3.25, Percentile.type7(x, 0.25), EPS);
        assertEquals(5.5, Percentile.type7(x, 0.5), EPS);
        assertEquals(7.75, Percentile.type7(x, 0.75), EPS);
        assertEquals(10.0, Percentile.type7(x, 1), EPS);
    }

    @Test
    void oddCountHitsOrderStatistics() {
        // quantile(1:9, c(.25, .5, .75)) -> 3 5 7 (h = 8p is a whole number)
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(3.0, Percentile.type7(x, 0.25), EPS);
        assertEquals(5.0, Percentile.type7(x, 0.5), EPS);
        assertEquals(7.0, Percentile.type7(x, 0.75), EPS);
    }

    @Test
    void unsortedInputIsSortedOnACopy() {
        // the same 1..10, shuffled; the caller's array stays as it was
        double[] x = {7, 3, 10, 1, 5, 9, 2, 8, 4, 6};
        double[] before = x.clone();
        assertEquals(3.25, Percentile.type7(x, 0.25), EPS);
        assertEquals(7.75, Percentile.type7(x, 0.75), EPS);
        assertArrayEquals(before, x);
    }

    @Test
    void ties() {
        // quantile(c(1,2,2,2,3), c(.25,.5,.75)) -> 2 2 2
        double[] a = {1, 2, 2, 2, 3};
        assertEquals(2.0, Percentile.type7(a, 0.25), EPS);
        assertEquals(2.0, Percentile.type7(a, 0.5), EPS);
        assertEquals(2.0, Percentile.type7(a, 0.75), EPS);
        // quantile(c(1,1,2,4), c(.25,.5,.75)) -> 1.0 1.5 2.5
        // p25: h = 3 * .25 = .75 -> 1 + .75 * (1 - 1) = 1
        // p50: h = 1.5 -> 1 + .5 * (2 - 1) = 1.5;  p75: h = 2.25 -> 2 + .25 * (4 - 2) = 2.5
        double[] b = {4, 1, 2, 1};
        assertEquals(1.0, Percentile.type7(b, 0.25), EPS);
        assertEquals(1.5, Percentile.type7(b, 0.5), EPS);
        assertEquals(2.5, Percentile.type7(b, 0.75), EPS);
    }

    @Test
    void singleValueIsEveryPercentile() {
        double[] x = {42.5};
        assertEquals(42.5, Percentile.type7(x, 0), EPS);
        assertEquals(42.5, Percentile.type7(x, 0.25), EPS);
        assertEquals(42.5, Percentile.type7(x, 0.5), EPS);
        assertEquals(42.5, Percentile.type7(x, 1), EPS);
    }

    @Test
    void twoValuesInterpolate() {
        // quantile(c(10, 20), c(.25, .5, .75)) -> 12.5 15.0 17.5
        double[] x = {20, 10};
        assertEquals(12.5, Percentile.type7(x, 0.25), EPS);
        assertEquals(15.0, Percentile.type7(x, 0.5), EPS);
        assertEquals(17.5, Percentile.type7(x, 0.75), EPS);
    }

    @Test
    void emptyIsNull() {
        assertNull(Percentile.type7(new double[0], 0.5));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Percentile.type7(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Percentile.type7(new double[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Percentile.type7(new double[] {1, Double.NaN}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Percentile.type7Sorted(new double[0], 0.5));
    }
}
