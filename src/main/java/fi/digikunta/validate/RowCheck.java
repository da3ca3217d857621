package fi.digikunta.validate;

import static fi.digikunta.validate.CellValues.isBlank;
import static fi.digikunta.validate.CellValues.written;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.model.AreaReturn;
import fi.digikunta.model.Identification;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.model.StageLevel;
import fi.digikunta.model.Status;
import fi.digikunta.read.CellRef;
import fi.digikunta.read.RawCell;
import fi.digikunta.schema.Labels;
import fi.digikunta.schema.Localized;
import fi.digikunta.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service rows of one file's area tabs: each row's service found in the catalogue, its status,
 * stages and numbers read, and the row-level rules (stages without status, partial savings) applied.
 * One per file, since a service id may be written only once in the whole workbook.
 */
final class RowCheck {
    private final SchemaIndex ix;
    private final Identification ident;
    private final FindingSink sink;
    private final CellReader reader;
    /** Canonical id to the quoted cell where it was first written, over all area tabs. */
    private final Map<String, String> seenIds = new HashMap<>();

    /** The service a row is about: its catalogue id where known, the id as written, and its name. */
    private record Service(String id, String writtenId, String name) {
    }

    RowCheck(SchemaIndex ix, Identification ident, FindingSink sink, CellReader reader) {
        this.ix = ix;
        this.ident = ident;
        this.sink = sink;
        this.reader = reader;
    }

    /** The rows of an area tab, at most {@link Validator#MAX_SERVICE_ROWS}, and its missing services. */
    AreaReturn rows(Schema.Area area, Grid g, Layout layout) {
        List<ServiceRow> out = new ArrayList<>();
        Map<String, Boolean> present = new HashMap<>();
        for (Map.Entry<Integer, Map<Integer, RawCell>> e : g.rows.tailMap(layout.firstDataRow(), true)
                .entrySet()) {
            g.checkTime();
            ServiceRow r = row(area, g, layout, e.getKey());
            if (r != null) {
                if (out.size() >= Validator.MAX_SERVICE_ROWS) {
                    sink.add(FindingCode.READ_LIMIT.atVariant(g.name(), CellRef.a1(e.getKey(), 0), "serviceRows",
                            g.name(), Validator.MAX_SERVICE_ROWS));
                    break;
                }
                out.add(r);
                if (r.id() != null) {
                    present.put(r.id(), true);
                }
            }
        }
        for (Schema.CatalogueService s : ix.servicesOf(area.code())) {
            if (!present.containsKey(s.id())) {
                sink.add(FindingCode.SERVICE_MISSING.inSheet(g.name(), s.id(), s.name()));
            }
        }
        return new AreaReturn(area.code(), g.name(), out);
    }

    /** Row r (0-based) read; null for a blank row or one left out by an error. */
    private ServiceRow row(Schema.Area area, Grid g, Layout layout, int r) {
        Map<String, RawCell> cells = cellsOf(g, layout, r);
        RawCell firstValue = firstValue(cells);
        if (firstValue == null) {
            return null;
        }
        Service service = service(area, g, cells, firstValue);
        if (service == null) {
            return null;
        }
        RawCell statusCell = cells.get("status");
        Status status = reader.choice(ix, g, statusCell, ix.statusByLabel, FindingCode.INVALID_STATUS,
                ix.allowedStatuses, null);
        Map<String, StageLevel> stages = stages(g, cells);
        statusAndStages(g, layout, r, statusCell, status, ix.stageKeys.stream().anyMatch(k -> written(cells.get(k))));
        Double usage = num(g, cells, "usage");
        Double hourly = num(g, cells, "hourly");
        Double volume = num(g, cells, "volume");
        Double cost = num(g, cells, "cost");
        Map<String, Double> savings = new LinkedHashMap<>();
        for (int i = 0; i < ix.savingKeys.size(); i++) {
            Double v = num(g, cells, ix.savingKeys.get(i));
            if (v != null) {
                savings.put(ix.schema.savingStages().get(i), v);
            }
        }
        Double total = num(g, cells, "save.total");
        Double target = num(g, cells, "target");
        savingsComplete(g, layout, r, cells);
        return new ServiceRow(r + 1, service.id(), service.writtenId(), service.name(), status, stages, usage,
                hourly, volume, cost, savings, total, target, reader.text(g, cells.get("system")),
                reader.text(g, cells.get("notes")));
    }

    /** The cells of row r under the layout's columns, by column key. */
    private static Map<String, RawCell> cellsOf(Grid g, Layout layout, int r) {
        Map<String, RawCell> cells = new HashMap<>();
        for (Map.Entry<String, Integer> c : layout.columns().entrySet()) {
            RawCell cell = g.at(r, c.getValue());
            if (cell != null) {
                cells.put(c.getKey(), cell);
            }
        }
        return cells;
    }

    /** The leftmost cell with something written; null for a blank row. */
    private static RawCell firstValue(Map<String, RawCell> cells) {
        RawCell first = null;
        for (RawCell cell : cells.values()) {
            if (written(cell) && (first == null || cell.col() < first.col())) {
                first = cell;
            }
        }
        return first;
    }

