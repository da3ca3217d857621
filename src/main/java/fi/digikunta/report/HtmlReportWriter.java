package fi.digikunta.report;

import fi.digikunta.model.Outcome;
import fi.digikunta.model.RunFailure;
import fi.digikunta.schema.Lang;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * Renders the HTML report (report.html and municipalities/CODE.html) with Freemarker. The templates
 * are those of reports-templates/, carried in the jar; a templates folder in {@link ReportOptions}
 * overrides any of them by name. Report texts come from the ReportMessages bundle of the language.
 */
final class HtmlReportWriter {
    static final String TEMPLATE_PACKAGE = "/fi/digikunta/report/templates";
    static final String NATIONAL = "national.ftlh";
    static final String MUNICIPALITY = "municipality.ftlh";

    private final Configuration cfg;
    private final Map<String, String> texts;
    private final Map<Lang, Map<String, String>> textsByLang = new java.util.EnumMap<>(Lang.class);

    HtmlReportWriter(ReportOptions options) {
        this.cfg = configuration(options);
        this.texts = texts(options.lang());
        for (Lang l : Lang.values()) {
            textsByLang.put(l, texts(l));
        }
    }

    /** One Configuration with the manual's recommended settings, locked down for untrusted data. */
    static Configuration configuration(ReportOptions options) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setObjectWrapper(new RecordWrapper(Configuration.VERSION_2_3_34));
        TemplateLoader builtIn = new ClassTemplateLoader(HtmlReportWriter.class, TEMPLATE_PACKAGE);
        Path dir = options.templatesDir();
        if (dir == null) {
            c.setTemplateLoader(builtIn);
        } else {
            if (!Files.isDirectory(dir)) {
                throw new RunFailure("mallikansiota ei ole / templates folder does not exist: " + dir);
            }
            try {
                c.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(dir.toFile()),
                        builtIn}));
            } catch (IOException e) {
                throw new RunFailure("mallikansiota ei voi lukea / cannot read templates folder: " + dir, e);
            }
        }
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(options.lang().locale());
        c.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        // Numbers reach SVG attributes and CSS: never locale-formatted. Display numbers come as text.
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setRecognizeStandardFileExtensions(true);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setLocalizedLookup(false);
        return c;
    }

    /** The report's texts ({@code t} in the templates); {@code outcome_<id>} is the outcome's one wording. */
    static Map<String, String> texts(Lang lang) {
        ResourceBundle b = ResourceBundle.getBundle("fi.digikunta.report.ReportMessages", lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> m = new TreeMap<>();
        for (Enumeration<String> e = b.getKeys(); e.hasMoreElements();) {
            String k = e.nextElement();
            m.put(k, b.getString(k));
        }
        for (Outcome o : Outcome.values()) {
            m.put("outcome_" + o.id(), o.text().get(lang));
        }
        return Collections.unmodifiableMap(m);
    }

    Map<String, String> texts() {
        return texts;
    }

    /** The texts of a municipality's page, which may be in another language than the report. */
    Map<String, String> pageTexts(Lang lang) {
        return textsByLang.get(lang);
    }

    byte[] render(String templateName, Object model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        render(templateName, model, null, bytes);
        return bytes.toByteArray();
    }

    /** Streams the page to {@code out} (flushed, not closed), so that no page is ever held whole in memory. */
    void render(String templateName, Object model, OutputStream out) {
        render(templateName, model, null, out);
    }

    /**
     * Streams the page with {@code finlandMap} (the page's maps, or null) as the global variable of that
     * name: beside the page model rather than in it, so the maps' include works on any page model.
     */
    void render(String templateName, Object model, Object finlandMap, OutputStream out) {
        render(templateName, model, finlandMap, null, out);
    }

    /** As above, with {@code trend} (the page's trend section, or null: a run of one round) as a global too. */
    void render(String templateName, Object model, Object finlandMap, Object trend, OutputStream out) {
        try {
            Template tpl = cfg.getTemplate(templateName);
            Writer w = new Utf8Writer(out);
            Environment env = tpl.createProcessingEnvironment(model, w);
            if (finlandMap != null) {
                env.setGlobalVariable("finlandMap", cfg.getObjectWrapper().wrap(finlandMap));
            }
            if (trend != null) {
                env.setGlobalVariable("trend", cfg.getObjectWrapper().wrap(trend));
            }
            env.process();
            w.flush();
        } catch (TemplateException | IOException e) {
            throw new RunFailure("raporttimallin virhe / report template error (" + templateName + "): "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
