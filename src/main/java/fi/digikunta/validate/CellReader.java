package fi.digikunta.validate;

import static fi.digikunta.validate.CellValues.isBlank;
import static fi.digikunta.validate.CellValues.plain;
import static fi.digikunta.validate.CellValues.shown;

import fi.digikunta.findings.Finding;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.findings.Message;
import fi.digikunta.read.RawCell;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Localized;
import java.util.Map;

/** Reads one cell's value against its column type, reporting what is wrong with it to the sink. */
final class CellReader {
    /**
     * Longest text kept of one cell; a longer one is cut (with a warning naming the cell), so that a
     * return of many 32,000-character cells cannot make its pages too large to render.
     */
    static final int MAX_TEXT_CHARS = 2_000;
    /**
     * Largest magnitude a number cell may hold: no hour count, case volume or euro cost of a
     * municipality comes near it, and products and sums of such values stay finite.
     */
    static final double MAX_MAGNITUDE = 1e12;
    private final FindingSink sink;

    CellReader(FindingSink sink) {
        this.sink = sink;
    }

    /** The text of a text cell (numbers as written plainly); null for blank. */
    String text(Grid g, RawCell c) {
        if (c == null || isBlank(c) || noCachedValue(g, c, null)) {
            return null;
        }
        String t = shown(c);
        if (t.length() <= MAX_TEXT_CHARS) {
            return t;
        }
        sink.add(FindingCode.TEXT_TRUNCATED.at(g.name(), c.ref(), t.length(), MAX_TEXT_CHARS));
        int end = Character.isHighSurrogate(t.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
        return t.substring(0, end) + "\u2026";
    }

    /** A choice cell (status or stage level) matched on its label; an error when not allowed. */
    <T> T choice(SchemaIndex ix, Grid g, RawCell c, Map<String, T> byLabel, FindingCode invalid, Localized allowed,
            Localized column) {
        if (c == null || isBlank(c) || noCachedValue(g, c, column)) {
            return null;
        }
        T v = c.kind() == RawCell.Kind.STRING ? byLabel.get(ix.keyOf(c.text())) : null;
        if (v == null) {
            add(invalid.at(g.name(), c.ref(), shown(c), allowed, column), column);
        }
        return v;
    }

    /**
     * A number cell: numeric cells and cached formula results as they are, text the Finnish way
     * with a warning. A percent column holds 0..100: a percent-formatted cell's fraction is
     * multiplied by 100 for the range check, and the value returned is the fraction 0..1.
     */
    Double number(Grid g, RawCell c, ValueColumn col) {
        if (c == null || isBlank(c) || noCachedValue(g, c, col.label())) {
            return null;
        }
        boolean percentColumn = "percent".equals(col.type());
        Double value = value(g.name(), c, col, percentColumn);
        if (value == null) {
            return null;
        }
        if (!(Math.abs(value) <= MAX_MAGNITUDE)) {
            add(FindingCode.NUMBER_OUT_OF_RANGE.atVariant(g.name(), c.ref(), "implausible", String.valueOf(value),
                    col.label(), plain(MAX_MAGNITUDE)), col.label());
            return null;
        }
        boolean fractionGiven = c.kind() == RawCell.Kind.NUMBER && percentColumn && c.percentFormat();
        if (!inRange(g.name(), c, col, value, fractionGiven)) {
            return null;
        }
        if (percentColumn) {
            return fractionGiven ? value : value / 100;
        }
        return value;
    }

    /** A formula without a cached value: a warning, and the cell is read as blank. */
    private boolean noCachedValue(Grid g, RawCell c, Localized column) {
        if (c.kind() != RawCell.Kind.FORMULA_NO_VALUE) {
            return false;
        }
        add(FindingCode.FORMULA_NO_CACHED_VALUE.at(g.name(), c.ref()), column);
        return true;
    }

    /** A finding about a value cell names its column, so that a letter can group a column's cells in one line. */
    private void add(Finding f, Localized column) {
        sink.add(column == null ? f
                : f.inColumn(new Message(column.get(Lang.FI), column.get(Lang.SV), column.get(Lang.EN))));
    }

    /** The number a cell holds as written; null (and an error) when it holds none. */
    private Double value(String sheet, RawCell c, ValueColumn col, boolean percentColumn) {
        if (c.kind() == RawCell.Kind.NUMBER) {
            return c.number();
        }
        TextNumbers.Parsed p = c.kind() == RawCell.Kind.STRING ? TextNumbers.parse(c.text()) : null;
        if (p == null || (p.percent() && !percentColumn)) {
            add(FindingCode.NOT_A_NUMBER.at(sheet, c.ref(), shown(c), col.label()), col.label());
            return null;
        }
        double value = p.value();
        add(FindingCode.NUMBER_AS_TEXT.at(sheet, c.ref(), c.text().strip(),
                p.percent() ? CellValues.percent(value) : value), col.label());
        return value;
    }

    private boolean inRange(String sheet, RawCell c, ValueColumn col, double value, boolean fractionGiven) {
        double scaled = fractionGiven ? value * 100 : value;
        boolean low = col.min() != null && scaled < col.min();
        boolean high = col.max() != null && scaled > col.max();
        if (!(low || high)) {
            return true;
        }
        String range = col.max() == null ? "≥ " + plain(col.min()) : plain(col.min()) + "–" + plain(col.max());
        Object shownValue = fractionGiven ? CellValues.percent(scaled) : value;
        if (fractionGiven && value > 1 && value <= 100) {
            // An older template's percent cell shows a typed 55 as 5 500 %: say so, and how to type it.
            add(FindingCode.NUMBER_OUT_OF_RANGE.atVariant(sheet, c.ref(), "percentShown", shownValue,
                    col.label(), range, CellValues.percent(value), CellValues.number(value / 100)), col.label());
            return false;
        }
        add(FindingCode.NUMBER_OUT_OF_RANGE.at(sheet, c.ref(), shownValue, col.label(), range), col.label());
        return false;
    }
}
