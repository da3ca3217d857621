package fi.digikunta.validate;

import fi.digikunta.model.AreaReturn;
import fi.digikunta.model.AssessmentReturn;
import fi.digikunta.findings.Finding;
import fi.digikunta.model.Identification;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.model.StageLevel;
import fi.digikunta.model.Status;
import fi.digikunta.read.CellRef;
import fi.digikunta.findings.FindingTexts;
import fi.digikunta.read.RawCell;
import fi.digikunta.read.RawSheet;
import fi.digikunta.read.RawWorkbook;
import fi.digikunta.read.ReadOutcome;
import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Localized;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import fi.digikunta.findings.FindingCode;

/**
 * Turns one raw workbook into a typed return and its findings, applying every rule of the problem
 * table in shared/spec/assessment-workbook.md: tabs by name (Finnish, Swedish or alias), the
 * identification block by label, the template version choosing the schema, header rows and columns
 * by label (never by position), and every cell's value against its column type. Stateless and
 * thread-safe: one instance validates many files in parallel.
 */
public final class Validator {
    public static final int DEFAULT_FINDINGS_CAP = 200;
    /**
     * Most service rows read from one area tab (the catalogue has at most 15 per area): every row of
     * an accepted return is kept until the reports are written, so without a cap a few crafted
     * returns of tens of thousands of rows each would exhaust the run's memory, not just their own.
     */
    public static final int MAX_SERVICE_ROWS = 200;

    private final SchemaRegistry registry;
    private final MunicipalityList municipalities;
    private final int findingsCap;
    private final Map<String, SchemaIndex> indexes = new HashMap<>();
    private final SchemaIndex latest;

    public Validator(SchemaRegistry registry, MunicipalityList municipalities) {
        this(registry, municipalities, DEFAULT_FINDINGS_CAP);
    }

    public Validator(SchemaRegistry registry, MunicipalityList municipalities, int findingsCap) {
        if (findingsCap < 1) {
            throw new IllegalArgumentException("findings cap must be at least 1");
        }
        this.registry = registry;
        this.municipalities = municipalities;
        this.findingsCap = findingsCap;
        for (String v : SchemaRegistry.VERSIONS) {
            registry.version(v).ifPresent(s -> indexes.put(v, new SchemaIndex(s)));
        }
        this.latest = new SchemaIndex(registry.latest());
    }

    /** A file the reader could not read: rejected with the reader's reason as its one finding. */
    public static Validated unreadable(ReadOutcome.Unreadable u) {
        return Validated.rejected(u.code().inFile(u.reason()));
    }

    /** Reads and validates what the reader gave: a rejection for an unreadable file. */
    public Validated validate(ReadOutcome read) {
        if (read instanceof ReadOutcome.Unreadable u) {
            return unreadable(u);
        }
        return validate(((ReadOutcome.Readable) read).workbook());
    }

    public Validated validate(RawWorkbook wb) {
        return new Run(wb).run();
    }

    /** The findings of one file, kept up to the cap (rejections always kept), counted beyond it. */
    private final class Sink {
        final List<Finding> kept = new ArrayList<>();
        int total;
        Finding firstRejection;

        void add(Finding f) {
            total++;
            boolean rejection = f.code().rejects();
            if (rejection && firstRejection == null) {
                firstRejection = f;
            }
            if (kept.size() < findingsCap || rejection) {
                kept.add(f);
            }
        }

        boolean truncated() {
            return total > kept.size();
        }

        List<Finding> result() {
            List<Finding> out = new ArrayList<>(kept);
            if (truncated()) {
                out.add(FindingCode.FINDINGS_CAPPED.inFile(findingsCap));
            }
            return out;
        }
    }

    /** Grid access to one sheet's cells. */
    private static final class Grid {
        final RawSheet sheet;
        final TreeMap<Integer, Map<Integer, RawCell>> rows = new TreeMap<>();

        Grid(RawSheet sheet) {
            this.sheet = sheet;
            for (RawCell c : sheet.cells()) {
                rows.computeIfAbsent(c.row(), k -> new HashMap<>()).put(c.col(), c);
            }
        }