    /** The row's service by id or name; null (with the finding) when the row is left out. */
    private Service service(Schema.Area area, Grid g, Map<String, RawCell> cells, RawCell firstValue) {
        String sheet = g.name();
        RawCell idCell = cells.get("id");
        String writtenId = reader.text(g, idCell);
        String name = reader.text(g, cells.get("service"));
        if (writtenId == null && name == null) {
            sink.add(FindingCode.ROW_WITHOUT_SERVICE.at(sheet, firstValue.ref()));
            return null;
        }
        if (writtenId == null && Labels.isTotalRow(name)) {
            // A totals row the municipality added ("Yhteensä", =SUM()): no service, no findings.
            return null;
        }
        if (writtenId == null) {
            return new Service(null, null, name);
        }
        String canonical = writtenId.toUpperCase(Locale.ROOT);
        Schema.CatalogueService cs = ix.serviceById.get(canonical);
        if (cs == null) {
            sink.add(FindingCode.UNKNOWN_ID.at(sheet, idCell.ref(), writtenId));
            return new Service(null, writtenId, name != null ? name : writtenId);
        }
        if (!cs.area().equals(area.code())) {
            Schema.Area right = ix.schema.area(cs.area()).orElseThrow();
            sink.add(FindingCode.WRONG_AREA_ID.at(sheet, idCell.ref(), canonical,
                    right.tab().fi() + " / " + right.tab().sv()));
            return null;
        }
        String first = seenIds.putIfAbsent(canonical, Labels.quotedSheet(sheet) + "!" + idCell.ref());
        if (first != null) {
            sink.add(FindingCode.DUPLICATE_ID.at(sheet, idCell.ref(), canonical, first));
            return null;
        }
        return new Service(canonical, writtenId, name != null ? name : cs.name().fi());
    }

    /** The stage levels read, by stage, in schema order; blank and invalid ones left out. */
    private Map<String, StageLevel> stages(Grid g, Map<String, RawCell> cells) {
        Map<String, StageLevel> stages = new LinkedHashMap<>();
        for (int i = 0; i < ix.stageKeys.size(); i++) {
            String stageKey = ix.stageKeys.get(i);
            StageLevel l = reader.choice(ix, g, cells.get(stageKey), ix.levelByLabel, FindingCode.INVALID_STAGE,
                    ix.allowedLevels, ix.writtenLabels.get(stageKey));
            if (l != null) {
                stages.put(ix.schema.stages().get(i), l);
            }
        }
        return stages;
    }

    /** A service in use needs a stage written, and stages written need a status. */
    private void statusAndStages(Grid g, Layout layout, int r, RawCell statusCell, Status status,
            boolean stageWritten) {
        String statusRef = statusCell != null ? statusCell.ref()
                : CellRef.a1(r, layout.columns().getOrDefault("status", 0));
        if (status == Status.IN_USE && !stageWritten) {
            sink.add(FindingCode.IN_USE_NO_STAGES.at(g.name(), statusRef));
        }
        if ((statusCell == null || isBlank(statusCell)) && stageWritten) {
            sink.add(FindingCode.STAGES_WITHOUT_STATUS.at(g.name(), statusRef));
        }
    }

    /**
     * Savings inputs only partly filled: some of volume, minutes saved, own hourly cost or cost
     * written, but not all of volume, minutes and an hourly cost (the row's own or the default).
     */
    private void savingsComplete(Grid g, Layout layout, int r, Map<String, RawCell> cells) {
        boolean volume = written(cells.get("volume"));
        boolean minutes = written(cells.get("save.total"));
        for (String saveKey : ix.savingKeys) {
            minutes |= written(cells.get(saveKey));
        }
        boolean ownHourly = written(cells.get("hourly"));
        boolean cost = written(cells.get("cost"));
        if (!(volume || minutes || ownHourly || cost)) {
            return;
        }
        boolean hourly = ownHourly || ident.defaultHourly() != null;
        if (volume && minutes && hourly) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!volume) {
            missing.add("volume");
        }
        if (!minutes) {
            missing.add("save." + ix.schema.savingStages().get(0));
            missing.add("save.total");
        }
        if (!hourly) {
            missing.add("hourly");
        }
        Integer col = layout.columns().get(missing.get(0));
        String cell = CellRef.a1(r, col != null ? col : layout.columns().get("id"));
        Localized joined = SchemaIndex.join(missing.stream().map(k -> ix.columns.get(k).label()).toList());
        sink.add(FindingCode.SAVINGS_PARTIAL.at(g.name(), cell, joined));
    }

    private Double num(Grid g, Map<String, RawCell> cells, String key) {
        Schema.Column c = ix.columns.get(key);
        if (c == null) {
            return null;
        }
        return reader.number(g, cells.get(key), new ValueColumn(ix.writtenLabels.get(key), c.type(), c.min(), c.max()));
    }
}
