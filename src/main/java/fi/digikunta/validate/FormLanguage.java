package fi.digikunta.validate;

import fi.digikunta.read.RawSheet;
import fi.digikunta.read.RawWorkbook;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Localized;
import fi.digikunta.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The language a form was filled in: Swedish when more of its tabs carry the Swedish name than the
 * Finnish one (the Swedish form, or a Finnish form whose tabs were renamed in Swedish). Names that
 * are the same in both languages do not vote; a tie is Finnish, the form's default.
 */
final class FormLanguage {
    private FormLanguage() {
    }

    static Lang of(RawWorkbook wb, Schema schema) {
        Lang l = detected(wb, schema);
        return l == null ? Lang.FI : l;
    }

    /** The language the tab names vote for; null when no tab name votes (none is the schema's). */
    static Lang detected(RawWorkbook wb, Schema schema) {
        List<Localized> names = new ArrayList<>();
        schema.areas().forEach(a -> names.add(a.tab()));
        schema.tabs().values().forEach(t -> names.add(t.name()));
        int sv = 0;
        int fi = 0;
        for (RawSheet s : wb.sheets()) {
            String k = SchemaIndex.key(s.name());
            for (Localized n : names) {
                boolean isFi = k.equals(SchemaIndex.key(n.fi()));
                boolean isSv = k.equals(SchemaIndex.key(n.sv()));
                if (isSv && !isFi) {
                    sv++;
                } else if (isFi && !isSv) {
                    fi++;
                }
            }
        }
        return sv > fi ? Lang.SV : fi > 0 || sv > 0 ? Lang.FI : null;
    }
}
