package fi.digikunta.report;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.StringModel;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Freemarker's default object wrapper, with a faster look-up of a public record's components:
 * {@code s.name} calls the accessor through a method handle made once per record class, where
 * Freemarker's bean model calls {@code Method.invoke}, which under C1 asks the JVM for its caller
 * (a stack walk) on every call and makes a class per method (docs/performance.md, "Issue 16:
 * session 5"). The model is Freemarker's own (a {@link StringModel}, method-call aware, as for any
 * other object): only the reading of a component is replaced, so emptiness, built-ins, method calls
 * and keys are Freemarker's, and a template, also one given with --templates, sees the same values.
 */
final class RecordWrapper extends DefaultObjectWrapper {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private static final ClassValue<Map<String, MethodHandle>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return accessors(type);
        }
    };

    RecordWrapper(Version incompatibleImprovements) {
        super(new DefaultObjectWrapperBuilder(incompatibleImprovements), true);
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        Map<String, MethodHandle> accessors = COMPONENTS.get(obj.getClass());
        return accessors.isEmpty() ? super.handleUnknownType(obj) : new RecordModel(obj, this, accessors);
    }

    /**
     * The component accessors of a public record (nested in public classes only), else none. A
     * component named like a bean getter ({@code getX}, {@code isX}) is left to Freemarker, which
     * gives it its own meaning.
     */
    private static Map<String, MethodHandle> accessors(Class<?> type) {
        if (!type.isRecord() || !isPublic(type)) {
            return Map.of();
        }
        Map<String, MethodHandle> out = new HashMap<>();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (RecordComponent c : type.getRecordComponents()) {
                if (!c.getName().startsWith("get") && !c.getName().startsWith("is")) {
                    out.put(c.getName(), lookup.unreflect(c.getAccessor()).asType(GETTER));
                }
            }
        } catch (IllegalAccessException e) {
            return Map.of();
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
     * Freemarker's model of a record (what {@code GenericObjectModel} is), its components read by
     * handle.
     */
    static final class RecordModel extends StringModel implements MethodCallAwareTemplateHashModel {
        private final Map<String, MethodHandle> accessors;

        RecordModel(Object object, BeansWrapper wrapper, Map<String, MethodHandle> accessors) {
            super(object, wrapper);
            this.accessors = accessors;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle h = accessors.get(key);
            if (h == null) {
                return super.get(key);
            }
            Object value;
            try {
                value = (Object) h.invokeExact(object);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                // As the bean model reports a failing getter.
                throw new TemplateModelException("An error has occurred when reading existing sub-variable \""
                        + key + "\"; see cause exception! The type of the containing value was: "
                        + object.getClass().getName(), e);
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
