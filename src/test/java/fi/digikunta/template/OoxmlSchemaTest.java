package fi.digikunta.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.schema.Lang;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.xmlbeans.SchemaType;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.ChartSpaceDocument;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.WsDrDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;

/**
 * The template's XML parts are valid against the full OOXML schemas (poi-ooxml-full, test scope),
 * as a stand-in for Excel's repair check, which cannot run here: the workbook, every sheet, the
 * drawing and both charts, of every form version in Finnish and Swedish.
 */
class OoxmlSchemaTest {
    @Test
    void everyWorkbookSheetDrawingAndChartPartIsSchemaValid() throws Exception {
        SchemaRegistry registry = SchemaRegistry.load();
        for (String version : SchemaRegistry.VERSIONS) {
            Schema schema = registry.version(version).orElseThrow();
            for (Lang lang : List.of(Lang.FI, Lang.SV)) {
                Map<String, byte[]> parts = parts(new TemplateWriter(schema).write(
                        TemplateLayout.standard(schema, lang), TemplateWriterTest.T));
                List<String> checked = new ArrayList<>();
                for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                    if (p.getKey().matches("xl/(workbook|worksheets/sheet\\d+|drawings/drawing\\d+|charts/chart\\d+)"
                            + "\\.xml")) {
                        assertEquals(List.of(), errors(p.getKey(), p.getValue()), "v" + schema.schemaVersion() + " " + lang + " "
                                + p.getKey());
                        checked.add(p.getKey());
                    }
                }
                assertTrue(checked.contains("xl/workbook.xml") && checked.contains("xl/drawings/drawing1.xml")
                        && checked.stream().filter(n -> n.startsWith("xl/charts/")).count() == 2
                        && checked.stream().filter(n -> n.startsWith("xl/worksheets/")).count() == 8, "" + checked);
            }
        }
    }

    /** The check finds what Excel would repair: a sheet whose elements stand out of order. */
    @Test
    void aSheetWithElementsOutOfOrderIsInvalid() throws Exception {
        byte[] sheet = parts(new TemplateWriter(SchemaRegistry.load().latest()).write(Lang.FI, TemplateWriterTest.T))
                .get("xl/worksheets/sheet2.xml");
        String xml = new String(sheet, StandardCharsets.UTF_8);
        // sheetData must come after cols: move the columns to the end of the worksheet.
        String cols = xml.replaceAll("(?s).*(<cols>.*?</cols>).*", "$1");
        String swapped = xml.replace(cols, "").replace("</worksheet>", cols + "</worksheet>");
        assertFalse(errors("xl/worksheets/sheet2.xml", swapped.getBytes(StandardCharsets.UTF_8)).isEmpty(), "out of order must be invalid");
    }

    /** Schema errors of one part, parsed as the document type its name says. */
    private static List<String> errors(String name, byte[] xml) throws Exception {
        SchemaType type = name.startsWith("xl/worksheets/") ? WorksheetDocument.type
                : name.startsWith("xl/drawings/") ? WsDrDocument.type
                : name.startsWith("xl/charts/") ? ChartSpaceDocument.type : WorkbookDocument.type;
        // Parsed by the OOXML type system itself, so that a strict wildcard (the c:chart inside a
        // drawing's graphicData) finds its element there rather than in the context's loader.
        XmlObject doc = type.getTypeSystem().parse(new ByteArrayInputStream(xml), type, new XmlOptions()
                .setLoadLineNumbers());
        List<XmlError> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (!doc.validate(new XmlOptions().setErrorListener(found))) {
            found.forEach(e -> errors.add(e.getLine() + ": " + e.getMessage()));
            if (found.isEmpty()) {
                errors.add("invalid");
            }
        }
        return errors;
    }

    private static Map<String, byte[]> parts(byte[] xlsx) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                m.put(e.getName(), z.readAllBytes());
            }
        }
        return m;
    }
}
