package fi.digikunta.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.read.NumberFormats;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text numbers, dates and number formats, value by value. */
class ValueParsingTest {
    @ParameterizedTest(name = "\"{0}\" -> {1} percent={2}")
    @CsvSource(delimiter = '|', value = {
        "1 200,50|1200.5|false", "1\u00A0200,50|1200.5|false", "1\u202F200|1200|false", "2\u2009000,5|2000.5|false",
        "55 %|55|true", "55%|55|true", "12,5\u00A0%|12.5|true", "-3|-3|false", "\u22123,5|-3.5|false",
        "+7|7|false", "1.5|1.5|false", "1.200|1.2|false", ",5|0.5|false", "0|0|false"})
    void finnishTextNumbers(String text, double value, boolean percent) {
        TextNumbers.Parsed p = TextNumbers.parse(text);
        assertEquals(value, p.value(), 1e-12);
        assertEquals(percent, p.percent());
    }

    @ParameterizedTest(name = "\"{0}\" is no number")
    @ValueSource(strings = {"", " ", "abc", "1,2,3", "1.200,50", "1,200.50", "12 %x", "5,", "%", "--1", "1e3",
        "NaN", "Infinity", "0x10", "1d"})
    void notNumbers(String text) {
        assertNull(TextNumbers.parse(text), text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"14.3.2025,2025-03-14", "01.02.2024,2024-02-01", "2025-03-14,2025-03-14", "2025-3-4,2025-03-04",
        "2025-03-14T00:00:00,2025-03-14", " 1.1.2025 ,2025-01-01", "29.2.2024,2024-02-29"})
    void textDates(String text, LocalDate expected) {
        assertEquals(expected, DateValues.text(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31.2.2025", "29.2.2025", "14/3/2025", "maaliskuu 2025", "2025", "14.3.25", "2025-13-01"})
    void notDates(String text) {
        assertNull(DateValues.text(text), text);
    }

    @ParameterizedTest(name = "serial {0} -> {1}")
    @CsvSource({"1,1900-01-01", "59,1900-02-28", "61,1900-03-01", "45730,2025-03-14", "45730.75,2025-03-14",
        "2958465,9999-12-31"})
    void excelSerials(double serial, LocalDate expected) {
        assertEquals(expected, DateValues.serial(serial));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 60, 2958466})
    void serialsThatAreNoDates(double serial) {
        assertNull(DateValues.serial(serial), "serial 60 is Excel's 29.2.1900, which never was");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"d.m.yyyy", "D.M.YYYY", "d\\.m\\.yyyy", "yyyy-mm-dd", "m/d/yy", "[$-40B]d. mmmm yyyy",
        "hh:mm", "[h]:mm:ss", "mm:ss.0", "dd.mm.yyyy hh:mm", "[Red]d.m.yyyy", "yyyy\"年\"m\"月\"d\"日\"",
        "d.m.yyyy;@"})
    void dateFormatCodes(String code) {
        assertTrue(NumberFormats.isDateCode(code), code);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"General", "0", "0.00", "#,##0 \"€\"", "@", "\"Päivä \"0", "0%", "[Red]0.00",
        "#,##0;[Red]-#,##0", "0.00E+00", "\"yyyy\"0"})
    void notDateFormatCodes(String code) {
        assertFalse(NumberFormats.isDateCode(code), code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"0%|true", "0.0%|true", "0.00 %|true", "#,##0.0%;-#,##0.0%|true",
        "0.00\" %\"|false", "0.00\\%|false", "General|false", "0|false"})
    void percentFormatCodes(String code, boolean percent) {
        assertEquals(percent, NumberFormats.isPercentCode(code), code);
    }
}