        RawCell at(int row, int col) {
            Map<Integer, RawCell> r = rows.get(row);
            return r == null ? null : r.get(col);
        }

        String name() {
            return sheet.name();
        }
    }

    /** Column meta used when reading a value: its label for messages, its type and range. */
    private record Col(Localized label, String type, Double min, Double max) {
        static Col of(Schema.Column c) {
            return new Col(SchemaIndex.asWritten(c.label()), c.type(), c.min(), c.max());
        }

        static Col of(Schema.IdKey k) {
            return new Col(SchemaIndex.asWritten(k.label()), k.type(), k.min(), null);
        }
    }

    /** One validation of one workbook. */
    private final class Run {
        private final RawWorkbook wb;
        private final Sink sink = new Sink();
        private String municipalityCode;

        Run(RawWorkbook wb) {
            this.wb = wb;
        }

        Validated run() {
            RawSheet summary = null;
            for (RawSheet s : wb.sheets()) {
                if ("summary".equals(latest.roleByTab.get(latest.keyOf(s.name())))) {
                    summary = s;
                    break;
                }
            }
            Schema.Tab summaryTab = latest.schema.tabs().get("summary");
            if (summary == null) {
                sink.add(FindingCode.IDENTIFICATION_MISSING.atVariant(null, null, "tab",
                        summaryTab.name().fi() + " / " + summaryTab.name().sv()));
                return rejected();
            }
            Grid summaryGrid = new Grid(summary);
            Map<String, RawCell> labels = new HashMap<>();
            Map<String, RawCell> values = identificationCells(summaryGrid, latest, labels);
            SchemaIndex ix = chooseSchema(summaryGrid, values, labels);
            if (ix == null) {
                return rejected();
            }
            Identification ident = identification(ix, summaryGrid, values);
            if (sink.firstRejection != null) {
                return rejected();
            }
            Map<String, Grid> areaSheets = classifyTabs(ix, summary);
            for (Schema.Area a : ix.schema.areas()) {
                if (!areaSheets.containsKey(a.code())) {
                    sink.add(FindingCode.AREA_TAB_MISSING.inFile(a.tab().fi(), a.tab().sv()));
                }
            }
            Map<String, Layout> layouts = new LinkedHashMap<>();
            for (Schema.Area a : ix.schema.areas()) {
                Grid g = areaSheets.get(a.code());
                if (g != null) {
                    Layout l = layout(ix, g);
                    if (l != null) {
                        layouts.put(a.code(), l);
                    }
                }
            }
            if (sink.firstRejection != null) {
                return rejected();
            }
            Map<String, String> seenIds = new HashMap<>();
            List<AreaReturn> areas = new ArrayList<>();
            for (Schema.Area a : ix.schema.areas()) {
                areas.add(rows(ix, a, areaSheets.get(a.code()), layouts.get(a.code()), ident, seenIds));
            }
            if (sink.firstRejection != null) {
                return rejected();
            }
            AssessmentReturn ret = new AssessmentReturn(ix.schema.schemaVersion(), ident, areas);
            Outcome outcome = sink.total == 0 ? Outcome.ACCEPTED : Outcome.ACCEPTED_WITH_WARNINGS;
            return new Validated(outcome, municipalityCode, ret, sink.result(), sink.truncated(), null, null);
        }

        private Validated rejected() {
            Finding r = sink.firstRejection;
            return new Validated(Outcome.REJECTED, municipalityCode, null, sink.result(), sink.truncated(), r.id(),
                    r.message());
        }

