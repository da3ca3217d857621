package fi.digikunta.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboxOptionsTest {
    @Test
    void settleValues() {
        assertEquals(Duration.ofSeconds(2), InboxOptions.parseSettle("2"));
        assertEquals(Duration.ofMillis(1500), InboxOptions.parseSettle("1.5"));
        assertEquals(Duration.ofSeconds(2), InboxOptions.parseSettle("2s"));
        assertEquals(Duration.ofMillis(500), InboxOptions.parseSettle("500ms"));
        assertEquals(Duration.ofMinutes(1), InboxOptions.parseSettle("1m"));
        assertEquals(Duration.ofMinutes(2), InboxOptions.parseSettle("2min"));
        assertEquals(Duration.ofSeconds(3), InboxOptions.parseSettle("PT3S"));
        assertEquals(Duration.ZERO, InboxOptions.parseSettle("0"));
        assertEquals(Duration.ofSeconds(2), InboxOptions.DEFAULT.settle());
    }

    @Test
    void badSettleValuesSayWhatIsExpected() {
        for (String bad : new String[] {"-1", "two", "2h", "", "PT-2S"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InboxOptions.parseSettle(bad));
            assertEquals("'" + bad + "': esim. / t.ex. / e.g. 2s, 500ms, 1m, 0", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new InboxOptions(false, Duration.ofSeconds(-1)));
    }
}
