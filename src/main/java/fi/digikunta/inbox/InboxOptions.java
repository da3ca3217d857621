package fi.digikunta.inbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How to scan an inbox: sub-folders or not, and how long a recently changed file is watched.
 *
 * @param recursive read sub-folders too ({@code --recursive})
 * @param settle a file modified less than this long ago is watched for this long and left
 *     {@code pending} if it changes meanwhile ({@code --settle}); zero takes every file at once
 */
public record InboxOptions(boolean recursive, Duration settle) {
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(2);
    public static final InboxOptions DEFAULT = new InboxOptions(false, DEFAULT_SETTLE);

    public InboxOptions {
        Objects.requireNonNull(settle, "settle");
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle must not be negative: " + settle);
        }
    }
}
