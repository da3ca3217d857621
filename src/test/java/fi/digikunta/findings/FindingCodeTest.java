package fi.digikunta.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.schema.Lang;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FindingCodeTest {
    /** The codes every helper and samples/README.md rely on (from the project brief): never renamed. */
    static final List<String> REJECTING = List.of("file-empty", "file-too-large", "not-a-workbook", "corrupt-zip",
            "encrypted", "ods-format", "xls-unreadable", "zip-bomb", "xml-doctype", "read-limit",
            "identification-missing", "unknown-municipality", "unknown-version", "area-tab-missing",
            "header-not-found", "required-column-missing");
    static final List<String> ERRORS = List.of("invalid-status", "invalid-stage", "number-out-of-range",
            "not-a-number", "duplicate-id", "wrong-area-id", "invalid-date");
    static final List<String> WARNINGS = List.of("service-missing", "unknown-id", "name-mismatch", "extra-tab",
            "number-as-text", "formula-no-cached-value", "in-use-no-stages", "stages-without-status",
            "savings-partial", "optional-column-missing", "findings-capped");

    @Test
    void theSharedCodesExistWithTheirLevels() {
        REJECTING.forEach(c -> assertTrue(FindingCode.of(c).orElseThrow().rejects(), c));
        ERRORS.forEach(c -> assertEquals(FindingCode.Level.ERROR, FindingCode.of(c).orElseThrow().level(), c));
        WARNINGS.forEach(c -> assertEquals(Severity.WARNING, FindingCode.of(c).orElseThrow().severity(), c));
    }

    /** The reasons the reader gives for a file it cannot read. */
    static final List<String> READER = List.of("file-empty", "file-too-large", "file-unreadable", "not-a-workbook",
            "corrupt-zip", "corrupt-workbook", "encrypted", "ods-format", "xls-unreadable", "zip-bomb", "xml-doctype",
            "read-limit");

    @Test
    void everyReaderCodeIsAFileRejection() {
        READER.forEach(c -> assertTrue(FindingCode.of(c).orElseThrow().rejects(), c));
        READER.forEach(c -> assertEquals(FindingCode.Family.FILE, FindingCode.of(c).orElseThrow().family(), c));
    }

    @Test
    void everyCodeHasATitleAndAMessageInEveryLanguage() {
        for (FindingCode c : FindingCode.values()) {
            for (Lang l : Lang.values()) {
                assertNotNull(FindingTexts.template(l, c.code()), c.code() + " " + l);
                assertNotNull(FindingTexts.template(l, c.code() + ".title"), c.code() + ".title " + l);
            }
        }
    }

    @Test
    void theThreeLanguagesHaveTheSameKeysAndPlaceholdersAndNoStrayKey() {
        Set<String> fi = FindingTexts.keys(Lang.FI);
        assertEquals(fi, FindingTexts.keys(Lang.SV));
        assertEquals(fi, FindingTexts.keys(Lang.EN));
        for (String k : fi) {
            String code = k.contains(".") ? k.substring(0, k.indexOf('.')) : k;
            assertTrue(FindingCode.of(code).isPresent(), "key of no code: " + k);
            Set<String> p = placeholders(FindingTexts.template(Lang.FI, k));
            assertEquals(p, placeholders(FindingTexts.template(Lang.SV, k)), k);
            assertEquals(p, placeholders(FindingTexts.template(Lang.EN, k)), k);
        }
    }

    @Test
    void argumentsFillPlaceholdersAndDecimalsFollowTheLanguage() {
        var m = FindingCode.NUMBER_AS_TEXT.message("1 200,50", 1200.5);
        assertEquals("Luku on kirjoitettu tekstinä (\"1 200,50\"); se luettiin lukuna 1200,5.", m.fi());
        assertTrue(m.en().endsWith("read as the number 1200.5."), m.en());
    }

    @Test
    void workbookTextInAMessageIsCleanedAndCut() {
        var m = FindingCode.INVALID_STATUS.message("a\u001B[31mb\nc\uD800d", "x", null);
        assertTrue(m.fi().startsWith("Käyttöönoton tila \"a\uFFFD[31mb c\uFFFDd\""), m.fi());
        var longText = FindingCode.NOT_A_NUMBER.message("9".repeat(5000), "x");
        assertTrue(longText.en().contains("9".repeat(200) + "\u2026\""), longText.en());
        assertTrue(longText.en().length() < 400);
        assertEquals("\uD83D\uDE00 ok", FindingTexts.clean("\uD83D\uDE00 ok"), "a paired surrogate is kept");
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
