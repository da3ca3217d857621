package fi.digikunta.validate;

import fi.digikunta.schema.Localized;
import fi.digikunta.schema.Schema;

/** Column meta used when reading a value: its label for messages, its type and range. */
record ValueColumn(Localized label, String type, Double min, Double max) {
    static ValueColumn of(Schema.IdKey k) {
        return new ValueColumn(SchemaIndex.asWritten(k.label()), k.type(), k.min(), k.max());
    }
}
