package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import fi.digikunta.schema.Lang;
import org.junit.jupiter.api.Test;

/** Rounding, number text and the text transforms, on their own. */
class FormattingTest {

    @Test
    void roundsHalfUpFromTheShortestDecimal() {
        assertEquals("0.13", Num.euro(0.125).toPlainString());
        assertEquals("1.01", Num.euro(1.005).toPlainString(), "1.005 is 1.00499.. in binary; people expect 1.01");
        assertEquals("-0.13", Num.euro(-0.125).toPlainString(), "HALF_UP rounds away from zero");
        assertEquals("0.00", Num.euro(-0.001).toPlainString(), "no negative zero");
        assertEquals("0.3333", Num.share(1.0 / 3).toPlainString());
        assertEquals("100.0000", Num.share(99.99995).toPlainString());
        assertEquals("12345678901.00", Num.euro(1.2345678901e10).toPlainString());
        assertNull(Num.share(null));
        assertNull(Num.share(Double.NaN));
        assertNull(Num.euro(Double.POSITIVE_INFINITY));
        assertEquals("-1234,50", Num.plain(Num.euro(-1234.5), ','));
        assertEquals("", Num.plain(null, ','));
    }

    @Test
    void neutralisesFormulaStartsOnly() {
        assertEquals("'=1+1", Text.neutralise("=1+1"));
        assertEquals("'+358 40 123", Text.neutralise("+358 40 123"));
        assertEquals("'-5", Text.neutralise("-5"));
        assertEquals("'@SUM(A1)", Text.neutralise("@SUM(A1)"));
        assertEquals("'\t=1", Text.neutralise("\t=1"));
        assertEquals("'\r=1", Text.neutralise("\r=1"));
        assertEquals("a=1", Text.neutralise("a=1"));
        assertEquals(" =1", Text.neutralise(" =1"), "a leading space is not run as a formula");
        assertEquals("", Text.neutralise(""));
        assertNull(Text.neutralise(null));
    }

    @Test
    void cleansControlCharactersAndLineEnds() {
        assertEquals("a\nb\nc\td", Text.clean("a\r\nb\rc\td"));
        assertEquals("x\uFFFDy\uFFFDz", Text.clean("x\u0000y\u001Bz"));
        assertEquals("\uFFFD!", Text.clean("\uD800!"), "an unpaired surrogate");
        assertEquals("\uD83D\uDE00", Text.clean("\uD83D\uDE00"), "a pair stays");
        String plain = "Käytössä";
        assertSame(plain, Text.clean(plain));
    }

    /** Every char alone between two letters: kept, or turned into LF or U+FFFD by the rule above. */
    @Test
    void cleansEachCharByTheRule() {
        for (char c = 0; c < 0xFFFF; c++) {
            String expected;
            if (c == '\r') {
                expected = "a\nb";
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) && c != '\t' && c != '\n') {
                expected = "a\uFFFDb";
            } else {
                expected = "a" + c + "b";
            }
            assertEquals(expected, Text.clean("a" + c + "b"), Integer.toHexString(c));
        }
    }

    @Test
    void peopleSeeNumbersInTheirLanguage() {
        Fmt fi = new Fmt(Lang.FI);
        Fmt en = new Fmt(Lang.EN);
        assertEquals("1\u00A0234\u00A0568\u00A0€", fi.euro(1234567.5));
        assertEquals("€1,234,568", en.euro(1234567.5));
        assertEquals("-41\u00A0€", fi.euro(-41.4));
        assertEquals("-€41", en.euro(-41.4));
        assertEquals("45,3\u00A0%", fi.pct(0.4525));
        assertEquals("45.3%", en.pct(0.4525));
        assertEquals("62,3", fi.dec1(62.25));
        assertEquals("0,0", fi.dec1(-0.04), "no minus on a zero");
        assertEquals("\u2013", fi.dec1(null));
        assertEquals("674\u00A0963", fi.integer(674963));
        assertEquals("100", new Fmt(Lang.SV).integer(100));
    }

    @Test
    void dialectsParseFromTheirNames() {
        assertEquals(CsvDialect.EXCEL_FI, CsvDialect.of("Excel-FI"));
        assertEquals(CsvDialect.RFC4180, CsvDialect.of("rfc4180"));
        assertEquals("'x': rfc4180, excel-fi", org.junit.jupiter.api.Assertions
                .assertThrows(IllegalArgumentException.class, () -> CsvDialect.of("x")).getMessage());
    }
}
