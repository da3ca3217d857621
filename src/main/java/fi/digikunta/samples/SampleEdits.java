package fi.digikunta.samples;

import fi.digikunta.schema.Schema;
import fi.digikunta.template.TemplateLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * How samples depart from a plainly generated return: the answers they put in rows, the rows they
 * clear, the columns they move and the tabs they rename.
 */
final class SampleEdits {
    private final Schema schema;

    SampleEdits(Schema schema) {
        this.schema = schema;
    }

    /** Notes and system right after the service name, usage before the stages, volume before hourly cost. */
    static List<String> movedColumns(TemplateLayout lay) {
        List<String> order = new ArrayList<>(lay.columnOrder());
        List<String> front = List.of("id", "service", "notes", "system", "status", "usage");
        order.removeAll(front);
        order.remove("volume");
        order.add(order.indexOf("hourly"), "volume");
        List<String> out = new ArrayList<>(front);
        out.addAll(order);
        return out;
    }

    /** Every area tab that has a published alias is named by it. */
    TemplateLayout aliasTabs(TemplateLayout lay) {
        TemplateLayout out = lay;
        for (Schema.Area a : schema.areas()) {
            if (!a.aliases().isEmpty()) {
                out = out.withTabName(a.code(), a.aliases().get(0));
            }
        }
        return out;
    }

    /** The answers after the row's id and, for a catalogue id, the service's name. */
    Map<String, Object> withId(String id, Map<String, Object> answers) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        schema.service(id).ifPresent(s -> a.put("service", s.name()));
        a.putAll(answers);
        return a;
    }

    /**
     * A row in use with every stage answered and a usage rate; with savings inputs when volume is
     * given (hourly cost left blank when null, so that the workbook's default applies).
     */
    Map<String, Object> savingsRow(String id, Double volume, Double hourly, Double minutesKas) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", "IN_USE");
        schema.stages().forEach(st -> a.put("stage." + st, "DIGITAL"));
        a.put("usage", 0.6);
        if (volume != null) {
            a.put("volume", volume);
            if (hourly != null) {
                a.put("hourly", hourly);
            }
            if (minutesKas != null) {
                a.put("save.KAS", minutesKas);
                a.put("cost", 2400.0);
            }
        }
        return withId(id, a);
    }

    /** Blanks every cell of a row, keeping the row and its styles. */
    static void clearRow(Sheet sh, int row) {
        Row r = sh.getRow(row);
        if (r != null) {
            for (Cell c : r) {
                c.setBlank();
            }
        }
    }
}
