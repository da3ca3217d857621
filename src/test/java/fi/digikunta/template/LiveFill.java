package fi.digikunta.template;

import fi.digikunta.model.AssessmentReturn;
import fi.digikunta.model.AreaReturn;
import fi.digikunta.model.Identification;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.model.StageLevel;
import fi.digikunta.model.Status;
import fi.digikunta.reference.Municipality;
import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Localized;
import fi.digikunta.schema.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fills a generated template with a return's values the way people do: labels in the workbook's
 * language or the other one, sometimes in other letter case or with spaces around; own services
 * below the free rows; with {@code scatter}, rows in a shuffled order with blank rows between; with
 * {@code move}, the area tabs' columns moved as a cut-and-insert leaves them, a column of the
 * municipality's own inserted among them and one column hidden.
 */
final class LiveFill {
    static final Instant T = Instant.parse("2026-02-12T12:00:00Z");

    /** Blank templates by layout: building one evaluates thousands of formulas, so once per layout. */
    private static final Map<String, byte[]> BLANK = new java.util.concurrent.ConcurrentHashMap<>();

    private LiveFill() {
    }

    static byte[] fill(Schema schema, TemplateLayout layout, AssessmentReturn ret, Random rnd, boolean scatter)
            throws Exception {
        return fill(schema, layout, ret, rnd, scatter, false);
    }

