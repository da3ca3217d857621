package fi.digikunta.model;

import java.util.List;

/** The rows of one area tab, in sheet order. Catalogue services missing from the tab are not here. */
public record AreaReturn(String area, String sheetName, List<ServiceRow> rows) {
    public AreaReturn {
        rows = List.copyOf(rows);
    }
}
