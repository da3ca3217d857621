package fi.digikunta.report;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.StringModel;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Freemarker's default object wrapper, with a faster look-up of a public record's components:
 * {@code s.name} calls the accessor, found once per record class and made accessible, straight
 * away. Freemarker's bean model looks the name up in its introspection maps on every read and calls
 * {@code Method.invoke} on an inaccessible method, which under C1 asks the JVM for its caller (a
 * stack walk) every time (docs/performance.md, "Issue 16: session 5"). The model stays Freemarker's
 * own (a {@link StringModel}, method-call aware, as for any other object): only the reading of a
 * component is replaced, so emptiness, built-ins, method calls and keys are Freemarker's, and a
 * template, also one given with --templates, sees the same values.
 */
final class RecordWrapper extends DefaultObjectWrapper {
    private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return accessors(type);
        }
    };

    /**
     * The components of a public record that implements no interface, else none: for such a record
     * every test {@link DefaultObjectWrapper#wrap} makes before {@link #handleUnknownType} fails, so
     * {@link #wrap} goes there at once. Those tests ask for interfaces, which C1's code answers by
     * scanning the class's list of interfaces each time (a page wraps about 600 records).
     */
    private static final ClassValue<Map<String, Method>> DIRECT = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return type.getInterfaces().length == 0 ? COMPONENTS.get(type) : Map.of();
        }
    };

    RecordWrapper(Version incompatibleImprovements) {
        super(new DefaultObjectWrapperBuilder(incompatibleImprovements), true);
    }

    /** As Freemarker's, with the two most common cases first: a string, and a record as above. */
    @Override
    public TemplateModel wrap(Object obj) throws TemplateModelException {
        if (obj != null) {
            Class<?> type = obj.getClass();
            if (type == String.class) {
                return new SimpleScalar((String) obj);
            }
            Map<String, Method> accessors = DIRECT.get(type);
            if (!accessors.isEmpty()) {
                return new RecordModel(obj, this, accessors);
            }
        }
        return super.wrap(obj);
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        Map<String, Method> accessors = COMPONENTS.get(obj.getClass());
        return accessors.isEmpty() ? super.handleUnknownType(obj) : new RecordModel(obj, this, accessors);
    }

    /**
     * The component accessors of a public record (nested in public classes only), else none. A
     * component named like a bean getter ({@code getX}, {@code isX}) is left to Freemarker, which
     * gives it its own meaning.
     */
    private static Map<String, Method> accessors(Class<?> type) {
        if (!type.isRecord() || !isPublic(type)) {
            return Map.of();
        }
        Map<String, Method> out = new HashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Method m = c.getAccessor();
            // Accessible: Method.invoke then skips asking the JVM for its caller on every call.
            if (!c.getName().startsWith("get") && !c.getName().startsWith("is") && m.trySetAccessible()) {
                out.put(c.getName(), m);
            }
        }
        return Map.copyOf(out);
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Freemarker's model of a record (what {@code GenericObjectModel} is), its components read
     * directly.
     */
    static final class RecordModel extends StringModel implements MethodCallAwareTemplateHashModel {
        private final Map<String, Method> accessors;

        RecordModel(Object object, BeansWrapper wrapper, Map<String, Method> accessors) {
            super(object, wrapper);
            this.accessors = accessors;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            Method m = accessors.get(key);
            if (m == null) {
                return super.get(key);
            }
            Object value;
            try {
                value = m.invoke(object);
            } catch (IllegalAccessException | InvocationTargetException e) {
                Throwable cause = e instanceof InvocationTargetException t ? t.getCause() : e;
                if (cause instanceof Error err) {
                    throw err;
                }
                // As the bean model reports a failing getter.
                throw new TemplateModelException("An error has occurred when reading existing sub-variable \""
                        + key + "\"; see cause exception! The type of the containing value was: "
                        + object.getClass().getName(), cause);
            }
            return wrap(value);
        }

        @Override
        public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException,
                ShouldNotBeGetAsMethodException {
            return super.getBeforeMethodCall(key);
        }
    }
}