    static byte[] fill(Schema schema, TemplateLayout layout, AssessmentReturn ret, Random rnd, boolean scatter,
            boolean move) throws Exception {
        byte[] blank = BLANK.computeIfAbsent(schema.schemaVersion() + layout,
                l -> new TemplateWriter(schema).write(layout, T));
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(blank))) {
            XSSFSheet summary = wb.getSheet(schema.tabs().get("summary").name().get(layout.lang()));
            Identification id = ret.identification();
            put(summary, TemplateLayout.identificationRow(schema, "name"), TemplateLayout.VALUE_COL, id.name());
            put(summary, TemplateLayout.identificationRow(schema, "code"), TemplateLayout.VALUE_COL, id.code());
            put(summary, TemplateLayout.identificationRow(schema, "date"), TemplateLayout.VALUE_COL,
                    id.fillDate().toString());
            if (schema.identification().keys().stream().anyMatch(k -> k.key().equals("round"))) {
                put(summary, TemplateLayout.identificationRow(schema, "round"), TemplateLayout.VALUE_COL, 2026.0);
            }
            if (id.defaultHourly() != null) {
                put(summary, TemplateLayout.identificationRow(schema, "hourly"), TemplateLayout.VALUE_COL,
                        id.defaultHourly());
            }
            // In some moved fillings one area tab loses an optional column, header and values, so the
            // summary's "header not found" branch is recalculated and compared too.
            int dropTab = move && rnd.nextBoolean() ? rnd.nextInt(layout.areaTabs().size()) : -1;
            int t = 0;
            for (Map.Entry<String, String> tab : layout.areaTabs().entrySet()) {
                XSSFSheet sh = wb.getSheet(tab.getValue());
                fillArea(schema, layout, sh, LiveSummaryTest.rows(ret, tab.getKey()), rnd, scatter);
                if (move) {
                    List<Integer> to = moveColumns(sh, layout.columnOrder().size(), rnd);
                    if (t == dropTab) {
                        removeColumn(sh, to.get(layout.columnIndex(optional(schema, layout, rnd))));
                    }
                }
                t++;
            }
            return TemplateWriter.toBytes(wb, T);
        }
    }

    private static void fillArea(Schema schema, TemplateLayout layout, XSSFSheet sh, List<ServiceRow> rows,
            Random rnd, boolean scatter) {
        int first = TemplateLayout.FIRST_SERVICE_ROW;
        Map<String, Integer> catalogueRow = new HashMap<>();
        for (int r = first; r <= sh.getLastRowNum(); r++) {
            Cell c = sh.getRow(r) == null ? null : sh.getRow(r).getCell(layout.columnIndex("id"));
            if (c != null && !c.getStringCellValue().isEmpty()) {
                catalogueRow.put(c.getStringCellValue(), r);
            }
        }
        List<Integer> slots = new ArrayList<>();
        if (scatter) {
            // The catalogue ids and names move with their rows: clear them, write every row anew below.
            catalogueRow.values().forEach(r -> {
                sh.getRow(r).getCell(layout.columnIndex("id")).setBlank();
                sh.getRow(r).getCell(layout.columnIndex("service")).setBlank();
            });
            for (int r = first; r < first + LiveFigures.ROWS - 1; r++) {
                slots.add(r);
            }
            Collections.shuffle(slots, rnd);
            slots = new ArrayList<>(slots.subList(0, rows.size() + catalogueRow.size() + 3));
            Collections.sort(slots);
            // One row on the last row the summary reads, far below the reader's 200 services.
            slots.set(slots.size() - 1, first + LiveFigures.ROWS - 2);
            List<String> ids = new ArrayList<>(catalogueRow.keySet());
            Collections.shuffle(ids, rnd);
            catalogueRow.clear();
            List<Integer> order = new ArrayList<>(slots);
            Collections.shuffle(order, rnd);
            for (String id : ids) {
                int r = order.remove(order.size() - 1);
                catalogueRow.put(id, r);
                put(sh, r, layout.columnIndex("id"), rnd.nextInt(5) == 0 ? " " + id.toLowerCase(Locale.ROOT) : id);
                put(sh, r, layout.columnIndex("service"), schema.service(id).orElseThrow().name().get(layout.lang()));
            }
            slots = order;
            // A totals row the municipality adds below its services: neither read nor counted.
            int below = first + LiveFigures.ROWS - 1;
            put(sh, below, layout.columnIndex("service"), rnd.nextBoolean() ? "Yhteensä" : " totalt ");
            int volume = layout.columnIndex("volume");
            if (volume >= 0) {
                String c = org.apache.poi.ss.util.CellReference.convertNumToColString(volume);
                put(sh, below, volume, 0.0);
                sh.getRow(below).getCell(volume).setCellFormula("SUM(" + c + (first + 1) + ":" + c + below + ")");
            }
        } else {
            // Own services below the free rows too, with a blank row between some of them.
            int next = first + catalogueRow.size() + 3;
            for (int i = 0; i < rows.size(); i++) {
                slots.add(next);
                next += 1 + rnd.nextInt(3);
            }
        }
        for (ServiceRow row : rows) {
            Integer r = row.id() != null ? catalogueRow.get(row.id()) : slots.remove(0);
            if (r == null) {
                continue;
            }
            write(schema, layout, sh, r, row, rnd);
        }
        if (scatter && !catalogueRow.isEmpty()) {
            flawedRows(schema, layout, sh, slots, catalogueRow, rnd);
        }
    }

    /**
     * Rows a return the report still accepts may have (with errors on them): a catalogue id again
     * (the first row counts), another area's id (left out), and an own service in use whose usage
     * and volume are out of range (those values left out).
     */
    private static void flawedRows(Schema schema, TemplateLayout layout, XSSFSheet sh, List<Integer> slots,
            Map<String, Integer> catalogueRow, Random rnd) {
        String status = schema.statuses().get(0).label().get(layout.lang());
        List<String> ids = new ArrayList<>(catalogueRow.keySet());
        int again = slots.remove(0);
        put(sh, again, layout.columnIndex("id"), ids.get(rnd.nextInt(ids.size())));
        put(sh, again, layout.columnIndex("status"), schema.statuses().get(rnd.nextInt(3)).label().get(layout.lang()));
        String area = schema.service(ids.get(0)).orElseThrow().area();
        String other = schema.catalogue().stream().filter(c -> !c.area().equals(area)).findFirst().orElseThrow().id();
        int wrong = slots.remove(0);
        put(sh, wrong, layout.columnIndex("id"), other);
        put(sh, wrong, layout.columnIndex("status"), status);
        int bad = slots.remove(0);
        put(sh, bad, layout.columnIndex("service"), "Virheellinen oma palvelu");
        put(sh, bad, layout.columnIndex("status"), status);
        put(sh, bad, layout.columnIndex("stage.NEU"), schema.stageLevels().get(1).label().get(layout.lang()));
        number(sh, bad, layout.columnIndex("usage"), 150.0);
        number(sh, bad, layout.columnIndex("volume"), -5.0);
        number(sh, bad, layout.columnIndex("save.total"), 10.0);
        number(sh, bad, layout.columnIndex("hourly"), 40.0);
    }

    private static void write(Schema schema, TemplateLayout layout, XSSFSheet sh, int r, ServiceRow row, Random rnd) {
        if (row.id() == null) {
            put(sh, r, layout.columnIndex("service"), row.name());
        }
        if (row.status() != null) {
            put(sh, r, layout.columnIndex("status"), label(schema.statuses().stream()
                    .filter(s -> s.code().equals(row.status().name())).findFirst().orElseThrow().label(), layout, rnd));
        }
        row.stages().forEach((stage, level) -> put(sh, r, layout.columnIndex("stage." + stage),
                label(schema.stageLevels().stream().filter(s -> s.code().equals(level.name())).findFirst()
                        .orElseThrow().label(), layout, rnd)));
        number(sh, r, layout.columnIndex("usage"), row.usage() == null ? null : row.usage() * 100);
        number(sh, r, layout.columnIndex("hourly"), row.hourly());
        number(sh, r, layout.columnIndex("volume"), row.volume());
        number(sh, r, layout.columnIndex("cost"), row.cost());
        row.savings().forEach((stage, v) -> number(sh, r, layout.columnIndex("save." + stage), v));
        number(sh, r, layout.columnIndex("save.total"), row.savingTotal());
        number(sh, r, layout.columnIndex("target"), row.target());
    }

    /** A label in the workbook's language, or now and then in the other one or in other letter case. */
    private static String label(Localized l, TemplateLayout layout, Random rnd) {
        String s = rnd.nextInt(4) == 0 ? l.get(layout.lang() == Lang.FI ? Lang.SV : Lang.FI) : l.get(layout.lang());
        return switch (rnd.nextInt(6)) {
            case 0 -> s.toLowerCase(Locale.ROOT);
            case 1 -> " " + s + " ";
            default -> s;
        };
    }

    private static void number(XSSFSheet sh, int r, int col, Double v) {
        if (v != null && col >= 0) {
            put(sh, r, col, v);
        }
    }

    private static void put(XSSFSheet sh, int r, int col, Object v) {
        if (col < 0) {
            return;
        }
        Row row = sh.getRow(r) != null ? sh.getRow(r) : sh.createRow(r);
        Cell c = row.getCell(col) != null ? row.getCell(col) : row.createCell(col);
        if (v instanceof Double d) {
            c.setCellValue(d);
        } else {
            c.setCellValue((String) v);
        }
    }

    /** A return of random answers: statuses (some blank), stages, usage, savings, own services. */
    static AssessmentReturn randomReturn(Schema schema, Municipality m, Random rnd) {
        List<AreaReturn> areas = new ArrayList<>();
        for (String area : schema.areaCodes()) {
            List<ServiceRow> rows = new ArrayList<>();
            for (Schema.CatalogueService s : schema.servicesOf(area)) {
                rows.add(randomRow(schema, s.id(), s.name().fi(), rnd));
            }
            for (int i = rnd.nextInt(12); i > 0; i--) {
                rows.add(randomRow(schema, null, "Oma palvelu " + area + " " + i, rnd));
            }
            areas.add(new AreaReturn(area, area, rows));
        }
        Double hourly = rnd.nextBoolean() ? 30 + rnd.nextInt(40) + 0.5 : null;
        return new AssessmentReturn(schema.schemaVersion(), new Identification(m.nameFi(), m.code(), null, null,
                LocalDate.of(2026, 1, 1 + rnd.nextInt(28)), "1", hourly), areas);
    }

    private static ServiceRow randomRow(Schema schema, String id, String name, Random rnd) {
        Status[] st = Status.values();
        Status status = rnd.nextInt(5) == 0 ? null : st[rnd.nextInt(st.length)];
        Map<String, StageLevel> stages = new HashMap<>();
        StageLevel[] levels = StageLevel.values();
        for (String s : schema.stages()) {
            if (rnd.nextInt(4) > 0) {
                stages.put(s, levels[rnd.nextInt(levels.length)]);
            }
        }
        Double usage = rnd.nextInt(3) > 0 ? (double) rnd.nextInt(101) / 100 : null;
        Map<String, Double> savings = new HashMap<>();
        Double total = null;
        if (rnd.nextBoolean()) {
            for (String s : schema.savingStages()) {
                if (rnd.nextBoolean()) {
                    savings.put(s, (double) rnd.nextInt(30));
                }
            }
            total = rnd.nextBoolean() ? (double) rnd.nextInt(60) : null;
        }
        Double volume = rnd.nextInt(3) > 0 ? (double) rnd.nextInt(50000) : null;
        Double cost = rnd.nextBoolean() ? (double) rnd.nextInt(20000) : null;
        Double hourly = rnd.nextInt(3) == 0 ? 25 + rnd.nextInt(50) + 0.25 : null;
        Double target = rnd.nextBoolean() ? (double) rnd.nextInt(9000) : null;
        return new ServiceRow(0, id, id, name, status, stages, usage, hourly, volume, cost, savings, total, target,
                null, null);
    }

    /**
     * Moves the first {@code n} columns of an area tab to a random order, header and every row, values,
     * formulas and styles, as cutting and inserting columns leaves them; inserts a column of the
     * municipality's own (a header no schema label, numbers below) at a random place and hides one
     * column; every fourth header is retyped in capitals with doubled spaces, a line break and a
     * trailing " *", which the reader still matches. Formulas' column letters follow their columns, as the spreadsheet would adjust them.
     */
    static List<Integer> moveColumns(XSSFSheet sh, int n, Random rnd) {
        List<Integer> to = new ArrayList<>();
        for (int c = 0; c <= n; c++) {
            to.add(c);
        }
        Collections.shuffle(to, rnd);
        int extra = to.remove(to.size() - 1);
        Map<String, String> letters = new HashMap<>();
        for (int c = 0; c < n; c++) {
            letters.put(CellReference.convertNumToColString(c), CellReference.convertNumToColString(to.get(c)));
        }
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = sh.getColumnWidth(c);
        }
        for (int r = TemplateLayout.HEADER_ROW; r <= sh.getLastRowNum(); r++) {
            Row row = sh.getRow(r);
            if (row == null) {
                continue;
            }
            List<Cell> old = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int c = 0; c <= n; c++) {
                Cell cell = row.getCell(c);
                old.add(cell);
                values.add(cell == null ? null : switch (cell.getCellType()) {
                    case STRING -> cell.getStringCellValue();
                    case NUMERIC -> cell.getNumericCellValue();
                    case FORMULA -> new StringBuilder(moved(cell.getCellFormula(), letters));
                    default -> null;
                });
            }
            List<org.apache.poi.ss.usermodel.CellStyle> styles = old.stream().map(c -> c == null ? null
                    : c.getCellStyle()).toList();
            for (int c = 0; c <= n; c++) {
                if (row.getCell(c) != null) {
                    row.removeCell(row.getCell(c));
                }
            }
            for (int c = 0; c < n; c++) {
                if (styles.get(c) == null) {
                    continue;
                }
                Cell cell = row.createCell(to.get(c));
                cell.setCellStyle(styles.get(c));
                if (values.get(c) instanceof String t && r == TemplateLayout.HEADER_ROW && c % 4 == 1) {
                    // A header as people retype it: other case, spaces doubled, a line break, a "required" mark.
                    // The second one (a stage column) ends in a no-break space before its mark, as pasted from a web page.
                    cell.setCellValue(" " + t.toUpperCase(Locale.ROOT).replace(" ", "  ").replaceFirst("  ", "\n")
                            + (c == 5 ? "\u00a0*" : " *"));
                } else if (values.get(c) instanceof String t) {
                    cell.setCellValue(t);
                } else if (values.get(c) instanceof Double d) {
                    cell.setCellValue(d);
                } else if (values.get(c) instanceof StringBuilder f) {
                    cell.setCellFormula(f.toString());
                }
            }
            Cell own = row.createCell(extra);
            if (r == TemplateLayout.HEADER_ROW) {
                own.setCellValue("Oma lisätieto");
            } else if (rnd.nextInt(3) == 0) {
                own.setCellValue(rnd.nextInt(1000));
            }
        }
        for (int c = 0; c < n; c++) {
            sh.setColumnWidth(to.get(c), widths[c]);
        }
        sh.setColumnHidden(to.get(rnd.nextInt(n)), true);
        return to;
    }

    /** A column the summary's figures read that the reader does not require (a missing required one rejects). */
    private static String optional(Schema schema, TemplateLayout layout, Random rnd) {
        List<String> keys = schema.columns().stream().filter(c -> !c.required())
                .map(Schema.Column::key).filter(k -> List.of("hourly", "volume", "cost", "save.total", "target")
                        .contains(k) && layout.columnIndex(k) >= 0).toList();
        return keys.get(rnd.nextInt(keys.size()));
    }

    /** Clears a column, header and every row: neither the reader nor the summary finds it, as if deleted. */
    private static void removeColumn(XSSFSheet sh, int col) {
        for (int r = TemplateLayout.HEADER_ROW; r <= sh.getLastRowNum(); r++) {
            Row row = sh.getRow(r);
            if (row != null && row.getCell(col) != null) {
                row.removeCell(row.getCell(col));
            }
        }
    }

    /** A1 references and ranges, with the sheet they point into when they name one. */
    private static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile(
            "((?:'(?:[^']|'')*'|[\\w.]+)!)?(\\$?)\\b([A-Z]{1,2})(\\$?\\d+)\\b(?::(\\$?)([A-Z]{1,2})(\\$?\\d+)\\b)?");

    /**
     * A formula with each column letter of an A1 reference on its own sheet replaced by its column's
     * new letter; a reference (or range) after a sheet name and '!' points into another sheet, whose
     * columns stayed.
     */
    static String moved(String formula, Map<String, String> letters) {
        java.util.regex.Matcher m = REF.matcher(formula);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1) != null ? m.group()
                    : m.group(2) + letters.getOrDefault(m.group(3), m.group(3)) + m.group(4) + (m.group(6) == null ? ""
                            : ":" + m.group(5) + letters.getOrDefault(m.group(6), m.group(6)) + m.group(7));
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(ref));
        }
        return m.appendTail(b).toString();
    }
}
