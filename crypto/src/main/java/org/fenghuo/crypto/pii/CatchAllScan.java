package org.fenghuo.crypto.pii;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fenghuo.crypto.pii.detect.PiiScanner;
import org.fenghuo.crypto.pii.detect.PiiSpan;
import org.fenghuo.events.SecurityEvent;

/**
 * The last pass of {@code protect}: every string of the event that the policy's rules left, in
 * any component (modelled keyword fields such as {@code tags}, {@code host.name},
 * {@code dns.answers.*}, {@code log.syslog.appname}), in labels, structured data and all of
 * {@code extra}, map keys included, is searched by every detector and each finding is masked.
 * Policy rules name the fields whose values must come back on reveal; this pass only makes sure
 * no detector finds plaintext anywhere in what is stored, whatever field a sender chose.
 *
 * <p>It walks the event's records generically (record components, cached per class), so a field
 * added to {@link SecurityEvent} later is covered without a change here. {@code event.id} (the
 * document id of the encryption context) and the protector's own {@code fenghuo.pii} output are
 * left alone. Masks are never found again, so values already protected pass unchanged. Not
 * thread-safe (the scanner keeps a work list).
 */
final class CatchAllScan {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private final PiiScanner scanner = PiiScanner.allKinds();
    private final PiiMetrics metrics;
    /** False during {@link #maskKeys}: only map keys are searched then. */
    private boolean values = true;
    /** Strings the protector wrote itself (sealed values, masks, fully scanned texts). */
    private Set<String> skip = Set.of();

    CatchAllScan(PiiMetrics metrics) {
        this.metrics = metrics;
    }

    SecurityEvent apply(SecurityEvent event) {
        return apply(event, Set.of());
    }

    /** As {@link #apply(SecurityEvent)}, leaving alone the strings in {@code skip} (by identity). */
    SecurityEvent apply(SecurityEvent event, Set<String> skip) {
        this.skip = skip;
        try {
            return (SecurityEvent) record(event);
        } finally {
            this.skip = Set.of();
        }
    }

    /**
     * The event with personal data in the keys of labels, structured data and {@code extra}
     * masked; run before the policy's rules, so a value sealed under such a key has the context
     * of the key as stored and opens again.
     */
    @SuppressWarnings("unchecked")
    SecurityEvent maskKeys(SecurityEvent event) {
        if (event.labels() == null && event.extra() == null
                && (event.log() == null || event.log().syslog() == null || event.log().syslog().structuredData() == null)) {
            return event;
        }
        values = false;
        try {
            Map<String, String> labels = event.labels() == null ? null : (Map<String, String>) map(event.labels(), false);
            Map<String, Object> extra = event.extra() == null ? null : (Map<String, Object>) map(event.extra(), true);
            SecurityEvent.Log log = event.log();
            if (log != null && log.syslog() != null && log.syslog().structuredData() != null) {
                log = (SecurityEvent.Log) record(log);
            }
            if (labels == event.labels() && extra == event.extra() && log == event.log()) {
                return event;
            }
            return event.toBuilder().labels(labels).extra(extra).log(log).build();
        } finally {
            values = true;
        }
    }

    private Object value(Object v) {
        if (v instanceof String s) {
            return values && (skip.isEmpty() || !skip.contains(s)) ? text(s) : s;
        }
        if (v instanceof Record r) {
            return record(r);
        }
        if (v instanceof List<?> l) {
            return list(l);
        }
        if (v instanceof Map<?, ?> m) {
            return map(m, false);
        }
        return v;
    }

    /** The text with every finding masked; the same instance when nothing is found. */
    String text(String s) {
        List<PiiSpan> spans = scanner.scan(s);
        for (PiiSpan span : spans) {
            metrics.catchAll(span.kind());
        }
        return PiiMasks.maskSpans(s, spans);
    }

    private Object record(Record r) {
        Shape shape = SHAPES.get(r.getClass());
        Object[] values = null;
        for (int i = 0; i < shape.accessors.length; i++) {
            if (shape.skip[i]) {
                continue;
            }
            Object before = shape.getters[i].apply(r);
            Object after = shape.extra[i] ? extra(before) : value(before);
            if (after != before) {
                if (values == null) {
                    values = shape.all(r);
                }
                values[i] = after;
            }
        }
        return values == null ? r : shape.make(values);
    }