        /** Value cells of the identification keys found by label in the label column, first label wins. */
        private Map<String, RawCell> identificationCells(Grid g, SchemaIndex ix, Map<String, RawCell> labelCells) {
            Schema.Identification id = ix.schema.identification();
            int labelCol = CellRef.columnIndex(id.labelColumn());
            int valueCol = CellRef.columnIndex(id.valueColumn());
            Map<String, RawCell> values = new HashMap<>();
            for (int r = 0; r < id.maxRow(); r++) {
                RawCell label = g.at(r, labelCol);
                if (label == null || label.kind() != RawCell.Kind.STRING) {
                    continue;
                }
                Schema.IdKey k = ix.idKeyByLabel.get(ix.keyOf(label.text()));
                if (k != null && !labelCells.containsKey(k.key())) {
                    labelCells.put(k.key(), label);
                    RawCell v = g.at(r, valueCol);
                    values.put(k.key(), v != null ? v : new RawCell(r, valueCol, RawCell.Kind.STRING, "", Double.NaN,
                            false, false, false));
                }
            }
            return values;
        }

        /** Required keys present, the version known: the schema of that version; else null (rejected). */
        private SchemaIndex chooseSchema(Grid g, Map<String, RawCell> values, Map<String, RawCell> labels) {
            Schema.Identification id = latest.schema.identification();
            for (Schema.IdKey k : id.keys()) {
                if (!k.required()) {
                    continue;
                }
                RawCell v = values.get(k.key());
                if (v == null) {
                    sink.add(FindingCode.IDENTIFICATION_MISSING.atVariant(g.name(), null, "key",
                            SchemaIndex.asWritten(k.label()), g.name(),
                            id.maxRow(), id.labelColumn(), id.valueColumn()));
                } else if (isBlank(v)) {
                    sink.add(FindingCode.IDENTIFICATION_MISSING.atVariant(g.name(), v.ref(), "key",
                            SchemaIndex.asWritten(k.label()), g.name(), id.maxRow(), id.labelColumn(), id.valueColumn()));
                }
            }
            RawCell codeCell = values.get("code");
            if (codeCell != null && !isBlank(codeCell)) {
                String code = municipalityCode(codeCell);
                if (code == null) {
                    sink.add(FindingCode.UNKNOWN_MUNICIPALITY.atVariant(g.name(), codeCell.ref(), "invalid",
                            shown(codeCell)));
                } else if (municipalities.byCode(code).isEmpty()) {
                    sink.add(FindingCode.UNKNOWN_MUNICIPALITY.at(g.name(), codeCell.ref(), code));
                } else {
                    municipalityCode = code;
                }
            }
            RawCell versionCell = values.get("version");
            SchemaIndex chosen = null;
            if (versionCell != null && !isBlank(versionCell)) {
                String v = version(versionCell);
                Optional<Schema> s = registry.forTemplateVersion(v);
                if (s.isEmpty()) {
                    List<String> known = new ArrayList<>();
                    for (String sv : SchemaRegistry.VERSIONS) {
                        registry.version(sv).ifPresent(x -> known.addAll(x.templateVersions()));
                    }
                    sink.add(FindingCode.UNKNOWN_VERSION.at(g.name(), versionCell.ref(), v, String.join(", ", known)));
                } else {
                    chosen = indexes.getOrDefault(s.get().schemaVersion(), latest);
                }
            }
            return sink.firstRejection != null ? null : chosen;
        }

        private Identification identification(SchemaIndex ix, Grid g, Map<String, RawCell> values) {
            RawCell nameCell = values.get("name");
            String name = text(g, nameCell);
            Municipality m = municipalities.byCode(municipalityCode).orElseThrow();
            if (name != null && !MunicipalityList.nameMatches(m, name)) {
                sink.add(FindingCode.NAME_MISMATCH.at(g.name(), nameCell.ref(), name, m.code(),
                        m.nameFi().equals(m.nameSv()) ? m.nameFi() : m.nameFi() + " / " + m.nameSv()));
            }
            RawCell dateCell = values.get("date");
            LocalDate date = null;
            if (dateCell != null && !isBlank(dateCell)) {
                date = DateValues.of(dateCell);
                if (date == null) {
                    sink.add(FindingCode.INVALID_DATE.at(g.name(), dateCell.ref(), shown(dateCell)));
                }
            }
            Double hourly = null;
            Optional<Schema.IdKey> hourlyKey = ix.schema.identification().keys().stream()
                    .filter(k -> k.key().equals("hourly")).findFirst();
            if (hourlyKey.isPresent()) {
                hourly = number(g, values.get("hourly"), Col.of(hourlyKey.get()));
            }
            return new Identification(name, municipalityCode, text(g, values.get("contact")),
                    text(g, values.get("email")), date, version(values.get("version")), hourly);
        }

