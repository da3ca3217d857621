package fi.digikunta.inbox;

import fi.digikunta.findings.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** A longer wait is a typo, and a huge one would overflow the clock arithmetic. */
    public static final Duration MAX_SETTLE = Duration.ofDays(1);

    private static final Pattern SETTLE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|m)?");

    /**
     * Parses a {@code --settle} value: a number of seconds ({@code 2}, {@code 1.5}), or with a unit
     * ({@code 500ms}, {@code 2s}, {@code 1m} or {@code 1min}), or ISO-8601 ({@code PT2S}).
     *
     * @throws IllegalArgumentException with a message for the user when the text is none of these
     */
    public static Duration parseSettle(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return atMostMax(d, text);
                }
            } catch (DateTimeParseException e) {
                // fall through to the message below
            }
        }
        Matcher m = SETTLE.matcher(t);
        if (m.matches()) {
            BigDecimal n = new BigDecimal(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            BigDecimal millis = switch (unit) {
                case "ms" -> n;
                case "s" -> n.movePointRight(3);
                default -> n.multiply(BigDecimal.valueOf(60_000));
            };
            BigDecimal max = BigDecimal.valueOf(MAX_SETTLE.toMillis());
            return atMostMax(Duration.ofMillis(millis.min(max.add(BigDecimal.ONE)).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact()), text);
        }
        throw new IllegalArgumentException("'" + text + "': " + Words.allLanguages(Texts.message("inbox.for_example"))
                + " 2s, 500ms, 1m, 0");
    }

    private static Duration atMostMax(Duration d, String text) {
        if (d.compareTo(MAX_SETTLE) > 0) {
            throw new IllegalArgumentException("'" + text + "': " + Words.allLanguages(Texts.message("inbox.settle_max")));
        }
        return d;
    }

    public InboxOptions {
        Objects.requireNonNull(settle, "settle");
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle must not be negative: " + settle);
        }
    }
}
