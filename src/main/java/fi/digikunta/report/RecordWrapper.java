package fi.digikunta.report;

import freemarker.template.AdapterTemplateModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelWithAPISupport;
import freemarker.template.TemplateScalarModel;
import freemarker.template.Version;
import freemarker.ext.util.WrapperTemplateModel;
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
 * (a stack walk) on every call: about half of the time spent in the templates of the 308 pages of a
 * run (docs/performance.md). Everything else (method calls, built-ins, keys, other types, records
 * that are not public) is Freemarker's own model, made on first need, so a template, also one given
 * with --templates, sees the same values.
 */
final class RecordWrapper extends DefaultObjectWrapper {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private final ClassValue<Map<String, MethodHandle>> components = new ClassValue<>() {
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
        Map<String, MethodHandle> accessors = components.get(obj.getClass());
        return accessors.isEmpty() ? super.handleUnknownType(obj) : new RecordModel(obj, accessors);
    }

    /** Freemarker's model of {@code obj}, for what the fast path does not cover. */
    private TemplateModel standardModel(Object obj) throws TemplateModelException {
        return super.handleUnknownType(obj);
    }

    /** The component accessors of a public record (nested in public classes only), else none. */
    private static Map<String, MethodHandle> accessors(Class<?> type) {
        if (!type.isRecord() || !isPublic(type)) {
            return Map.of();
        }
        Map<String, MethodHandle> out = new HashMap<>();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (RecordComponent c : type.getRecordComponents()) {
                out.put(c.getName(), lookup.unreflect(c.getAccessor()).asType(GETTER));
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

    /** A record: its components by handle, the rest through Freemarker's model of it. */
    private final class RecordModel implements TemplateHashModelEx, MethodCallAwareTemplateHashModel,
            TemplateScalarModel, AdapterTemplateModel, WrapperTemplateModel, TemplateModelWithAPISupport {
        private final Object object;
        private final Map<String, MethodHandle> accessors;
        private GenericModel standard;

        RecordModel(Object object, Map<String, MethodHandle> accessors) {
            this.object = object;
            this.accessors = accessors;
        }

        private GenericModel standard() throws TemplateModelException {
            if (standard == null) {
                standard = new GenericModel(standardModel(object));
            }
            return standard;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle h = accessors.get(key);
            if (h == null) {
                return standard().hash().get(key);
            }
            Object value;
            try {
                value = (Object) h.invokeExact(object);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new TemplateModelException(e);
            }
            return wrap(value);
        }

        @Override
        public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException,
                ShouldNotBeGetAsMethodException {
            return standard().methodCallAware().getBeforeMethodCall(key);
        }

        @Override
        public boolean isEmpty() throws TemplateModelException {
            return standard().hash().isEmpty();
        }

        @Override
        public int size() throws TemplateModelException {
            return standard().hash().size();
        }

        @Override
        public TemplateCollectionModel keys() throws TemplateModelException {
            return standard().hash().keys();
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            return standard().hash().values();
        }

        @Override
        public String getAsString() throws TemplateModelException {
            return ((TemplateScalarModel) standard().model()).getAsString();
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return object;
        }

        @Override
        public Object getWrappedObject() {
            return object;
        }

        @Override
        public TemplateModel getAPI() throws TemplateModelException {
            return ((TemplateModelWithAPISupport) standard().model()).getAPI();
        }
    }

    /** Freemarker's own model of a record (a bean model: a hash, method-call aware, a scalar). */
    private record GenericModel(TemplateModel model) {
        TemplateHashModelEx hash() {
            return (TemplateHashModelEx) model;
        }

        MethodCallAwareTemplateHashModel methodCallAware() {
            return (MethodCallAwareTemplateHashModel) model;
        }
    }
}
