package fi.digikunta.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void onlyCommandLinesThatReadReturnsAreWarmedUp() {
        assertTrue(Warmup.wanted("run", "inbox", "--out", "o"));
        assertTrue(Warmup.wanted("validate", "inbox"));
        String[][] not = {{}, {""}, {"--help"}, {"-V"}, {"template", "--out", "x.xlsx"}, {"schema"}, {"samples"},
            {"runn", "inbox"}, {"run", "--help"}, {"validate", "inbox", "-h"}, {"run", "--version"}, {"inbox", "run"}};
        for (String[] args : not) {
            assertFalse(Warmup.wanted(args), String.join(" ", args));
        }
    }
}
