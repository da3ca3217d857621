package fi.digikunta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModelException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record fast path gives what Freemarker's own wrapper gives, for every way a template may use a record. */
public class RecordWrapperTest {
    public record Cell(String css, Integer n, boolean on, List<String> tags) {
        public String shout(String s) {
            return s.toUpperCase(java.util.Locale.ROOT) + css;
        }

        public String extra() {
            return "x" + n;
        }

        public String bad() {
            throw new IllegalStateException("no");
        }
    }

    public record Bean(String getName, boolean isOn, String plain) {
    }

    public record Boom(String v) {
        @Override
        public String v() {
            throw new IllegalStateException("boom");
        }
    }

    record Hidden(String css) {
    }

    /** A record with an interface: wrapped the long way, through Freemarker's own tests. */
    public record Items(String name, List<String> items) implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return items.iterator();
        }
    }

    /** A record that is a template model itself: Freemarker uses it as it is. */
    public record Scalar(String v) implements freemarker.template.TemplateScalarModel {
        @Override
        public String getAsString() {
            return "scalar:" + v;
        }
    }

    public record Page(String title, List<Cell> cells, Hidden hidden, Map<String, String> t, Bean bean, Items items,
            Scalar scalar) {
    }

    private static final String TEMPLATE = """
            ${p.title}|<#list p.cells as c>${c.css}:${c.n!"none"}:${c.on?c}:${c.tags?size}:${c.shout("a")}:\
            ${c.extra}:${c.extra()}:${c.css()}<#if c.n??>+</#if><#if c.tags?has_content>t</#if>;</#list>\
            |${(p.hidden.css)!"hidden"}|${p.t.k}|${p.cells[0]?is_hash?c}|${p.cells[0].missing!"m"}\
            |<#list p.cells[0]?keys?sort as k>${k},</#list>|${p.cells[0]?has_content?c}|${p.cells[0]?is_string?c}\
            |${p.cells[0]?is_method?c}|${p.cells[0]?size}|${p.cells[0]}\
            |<#attempt><#list p.cells[0] as k, v>${k}<#sep>,</#list><#recover>unlisted</#attempt>\
            |<#attempt>${p.cells[0].bad}<#recover>recovered</#attempt>\
            |<#attempt>${p.cells[0].bad()}<#recover>again</#attempt>\
            |${p.bean.plain}|${p.bean.getName()}|${p.bean.isOn()?c}|${(p.bean.name)!"no name"}\
            |${p.items.name}|<#list p.items.items as i>${i}</#list>|${p.items?is_hash?c}|${p.items?is_sequence?c}|${p.scalar}""";

    private static String render(ObjectWrapper wrapper, Object page) throws Exception {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setObjectWrapper(wrapper);
        c.setBooleanFormat("c");
        Template t = new Template("t", new StringReader(TEMPLATE), c);
        StringWriter w = new StringWriter();
        t.process(Map.of("p", page), w);
        return w.toString();
    }

    @Test
    void rendersWhatTheDefaultWrapperRenders() throws Exception {
        Page page = new Page("Otsikko <&>", List.of(new Cell("st-2", 2, true, List.of("a")),
                new Cell("st-na", null, false, List.of())), new Hidden("h"), Map.of("k", "v"),
                new Bean("n", true, "p"), new Items("i", List.of("x", "y")), new Scalar("v"));
        String plain = render(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build(), page);
        String fast = render(new RecordWrapper(Configuration.VERSION_2_3_34), page);
        assertEquals(plain, fast);
        assertTrue(fast.contains("|recovered|again|p|n|true|"), fast);
        assertTrue(fast.endsWith("|i|xy|true|false|scalar:v"), fast);
        assertTrue(fast.startsWith("Otsikko <&>|st-2:2:true:1:Ast-2:x2:x2:st-2+t;st-na:none:false:0:Ast-na"), fast);
    }

    @Test
    void usesTheFastPathForPublicRecordsOnly() throws Exception {
        RecordWrapper w = new RecordWrapper(Configuration.VERSION_2_3_34);
        Cell cell = new Cell("c", 1, true, List.of());
        assertEquals("RecordModel", w.wrap(cell).getClass().getSimpleName());
        assertTrue(w.wrap(cell) instanceof freemarker.ext.beans.BeanModel, "Freemarker's own kind of model");
        assertEquals("GenericObjectModel", w.wrap(new Hidden("h")).getClass().getSimpleName());
        assertEquals("c", ((TemplateHashModel) w.wrap(cell)).get("css").toString());
        assertEquals("SimpleScalar", w.wrap("s").getClass().getSimpleName());
        assertEquals("RecordModel", w.wrap(new Items("i", List.of())).getClass().getSimpleName(),
                "through handleUnknownType, as before");
    }

    /** A record of the main code is read through its fields, to the same text; the tests' records are not. */
    @Test
    void mainRecordsAreReadThroughTheirFieldsToTheSameValues() throws Exception {
        assertTrue(RecordWrapper.throughFields(JsonReportWriter.Reason.class));
        assertFalse(RecordWrapper.throughFields(Boom.class), "a record of the tests: its accessor may compute");
        assertFalse(RecordWrapper.throughFields(Cell.class));
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        Template t = new Template("t", new StringReader("${r.code}|${r.fi}|${r.sv!\"none\"}|${r.en}"), c);
        JsonReportWriter.Reason reason = new JsonReportWriter.Reason("round-unknown", "ei <kierrosta>", null, "no round");
        String[] out = new String[2];
        ObjectWrapper[] wrappers = {new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build(),
            new RecordWrapper(Configuration.VERSION_2_3_34)};
        for (int i = 0; i < 2; i++) {
            c.setObjectWrapper(wrappers[i]);
            StringWriter w = new StringWriter();
            t.process(Map.of("r", reason), w);
            out[i] = w.toString();
        }
        assertEquals("round-unknown|ei <kierrosta>|none|no round", out[1]);
        assertEquals(out[0], out[1]);
    }

    @Test
    void aFailingAccessorIsTheTemplatesErrorWithItsCause() {
        RecordWrapper w = new RecordWrapper(Configuration.VERSION_2_3_34);
        TemplateModelException e = assertThrows(TemplateModelException.class,
                () -> ((TemplateHashModel) w.wrap(new Boom("x"))).get("v"));
        assertEquals("boom", e.getCause().getMessage());
        assertTrue(e.getMessage().contains("\"v\""), e.getMessage());
    }
}
