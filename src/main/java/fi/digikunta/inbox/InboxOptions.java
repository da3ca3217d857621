package fi.digikunta.inbox;

import java.time.Duration;

/** How to scan an inbox: sub-folders or not, and how long a recently changed file is watched. */
public record InboxOptions(boolean recursive, Duration settle) {
    public static final InboxOptions DEFAULT = new InboxOptions(false, Duration.ofSeconds(2));
}