    private List<?> list(List<?> l) {
        List<Object> copy = null;
        for (int i = 0; i < l.size(); i++) {
            Object before = l.get(i);
            Object after = value(before);
            if (after != before) {
                if (copy == null) {
                    copy = new ArrayList<>(l);
                }
                copy.set(i, after);
            }
        }
        return copy == null ? l : copy;
    }

    /** {@code extra}: all of it except the protector's own {@code fenghuo.pii} (nested or dotted). */
    @SuppressWarnings("unchecked")
    private Object extra(Object v) {
        return v instanceof Map<?, ?> m ? map(m, true) : v;
    }

    private Map<?, ?> map(Map<?, ?> m, boolean top) {
        Map<Object, Object> copy = null;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object key = e.getKey();
            Object before = e.getValue();
            Object after;
            if (top && key instanceof String k && BlindIndex.isOwn(k)) {
                after = before;
            } else if (top && "fenghuo".equals(key) && before instanceof Map<?, ?> f) {
                after = fenghuo(f);
            } else {
                after = value(before);
            }
            Object newKey = key instanceof String k ? text(k) : key;
            if (after != before || newKey != key) {
                if (copy == null) {
                    copy = new LinkedHashMap<>(m);
                }
                if (newKey != key) {
                    // a key that is itself personal data (a label named after a phone number)
                    copy.remove(key);
                    copy.putIfAbsent(newKey, after);
                } else {
                    copy.put(key, after);
                }
            }
        }
        return copy == null ? m : copy;
    }

    private Map<?, ?> fenghuo(Map<?, ?> f) {
        Map<Object, Object> copy = null;
        for (Map.Entry<?, ?> e : f.entrySet()) {
            if ("pii".equals(e.getKey())) {
                continue;
            }
            Object before = e.getValue();
            Object after = value(before);
            Object key = e.getKey();
            Object newKey = key instanceof String k ? text(k) : key;
            if (after != before || newKey != key) {
                if (copy == null) {
                    copy = new LinkedHashMap<>(f);
                }
                copy.remove(key);
                copy.putIfAbsent(newKey, after);
            }
        }
        return copy == null ? f : copy;
    }

    /** A record class's components, canonical constructor and which components to leave alone. */
    private record Shape(Method[] accessors, Function<Object, Object>[] getters, Constructor<?> constructor,
                         boolean[] skip, boolean[] extra) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            @SuppressWarnings("unchecked")
            Function<Object, Object>[] getters = new Function[components.length];
            Class<?>[] types = new Class<?>[components.length];
            boolean[] skip = new boolean[components.length];
            boolean[] extra = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                types[i] = components[i].getType();
                Class<?> t = types[i];
                boolean carriesText = t == String.class || List.class.isAssignableFrom(t)
                        || Map.class.isAssignableFrom(t) || t.isRecord() || t == Object.class;
                skip[i] = !carriesText
                        // the document id names the encryption context of every sealed value
                        || type == SecurityEvent.EventInfo.class && components[i].getName().equals("id");
                extra[i] = type == SecurityEvent.class && components[i].getName().equals("extra");
                if (!skip[i]) {
                    getters[i] = getter(type, accessors[i]);
                }
            }
            try {
                return new Shape(accessors, getters, type.getDeclaredConstructor(types), skip, extra);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
            }
        }

        /**
         * The accessor as a plain function: every string of every event is read through these,
         * and a reflective call (argument array, checks) would cost several times the read.
         */
        @SuppressWarnings("unchecked")
        private static Function<Object, Object> getter(Class<?> type, Method accessor) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MethodHandle handle = lookup.unreflect(accessor);
                CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                        MethodType.methodType(Object.class, Object.class), handle,
                        MethodType.methodType(accessor.getReturnType(), type));
                return (Function<Object, Object>) site.getTarget().invoke();
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + accessor.getName(), e);
            }
        }

        Object get(Record r, int i) {
            try {
                return accessors[i].invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read a component of " + r.getClass().getSimpleName(), e);
            }
        }

        Object[] all(Record r) {
            Object[] values = new Object[accessors.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = get(r, i);
            }
            return values;
        }

        Object make(Object[] values) {
            try {
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot rebuild " + constructor.getDeclaringClass().getSimpleName(), e);
            }
        }
    }
}
