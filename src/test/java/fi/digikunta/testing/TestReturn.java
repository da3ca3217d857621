package fi.digikunta.testing;

import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A returned workbook described as data, valid v1 by default, that a test breaks in one place and
 * writes with POI (XSSF or HSSF) or by hand ({@link HandWrittenXlsx}). Layout: summary tab with
 * the title on row 1 and the identification on rows 3..9 (label in A, value in B); area tabs with
 * the title on row 1, the header on row 3 and one row per catalogue service from row 4, columns in
 * schema order (A id, B service, C status, D..I stages, J usage, ...).
 */
public final class TestReturn {
    /** A number in a percent-formatted cell (0.55 shows as 55 %). */
    public record Pct(double fraction) {
    }

    /** A formula with its cached value (null: no cached value, as openpyxl writes). */
    public record Formula(String formula, Object cached) {
    }

    /** One area tab. */
    public static final class Area {
        public final String code;
        public String tab;
        public boolean present = true;
        public int headerRow = 3;
        public List<String> columns;
        public final Map<String, String> labelOverride = new LinkedHashMap<>();
        public final List<Map<String, Object>> rows = new ArrayList<>();

        Area(String code, String tab, List<String> columns) {
            this.code = code;
            this.tab = tab;
            this.columns = new ArrayList<>(columns);
        }

        public Map<String, Object> row(String id) {
            return rows.stream().filter(r -> id.equals(r.get("id"))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no row " + id));
        }
    }

    public static final Schema SCHEMA = SchemaRegistry.load().version("1").orElseThrow();

    public String summaryTab = "Yhteenveto";
    public boolean summaryPresent = true;
    public Lang labels = Lang.FI;
    public final Map<String, Object> id = new LinkedHashMap<>();
    public final Map<String, Area> areas = new LinkedHashMap<>();
    public final List<String> extraTabs = new ArrayList<>(List.of());
    public boolean instructions = true;
    /** Write the workbook in the 1904 date system (as old Mac Excel did). */
    public boolean date1904;
    /** Applied to the POI workbook after everything else is written (merged cells, hidden sheets...). */
    public java.util.function.Consumer<Workbook> poiHook;

    private TestReturn() {
    }

    /** A valid return of Helsinki (091) dated 14.3.2025 that validates as accepted with no findings. */
    public static TestReturn valid() {
        return valid("091", "Helsinki", LocalDate.of(2025, 3, 14));
    }

    public static TestReturn valid(String code, String name, LocalDate date) {
        TestReturn t = new TestReturn();
        t.id.put("name", name);
        t.id.put("code", code);
        t.id.put("contact", "Maija Meikäläinen");
        t.id.put("email", "maija@example.fi");
        t.id.put("date", date);
        t.id.put("version", "1");
        t.id.put("hourly", 45.0);
        List<String> cols = SCHEMA.columns().stream().map(Schema.Column::key).toList();
        for (Schema.Area a : SCHEMA.areas()) {
            Area area = new Area(a.code(), a.tab().fi(), cols);
            int i = 0;
            for (Schema.CatalogueService s : SCHEMA.servicesOf(a.code())) {
                area.rows.add(serviceRow(s, i++));
            }
            t.areas.put(a.code(), area);
        }
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("service", "Oma palvelu: sähköinen ilmoitus");
        own.put("status", "Käytössä");
        own.put("stage.NEU", "Digitaalinen");
        own.put("stage.HAK", "Digitaalinen");
        own.put("stage.KAS", "Sähköinen");
        own.put("usage", new Pct(0.1));
        t.areas.get("ASU").rows.add(own);
        return t;
    }

    private static Map<String, Object> serviceRow(Schema.CatalogueService s, int i) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", s.id());
        r.put("service", s.name().fi());
        String[] levels = {"Digitaalinen", "Sähköinen", "Manuaalinen", "Ei sovellu", "Digitaalinen", "Sähköinen"};
        switch (i % 4) {
            case 0 -> {
                r.put("status", "Käytössä");
                for (int k = 0; k < 6; k++) {
                    r.put("stage." + SCHEMA.stages().get(k), levels[(k + i) % 6]);
                }
                r.put("usage", new Pct(0.55));
                r.put("volume", 1200.0 + i);
                r.put("cost", 500.0);
                r.put("save.KAS", 10.0);
                r.put("save.PAA", 5.0);
                r.put("save.LAS", 2.5);
                r.put("save.ARK", 1.0);
                r.put("target", 1000.0);
                r.put("system", "Lupapiste");
            }
            case 1 -> {
                r.put("status", "Suunnitteilla");
                r.put("stage.NEU", "Sähköinen");
                r.put("stage.HAK", "Manuaalinen");
                r.put("volume", 300.0);
                r.put("save.total", 15.0);
                r.put("hourly", 52.5);
            }
            case 2 -> r.put("status", "Ei oteta käyttöön");
            default -> {
                r.put("status", "Käytössä");
                for (int k = 0; k < 6; k++) {
                    r.put("stage." + SCHEMA.stages().get(k), levels[(k + 2 * i) % 6]);
                }
                r.put("usage", new Pct(0.2));
                r.put("notes", "Huomio " + s.id());
            }
        }
        return r;
    }

    public Area area(String code) {
        return areas.get(code);
    }

