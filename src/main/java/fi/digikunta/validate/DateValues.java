package fi.digikunta.validate;

import fi.digikunta.read.RawCell;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as cells hold them: ISO date cells, date-formatted serial numbers, text d.m.yyyy or yyyy-mm-dd. */
public final class DateValues {
    private static final Pattern FINNISH = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 31);
    private static final LocalDate EPOCH_AFTER_LEAP_BUG = LocalDate.of(1899, 12, 30);

    private DateValues() {
    }

    /** The date a cell holds, or null when it holds none (a plain number is not a date). */
    public static LocalDate of(RawCell c) {
        if (c == null) {
            return null;
        }
        return switch (c.kind()) {
            case DATE -> text(c.text());
            case NUMBER -> c.dateFormat() ? serial(c.number()) : null;
            case STRING -> text(c.text());
            default -> null;
        };
    }

    /**
     * A 1900-system serial day number to a date. Serial 60 is Excel's fictitious 29 February 1900, so
     * it is no date; serials after it are counted from 30 December 1899.
     */
    public static LocalDate serial(double serial) {
        if (Double.isNaN(serial) || serial < 1 || serial >= 2_958_466) {
            return null;
        }
        long days = (long) Math.floor(serial);
        if (days == 60) {
            return null;
        }
        return days < 60 ? EPOCH_1900.plusDays(days) : EPOCH_AFTER_LEAP_BUG.plusDays(days);
    }

    /** Text d.m.yyyy or yyyy-mm-dd (an ISO time part is ignored). */
    public static LocalDate text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        try {
            Matcher m = FINNISH.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
            m = ISO.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