        /** Sheets of the six areas by code; the summary and instructions are known; others are extra. */
        private Map<String, Grid> classifyTabs(SchemaIndex ix, RawSheet summary) {
            Map<String, Grid> areas = new HashMap<>();
            Map<String, String> firstOfRole = new HashMap<>();
            for (RawSheet s : wb.sheets()) {
                String k = ix.keyOf(s.name());
                String area = ix.areaByTab.get(k);
                String role = ix.roleByTab.get(k);
                if (area != null) {
                    Grid first = areas.get(area);
                    if (first != null) {
                        sink.add(FindingCode.DUPLICATE_TAB.inSheet(s.name(), s.name(), first.name()));
                    } else {
                        areas.put(area, new Grid(s));
                    }
                } else if (role != null) {
                    String first = firstOfRole.putIfAbsent(role, s.name());
                    if (first != null && s != summary) {
                        sink.add(FindingCode.DUPLICATE_TAB.inSheet(s.name(), s.name(), first));
                    }
                } else if (!s.hidden()) {
                    // A hidden extra tab is most often the template's own lookup list: no warning.
                    sink.add(FindingCode.EXTRA_TAB.inSheet(s.name(), s.name()));
                }
            }
            return areas;
        }

        /** Where an area tab's header and columns are. */
        private record Layout(int headerRow, int firstDataRow, Map<String, Integer> columns) {
        }

        private Layout layout(SchemaIndex ix, Grid g) {
            Schema.AreaSheet as = ix.schema.areaSheet();
            Schema.Column idCol = ix.columns.get(as.headerKey());
            String fi = SchemaIndex.key(idCol.label().fi());
            String sv = SchemaIndex.key(idCol.label().sv());
            int header = -1;
            for (int r = 0; r < as.headerSearchRows() && header < 0; r++) {
                Map<Integer, RawCell> row = g.rows.get(r);
                if (row == null) {
                    continue;
                }
                for (RawCell c : row.values()) {
                    if (c.kind() == RawCell.Kind.STRING) {
                        String k = ix.keyOf(c.text());
                        if (k.equals(fi) || k.equals(sv)) {
                            header = r;
                            break;
                        }
                    }
                }
            }
            if (header < 0) {
                sink.add(FindingCode.HEADER_NOT_FOUND.inSheet(g.name(), g.name(), SchemaIndex.asWritten(idCol.label()),
                        as.headerSearchRows()));
                return null;
            }
            Map<String, Integer> cols = new LinkedHashMap<>();
            Map<Integer, RawCell> headerCells = new TreeMap<>(g.rows.get(header));
            for (RawCell c : headerCells.values()) {
                if (c.kind() != RawCell.Kind.STRING) {
                    continue;
                }
                Schema.Column col = ix.columnByLabel.get(ix.keyOf(c.text()));
                if (col == null) {
                    continue;
                }
                Integer first = cols.putIfAbsent(col.key(), c.col());
                if (first != null) {
                    sink.add(FindingCode.DUPLICATE_COLUMN.at(g.name(), c.ref(), c.text().strip(),
                            CellRef.a1(header, first)));
                }
            }
            for (Schema.Column col : ix.schema.columns()) {
                if (cols.containsKey(col.key())) {
                    continue;
                }
                if (col.required()) {
                    sink.add(FindingCode.REQUIRED_COLUMN_MISSING.inSheet(g.name(), g.name(),
                            SchemaIndex.asWritten(col.label()), header + 1));
                } else {
                    sink.add(FindingCode.OPTIONAL_COLUMN_MISSING.inSheet(g.name(), g.name(),
                            SchemaIndex.asWritten(col.label())));
                }
            }
            // A header cell merged down over several rows makes those rows part of the header.
            int firstData = header + 1;
            for (var m : g.sheet.merged()) {
                if (m.firstRow() <= header && m.lastRow() >= header) {
                    firstData = Math.max(firstData, m.lastRow() + 1);
                }
            }
            return new Layout(header, firstData, cols);
        }