    /** Sets (or, with null, clears) one value on the row of a catalogue service. */
    public TestReturn set(String area, String serviceId, String key, Object value) {
        Map<String, Object> r = areas.get(area).row(serviceId);
        if (value == null) {
            r.remove(key);
        } else {
            r.put(key, value);
        }
        return this;
    }

    /** Appends a row to an area tab (after the last row). */
    public TestReturn append(String area, Map<String, Object> row) {
        areas.get(area).rows.add(new LinkedHashMap<>(row));
        return this;
    }

    public TestReturn removeRow(String area, String serviceId) {
        areas.get(area).rows.remove(areas.get(area).row(serviceId));
        return this;
    }

    public TestReturn removeColumn(String area, String key) {
        areas.get(area).columns.remove(key);
        return this;
    }

    /** Swedish tab names, labels and values, as a Swedish-speaking municipality's workbook has them. */
    public TestReturn swedish() {
        labels = Lang.SV;
        summaryTab = "Sammandrag";
        Map<String, String> values = new LinkedHashMap<>();
        SCHEMA.statuses().forEach(c -> values.put(c.label().fi(), c.label().sv()));
        SCHEMA.stageLevels().forEach(c -> values.put(c.label().fi(), c.label().sv()));
        for (Area a : areas.values()) {
            a.tab = SCHEMA.area(a.code).orElseThrow().tab().sv();
            for (Map<String, Object> r : a.rows) {
                r.replaceAll((k, v) -> v instanceof String s && values.containsKey(s) ? values.get(s) : v);
            }
        }
        return this;
    }

    /** The label a writer puts in a header cell for a column key. */
    public String label(Area a, String key) {
        String o = a.labelOverride.get(key);
        if (o != null) {
            return o;
        }
        Schema.Column c = SCHEMA.column(key).orElseThrow();
        return labels == Lang.SV ? c.label().sv() : c.label().fi();
    }

    public String idLabel(String key) {
        Schema.IdKey k = SCHEMA.identification().keys().stream().filter(x -> x.key().equals(key)).findFirst()
                .orElseThrow();
        return labels == Lang.SV ? k.label().sv() : k.label().fi();
    }

    /** Identification keys in schema order, each with its 1-based row on the summary tab. */
    public Map<String, Integer> idRows() {
        Map<String, Integer> m = new LinkedHashMap<>();
        int row = 3;
        for (Schema.IdKey k : SCHEMA.identification().keys()) {
            m.put(k.key(), row++);
        }
        return m;
    }

    public byte[] toXlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            if (date1904) {
                var pr = wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr()
                        : wb.getCTWorkbook().addNewWorkbookPr();
                pr.setDate1904(true);
            }
            return write(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toXls() {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            return write(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(Workbook wb) throws IOException {
        CellStyle pct = wb.createCellStyle();
        pct.setDataFormat(wb.createDataFormat().getFormat("0%"));
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("d.m.yyyy"));
        if (instructions) {
            Sheet s = wb.createSheet("Ohje");
            s.createRow(0).createCell(0).setCellValue("Täytä lomake ja palauta se ministeriöön.");
        }
        if (summaryPresent) {
            Sheet s = wb.createSheet(summaryTab);
            s.createRow(0).createCell(0).setCellValue("Digitalisaatioasteen arviointi");
            for (Map.Entry<String, Integer> e : idRows().entrySet()) {
                if (!id.containsKey(e.getKey())) {
                    continue;
                }
                Row r = s.createRow(e.getValue() - 1);
                r.createCell(0).setCellValue(idLabel(e.getKey()));
                put(r, 1, id.get(e.getKey()), pct, date);
            }
        }
        for (Area a : areas.values()) {
            if (!a.present) {
                continue;
            }
            Sheet s = wb.createSheet(a.tab);
            s.createRow(0).createCell(0).setCellValue(SCHEMA.area(a.code).orElseThrow().tab().fi());
            Row h = s.createRow(a.headerRow - 1);
            for (int c = 0; c < a.columns.size(); c++) {
                h.createCell(c).setCellValue(label(a, a.columns.get(c)));
            }
            int rowIndex = a.headerRow;
            for (Map<String, Object> values : a.rows) {
                Row r = s.createRow(rowIndex++);
                for (int c = 0; c < a.columns.size(); c++) {
                    put(r, c, values.get(a.columns.get(c)), pct, date);
                }
            }
        }
        for (String x : extraTabs) {
            wb.createSheet(x).createRow(0).createCell(0).setCellValue("muistiinpanoja");
        }
        if (poiHook != null) {
            poiHook.accept(wb);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    private static void put(Row r, int col, Object v, CellStyle pct, CellStyle date) {
        if (v == null) {
            return;
        }
        Cell c = r.createCell(col);
        if (v instanceof String s) {
            c.setCellValue(s);
        } else if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else if (v instanceof Boolean b) {
            c.setCellValue(b);
        } else if (v instanceof Pct p) {
            c.setCellValue(p.fraction());
            c.setCellStyle(pct);
        } else if (v instanceof LocalDate d) {
            c.setCellValue(d);
            c.setCellStyle(date);
        } else if (v instanceof Formula f) {
            c.setCellFormula(f.formula());
            if (f.cached() instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else if (f.cached() instanceof String s) {
                c.setCellValue(s);
            }
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass());
        }
    }
}
