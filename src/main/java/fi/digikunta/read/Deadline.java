package fi.digikunta.read;

import java.time.Duration;

/**
 * The moment by which one file must be read and validated: the per-file time limit counted from
 * when its work starts. The reader and the validator both look at it inside their loops, so a file
 * slow in either is stopped within moments of the limit and rejected ({@code read-limit}, "time").
 *
 * @param atNanos the {@link System#nanoTime()} of the deadline
 * @param limit the time limit it was made from; null for no deadline
 */
public record Deadline(long atNanos, Duration limit) {
    private static final Deadline NONE = new Deadline(0, null);

    /** The limit from now. */
    public static Deadline after(Duration limit) {
        return new Deadline(System.nanoTime() + limit.toNanos(), limit);
    }

    /** No deadline (e.g. a single file checked by a test). */
    public static Deadline none() {
        return NONE;
    }

    public boolean passed() {
        return limit != null && System.nanoTime() - atNanos > 0;
    }

    /** The limit in whole seconds, at least 1, as the message shows it. */
    public long seconds() {
        return limit == null ? 0 : Math.max(1, limit.toSeconds());
    }
}
