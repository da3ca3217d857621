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
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Freemarker's default object wrapper, with a faster look-up of a public record's components:
 * {@code s.name} reads the component, found once per record class and made accessible, straight
 * away. Freemarker's bean model looks the name up in its introspection maps on every read and calls
 * {@code Method.invoke} on an inaccessible method, which under C1 asks the JVM for its caller (a
 * stack walk) every time (docs/performance.md, "Issue 16: session 5"). The model stays Freemarker's
 * own (a {@link StringModel}, method-call aware, as for any other object): only the reading of a
 * component is replaced, so emptiness, built-ins, method calls and keys are Freemarker's, and a
 * template, also one given with --templates, sees the same values.
 *
 * <p>A record of our own code (package {@code fi.digikunta}, from the jar or folder this class came
 * from) is read through its fields: each of its accessors returns its field and nothing else
 * ({@code RecordAccessorsTest} checks their bytecode), and JDK 17 reads a field through
 * {@code Unsafe}, whereas {@code Method.invoke} generates and loads a class for each accessor after
 * a few calls (about 120 in the first pages of a run). Any other record, whose accessors may compute
 * (one of the tests', or of a library shaded into the same jar), is read through its accessors.
 */
final class RecordWrapper extends DefaultObjectWrapper {
    private static final ClassValue<Map<String, Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Component> computeValue(Class<?> type) {
            return components(type);
        }
    };

    /** Where our classes come from: our records are read through their fields. */
    private static final CodeSource OURS = RecordWrapper.class.getProtectionDomain().getCodeSource();
    /** Our package; the jar also holds the libraries, whose records RecordAccessorsTest does not check. */
    private static final String OUR_PACKAGE = "fi.digikunta.";

    /**
     * The components of a public record that implements no interface, else none: for such a record
     * every test {@link DefaultObjectWrapper#wrap} makes before {@link #handleUnknownType} fails, so
     * {@link #wrap} goes there at once. Those tests ask for interfaces, which C1's code answers by
     * scanning the class's list of interfaces each time (a page wraps about 600 records).
     */
    private static final ClassValue<Map<String, Component>> DIRECT = new ClassValue<>() {
        @Override
        protected Map<String, Component> computeValue(Class<?> type) {
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
            Map<String, Component> components = DIRECT.get(type);
            if (!components.isEmpty()) {
                return new RecordModel(obj, this, components);
            }
        }
        return super.wrap(obj);
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        Map<String, Component> components = COMPONENTS.get(obj.getClass());
        return components.isEmpty() ? super.handleUnknownType(obj) : new RecordModel(obj, this, components);
    }

    /** How one component of a record is read. */
    @FunctionalInterface
    private interface Component {
        Object read(Object record) throws ReflectiveOperationException;
    }

    /**
     * The components of a public record (nested in public classes only), else none. A component
     * named like a bean getter ({@code getX}, {@code isX}) is left to Freemarker, which gives it its
     * own meaning.
     */
    private static Map<String, Component> components(Class<?> type) {
        if (!type.isRecord() || !isPublic(type)) {
            return Map.of();
        }
        boolean ours = throughFields(type);
        Map<String, Component> out = new HashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().startsWith("get") || c.getName().startsWith("is")) {
                continue;
            }
            Method m = c.getAccessor();
            Field f = ours ? field(type, c.getName()) : null;
            if (f != null && f.trySetAccessible()) {
                out.put(c.getName(), f::get);
            } else if (m.trySetAccessible()) {
                // Accessible: Method.invoke then skips asking the JVM for its caller on every call.
                out.put(c.getName(), r -> m.invoke(r));
            }
        }
        return Map.copyOf(out);
    }

    /** Whether a record is ours, and so read through its fields. */
    static boolean throughFields(Class<?> type) {
        return type.getName().startsWith(OUR_PACKAGE) && OURS != null
                && OURS.equals(type.getProtectionDomain().getCodeSource());
    }

    /** A record's field of a component (javac always makes one; null if a class has none). */
    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
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
        private final Map<String, Component> components;

        RecordModel(Object object, BeansWrapper wrapper, Map<String, Component> components) {
            super(object, wrapper);
            this.components = components;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            Component c = components.get(key);
            if (c == null) {
                return super.get(key);
            }
            Object value;
            try {
                value = c.read(object);
            } catch (ReflectiveOperationException e) {
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
