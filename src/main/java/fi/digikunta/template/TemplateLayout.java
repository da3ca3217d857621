package fi.digikunta.template;

import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where things go in a template workbook: its language, the order of the area-tab columns, the
 * area tabs and their names, and how many blank rows each area tab leaves for own services. The
 * standard layout follows the schema; the sample generator varies it to imitate returns whose
 * columns were moved or whose tabs carry the published aliases.
 *
 * <p>Row positions are 0-based. Area tab: title on row 0, a hint on row 1, the header on row 2 and
 * the services from row 3. Summary tab: a title on row 0, the identification block from row 2
 * (labels in column A, values in column B, in schema order), the status counts from row 16, below
 * the 15 rows the reader searches for the identification block.
 */
public record TemplateLayout(Lang lang, List<String> columnOrder, Map<String, String> areaTabs, int ownRows) {
    public static final int TITLE_ROW = 0;
    public static final int HINT_ROW = 1;
    public static final int HEADER_ROW = 2;
    public static final int FIRST_SERVICE_ROW = 3;
    public static final int SUMMARY_ID_FIRST_ROW = 2;
    public static final int SUMMARY_COUNTS_ROW = 16;
    public static final int LABEL_COL = 0;
    public static final int VALUE_COL = 1;
    /** Blank rows left at the end of each area tab for the municipality's own services. */
    public static final int DEFAULT_OWN_ROWS = 5;

    public TemplateLayout {
        Objects.requireNonNull(lang, "lang");
        if (lang == Lang.EN) {
            throw new IllegalArgumentException("the workbook is Finnish or Swedish, not " + lang.code());
        }
        columnOrder = List.copyOf(columnOrder);
        if (new HashSet<>(columnOrder).size() != columnOrder.size()) {
            throw new IllegalArgumentException("a column twice in " + columnOrder);
        }
        areaTabs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(areaTabs));
        if (ownRows < 0) {
            throw new IllegalArgumentException("ownRows < 0");
        }
    }

    /** Every column and area tab of the schema, in schema order, with the tab names in {@code lang}. */
    public static TemplateLayout standard(Schema schema, Lang lang) {
        Map<String, String> tabs = new LinkedHashMap<>();
        schema.areas().forEach(a -> tabs.put(a.code(), a.tab().get(lang)));
        return new TemplateLayout(lang, schema.columns().stream().map(Schema.Column::key).toList(), tabs,
                DEFAULT_OWN_ROWS);
    }

    public TemplateLayout withColumnOrder(List<String> order) {
        return new TemplateLayout(lang, order, areaTabs, ownRows);
    }

    /** The same layout with one area tab renamed (e.g. to a published alias). */
    public TemplateLayout withTabName(String areaCode, String name) {
        if (!areaTabs.containsKey(areaCode)) {
            throw new IllegalArgumentException("no area tab " + areaCode);
        }
        Map<String, String> m = new LinkedHashMap<>(areaTabs);
        m.put(areaCode, name);
        return new TemplateLayout(lang, columnOrder, m, ownRows);
    }

    /** The same layout without one area tab (a return that deleted it). */
    public TemplateLayout withoutArea(String areaCode) {
        Map<String, String> m = new LinkedHashMap<>(areaTabs);
        m.remove(areaCode);
        return new TemplateLayout(lang, columnOrder, m, ownRows);
    }

    /** 0-based column of a column key on the area tabs; -1 when the layout leaves it out. */
    public int columnIndex(String key) {
        return columnOrder.indexOf(key);
    }

    /** 0-based row of the last service row (catalogue rows, then own-service rows) of an area tab. */
    public int lastServiceRow(Schema schema, String areaCode) {
        return FIRST_SERVICE_ROW + schema.servicesOf(areaCode).size() + ownRows - 1;
    }

    /** 0-based row of an identification key's label and value on the summary tab. */
    public static int identificationRow(Schema schema, String key) {
        List<Schema.IdKey> keys = schema.identification().keys();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).key().equals(key)) {
                return SUMMARY_ID_FIRST_ROW + i;
            }
        }
        throw new IllegalArgumentException("no identification key " + key);
    }
}