        private AreaReturn rows(SchemaIndex ix, Schema.Area area, Grid g, Layout layout, Identification ident,
                Map<String, String> seenIds) {
            List<ServiceRow> out = new ArrayList<>();
            Map<String, Boolean> present = new HashMap<>();
            for (Map.Entry<Integer, Map<Integer, RawCell>> e : g.rows.tailMap(layout.firstDataRow(), true)
                    .entrySet()) {
                ServiceRow r = row(ix, area, g, layout, e.getKey(), ident, seenIds);
                if (r != null) {
                    if (out.size() >= MAX_SERVICE_ROWS) {
                        sink.add(FindingCode.READ_LIMIT.atVariant(g.name(), CellRef.a1(e.getKey(), 0), "serviceRows",
                                g.name(), MAX_SERVICE_ROWS));
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

        private ServiceRow row(SchemaIndex ix, Schema.Area area, Grid g, Layout layout, int r, Identification ident,
                Map<String, String> seenIds) {
            Map<String, RawCell> cells = new HashMap<>();
            boolean blank = true;
            RawCell firstValue = null;
            for (Map.Entry<String, Integer> c : layout.columns().entrySet()) {
                RawCell cell = g.at(r, c.getValue());
                if (cell != null) {
                    cells.put(c.getKey(), cell);
                    if (!isBlank(cell) && cell.kind() != RawCell.Kind.FORMULA_NO_VALUE) {
                        blank = false;
                        if (firstValue == null || cell.col() < firstValue.col()) {
                            firstValue = cell;
                        }
                    }
                }
            }
            if (blank) {
                return null;
            }
            String sheet = g.name();
            RawCell idCell = cells.get("id");
            String writtenId = text(g, idCell);
            String name = text(g, cells.get("service"));
            if (writtenId == null && name == null) {
                sink.add(FindingCode.ROW_WITHOUT_SERVICE.at(sheet, firstValue.ref()));
                return null;
            }
            String id = null;
            if (writtenId != null) {
                String canonical = writtenId.toUpperCase(Locale.ROOT);
                Optional<Schema.CatalogueService> cs = Optional.ofNullable(ix.serviceById.get(canonical));
                if (cs.isPresent()) {
                    if (!cs.get().area().equals(area.code())) {
                        Schema.Area right = ix.schema.area(cs.get().area()).orElseThrow();
                        sink.add(FindingCode.WRONG_AREA_ID.at(sheet, idCell.ref(), canonical,
                                right.tab().fi() + " / " + right.tab().sv()));
                        return null;
                    }
                    String first = seenIds.putIfAbsent(canonical, quote(sheet) + "!" + idCell.ref());
                    if (first != null) {
                        sink.add(FindingCode.DUPLICATE_ID.at(sheet, idCell.ref(), canonical, first));
                        return null;
                    }
                    id = canonical;
                    if (name == null) {
                        name = cs.get().name().fi();
                    }
                } else {
                    sink.add(FindingCode.UNKNOWN_ID.at(sheet, idCell.ref(), writtenId));
                    if (name == null) {
                        name = writtenId;
                    }
                }
            }
            RawCell statusCell = cells.get("status");
            Status status = choice(ix, g, statusCell, ix.statusByLabel, FindingCode.INVALID_STATUS, ix.allowedStatuses,
                    null);
            Map<String, StageLevel> stages = new LinkedHashMap<>();
            boolean stageWritten = false;
            for (int i = 0; i < ix.stageKeys.size(); i++) {
                String st = ix.schema.stages().get(i);
                String stageKey = ix.stageKeys.get(i);
                RawCell c = cells.get(stageKey);
                if (c != null && !isBlank(c) && c.kind() != RawCell.Kind.FORMULA_NO_VALUE) {
                    stageWritten = true;
                }
                StageLevel l = choice(ix, g, c, ix.levelByLabel, FindingCode.INVALID_STAGE, ix.allowedLevels,
                        ix.writtenLabels.get(stageKey));
                if (l != null) {
                    stages.put(st, l);
                }
            }
            String statusRef = statusCell != null ? statusCell.ref()
                    : CellRef.a1(r, layout.columns().getOrDefault("status", 0));
            if (status == Status.IN_USE && !stageWritten) {
                sink.add(FindingCode.IN_USE_NO_STAGES.at(sheet, statusRef));
            }
            if ((statusCell == null || isBlank(statusCell)) && stageWritten) {
                sink.add(FindingCode.STAGES_WITHOUT_STATUS.at(sheet, statusRef));
            }
            Double usage = num(ix, g, cells, "usage");
            Double hourly = num(ix, g, cells, "hourly");
            Double volume = num(ix, g, cells, "volume");
            Double cost = num(ix, g, cells, "cost");
            Map<String, Double> savings = new LinkedHashMap<>();
            for (int i = 0; i < ix.savingKeys.size(); i++) {
                String st = ix.schema.savingStages().get(i);
                Double v = num(ix, g, cells, ix.savingKeys.get(i));
                if (v != null) {
                    savings.put(st, v);
                }
            }
            Double total = num(ix, g, cells, "save.total");
            Double target = num(ix, g, cells, "target");
            savingsComplete(ix, g, layout, r, cells, ident);
            return new ServiceRow(r + 1, id, writtenId, name, status, stages, usage, hourly, volume, cost, savings,
                    total, target, text(g, cells.get("system")), text(g, cells.get("notes")));
        }

        /**
         * Savings inputs only partly filled: some of volume, minutes saved, own hourly cost or cost
         * written, but not all of volume, minutes and an hourly cost (the row's own or the default).
         */
        private void savingsComplete(SchemaIndex ix, Grid g, Layout layout, int r, Map<String, RawCell> cells,
                Identification ident) {
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

        private Double num(SchemaIndex ix, Grid g, Map<String, RawCell> cells, String key) {
            Schema.Column c = ix.columns.get(key);
            return c == null ? null : number(g, cells.get(key), new Col(ix.writtenLabels.get(key), c.type(), c.min(), c.max()));
        }

        /** A choice cell (status or stage level) matched on its label; an error when not allowed. */
        private <T> T choice(SchemaIndex ix, Grid g, RawCell c, Map<String, T> byLabel, FindingCode invalid, Localized allowed,
                Localized column) {
            if (c == null || isBlank(c)) {
                return null;
            }
            if (c.kind() == RawCell.Kind.FORMULA_NO_VALUE) {
                sink.add(FindingCode.FORMULA_NO_CACHED_VALUE.at(g.name(), c.ref()));
                return null;
            }
            T v = c.kind() == RawCell.Kind.STRING ? byLabel.get(ix.keyOf(c.text())) : null;
            if (v == null) {
                sink.add(invalid.at(g.name(), c.ref(), shown(c), allowed, column));
            }
            return v;
        }

        /**
         * A number cell: numeric cells and cached formula results as they are, text the Finnish way
         * with a warning. A percent column holds 0..100: a percent-formatted cell's fraction is
         * multiplied by 100 for the range check, and the value returned is the fraction 0..1.
         */
        private Double number(Grid g, RawCell c, Col col) {
            if (c == null || isBlank(c)) {
                return null;
            }
            String sheet = g.name();
            boolean percentColumn = "percent".equals(col.type());
            double value;
            boolean fractionGiven = false;
            switch (c.kind()) {
                case FORMULA_NO_VALUE -> {
                    sink.add(FindingCode.FORMULA_NO_CACHED_VALUE.at(sheet, c.ref()));
                    return null;
                }
                case NUMBER -> {
                    value = c.number();
                    fractionGiven = percentColumn && c.percentFormat();
                }
                case STRING -> {
                    TextNumbers.Parsed p = TextNumbers.parse(c.text());
                    if (p == null || (p.percent() && !percentColumn)) {
                        sink.add(FindingCode.NOT_A_NUMBER.at(sheet, c.ref(), shown(c), col.label()));
                        return null;
                    }
                    value = p.value();
                    sink.add(FindingCode.NUMBER_AS_TEXT.at(sheet, c.ref(), c.text().strip(),
                            p.percent() ? new Localized(FindingTexts.number(Lang.FI, value) + " %",
                                    FindingTexts.number(Lang.SV, value) + " %",
                                    FindingTexts.number(Lang.EN, value) + " %") : value));
                }
                default -> {
                    sink.add(FindingCode.NOT_A_NUMBER.at(sheet, c.ref(), shown(c), col.label()));
                    return null;
                }
            }
            double scaled = fractionGiven ? value * 100 : value;
            boolean low = col.min() != null && scaled < col.min();
            boolean high = col.max() != null && scaled > col.max();
            if (low || high) {
                String range = col.max() == null ? "≥ " + plain(col.min())
                        : plain(col.min()) + "–" + plain(col.max());
                Object shownValue = fractionGiven ? new Localized(FindingTexts.number(Lang.FI, scaled) + " %",
                        FindingTexts.number(Lang.SV, scaled) + " %", FindingTexts.number(Lang.EN, scaled) + " %")
                        : value;
                sink.add(FindingCode.NUMBER_OUT_OF_RANGE.at(sheet, c.ref(), shownValue, col.label(), range));
                return null;
            }
            if (percentColumn) {
                return fractionGiven ? value : value / 100;
            }
            return value;
        }

        /** The text of a text cell (numbers as written plainly); null for blank. */
        private String text(Grid g, RawCell c) {
            if (c == null || isBlank(c)) {
                return null;
            }
            if (c.kind() == RawCell.Kind.FORMULA_NO_VALUE) {
                sink.add(FindingCode.FORMULA_NO_CACHED_VALUE.at(g.name(), c.ref()));
                return null;
            }
            return shown(c);
        }
    }

    private static boolean written(RawCell c) {
        return c != null && !isBlank(c) && c.kind() != RawCell.Kind.FORMULA_NO_VALUE;
    }

    private static boolean isBlank(RawCell c) {
        return c == null || (c.kind() == RawCell.Kind.STRING && c.text().isBlank());
    }

    /** A cell's value as the user sees it in a message or a text field. */
    static String shown(RawCell c) {
        if (c.kind() == RawCell.Kind.NUMBER) {
            return plain(c.number());
        }
        return c.text().strip();
    }

    private static String plain(double d) {
        return FindingTexts.number(Lang.EN, d);
    }

    private static String quote(String sheet) {
        return "'" + sheet.replace("'", "''") + "'";
    }

    /** The 3-digit code a cell holds ("91" and 91 give "091"); null when it holds no code. */
    static String municipalityCode(RawCell c) {
        String s;
        if (c.kind() == RawCell.Kind.NUMBER) {
            double d = c.number();
            if (d != Math.rint(d) || d < 0 || d > 999) {
                return null;
            }
            s = Long.toString((long) d);
        } else if (c.kind() == RawCell.Kind.STRING) {
            s = c.text().strip();
        } else {
            return null;
        }
        if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        return "0".repeat(3 - s.length()) + s;
    }

    /** The template version as text: a whole number written as such ("1", 1 or 1.0 give "1"). */
    static String version(RawCell c) {
        if (c == null || isBlank(c)) {
            return null;
        }
        if (c.kind() == RawCell.Kind.NUMBER) {
            return plain(c.number());
        }
        String s = c.text().strip();
        TextNumbers.Parsed p = TextNumbers.parse(s);
        if (p != null && !p.percent() && p.value() == Math.rint(p.value()) && Math.abs(p.value()) < 1e9) {
            return Long.toString((long) p.value());
        }
        return s;
    }
}
