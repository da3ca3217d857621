package fi.digikunta.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveFillTest {
    @Test
    void movedColumnsRewriteOwnSheetReferencesOnly() {
        Map<String, String> letters = Map.of("B", "D", "C", "E");
        assertEquals("SUM(D5:E6)+$D$7*'Yhteenveto'!$B$8+Lists!B1:C3+'O''Neil'!C2",
                LiveFill.moved("SUM(B5:C6)+$B$7*'Yhteenveto'!$B$8+Lists!B1:C3+'O''Neil'!C2", letters));
    }
}
