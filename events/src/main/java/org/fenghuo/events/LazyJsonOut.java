package org.fenghuo.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link JsonGenerator} wrapper whose {@link #open} only takes effect when a field is first
 * written inside, so a component with nothing set leaves no {@code {}} behind without a
 * separate "is it empty?" pass. Null values and empty lists are skipped the same way.
 */
final class LazyJsonOut {
    private static final int MAX_DEPTH = JsonTreeParser.MAX_DEPTH + 8;

    private final JsonGenerator gen;
    /** Writes bytes (not chars), so it takes ASCII text as it is: {@link #instantValue}. */
    private final boolean utf8Bytes;
    /** Pending object names: a {@code String} or a pre-encoded {@link SerializableString} (null for none). */
    private final Object[] names = new Object[MAX_DEPTH];
    /** Open levels; the first {@code started} of them have been written (always a prefix). */
    private int depth;
    private int started;

    LazyJsonOut(JsonGenerator gen) {
        this.gen = gen;
        this.utf8Bytes = gen instanceof UTF8JsonGenerator;
    }

    /** Opens an object field, written only if something is put in it before {@link #close}. */
    void open(String name) {
        names[depth++] = name;
    }

    /** {@link #open(String)} with a pre-encoded name. */
    void open(SerializableString name) {
        names[depth++] = name;
    }

    void close() throws IOException {
        depth--;
        if (started > depth) {
            gen.writeEndObject();
            started = depth;
        }
        names[depth] = null;
    }

    /** Writes the pending object starts: something is about to be written inside them. */
    private void flush() throws IOException {
        while (started < depth) {
            Object name = names[started];
            if (name instanceof SerializableString n) {
                gen.writeFieldName(n);
            } else if (name != null) {
                gen.writeFieldName((String) name);
            }
            gen.writeStartObject();
            started++;
        }
    }

    /** Starts the root object; it is always written. */
    void openRoot() throws IOException {
        open((String) null);
        flush();
    }

    void str(String name, String value) throws IOException {
        if (value != null) {
            flush();
            gen.writeStringField(name, value);
        }
    }

    void num(String name, Integer value) throws IOException {
        if (value != null) {
            flush();
            gen.writeNumberField(name, value.intValue());
        }
    }

    void num(String name, Long value) throws IOException {
        if (value != null) {
            flush();
            gen.writeNumberField(name, value.longValue());
        }
    }

    void bool(String name, Boolean value) throws IOException {
        if (value != null) {
            flush();
            gen.writeBooleanField(name, value);
        }
    }

    void instant(String name, Instant value) throws IOException {
        if (value != null) {
            flush();
            gen.writeFieldName(name);
            instantValue(value);
        }
    }

    void strList(String name, List<String> values) throws IOException {
        if (values != null && !values.isEmpty()) {
            flush();
            gen.writeArrayFieldStart(name);
            for (String v : values) {
                gen.writeString(v);
            }
            gen.writeEndArray();
        }
    }

    // The same writes with pre-encoded names (EcsNames): the bytes are those of the String forms.

    void str(SerializableString name, String value) throws IOException {
        if (value != null) {
            flush();
            gen.writeFieldName(name);
            gen.writeString(value);
        }
    }

    void num(SerializableString name, Integer value) throws IOException {
        if (value != null) {
            flush();
            gen.writeFieldName(name);
            gen.writeNumber(value.intValue());
        }
    }

    void num(SerializableString name, Long value) throws IOException {
        if (value != null) {
            flush();
            gen.writeFieldName(name);
            gen.writeNumber(value.longValue());
        }
    }

    void bool(SerializableString name, Boolean value) throws IOException {
        if (value != null) {
            flush();
            gen.writeFieldName(name);
            gen.writeBoolean(value);
        }
    }

    void instant(SerializableString name, Instant value) throws IOException {
        if (value != null) {
            flush();
            gen.writeFieldName(name);
            instantValue(value);
        }
    }

    /** Our timestamps need no escaping: their ASCII bytes go out as they are, without a String. */
    private void instantValue(Instant value) throws IOException {
        byte[] ascii = utf8Bytes ? EcsTimestamps.formatAscii(value) : null;
        if (ascii != null) {
            gen.writeRawUTF8String(ascii, 0, ascii.length);
        } else {
            gen.writeString(EcsTimestamps.format(value));
        }
    }

    void strList(SerializableString name, List<String> values) throws IOException {
        if (values != null && !values.isEmpty()) {
            flush();
            gen.writeFieldName(name);
            gen.writeStartArray();
            for (String v : values) {
                gen.writeString(v);
            }
            gen.writeEndArray();
        }
    }

    /** An object field whose JSON was written before ({@link ComponentMemo}); nothing for null. */
    void rawObject(SerializableString name, SerializableString json) throws IOException {
        if (json != null) {
            flush();
            gen.writeFieldName(name);
            gen.writeRawValue(json);
        }
    }

    void startArray(SerializableString name) throws IOException {
        flush();
        gen.writeFieldName(name);
        gen.writeStartArray();
    }

    /** Starts an array of objects (dns.answers); elements are written eagerly with {@link #any}. */
    void startArray(String name) throws IOException {
        flush();
        gen.writeArrayFieldStart(name);
    }

    void endArray() throws IOException {
        gen.writeEndArray();
    }

    /** Writes an object field now, even if it stays empty (an RFC 5424 SD element without parameters). */
    void openEager(String name) throws IOException {
        open(name);
        flush();
    }

    /** An array element object, always written. */
    void openElement() throws IOException {
        open((String) null);
        flush();
    }

    /**
     * Writes the entries of an {@code extra} subtree that the model does not own at this level.
     * The reader never puts a modelled name in extra; one put there by hand is shadowed by the
     * model (and {@link SecurityEventBuilder#build()} refuses it).
     */
    void extra(Map<String, Object> extra, Set<String> modelled) throws IOException {
        if (extra == null) {
            return;
        }
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            if (!modelled.contains(e.getKey()) && !JsonTrees.isAbsent(e.getValue())) {
                flush();
                gen.writeFieldName(e.getKey());
                any(e.getValue());
            }
        }
    }

    /** Writes any JSON-shaped value as {@link JsonTrees} allows them. */
    @SuppressWarnings("unchecked")
    void any(Object v) throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (v instanceof String s) {
            gen.writeString(s);
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            gen.writeNumber(((Number) v).intValue());
        } else if (v instanceof Long l) {
            gen.writeNumber(l);
        } else if (v instanceof Double d) {
            gen.writeNumber(d);
        } else if (v instanceof Float f) {
            gen.writeNumber(f);
        } else if (v instanceof BigInteger b) {
            gen.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            gen.writeNumber(b);
        } else if (v instanceof Number n) {
            gen.writeNumber(n.toString());
        } else if (v instanceof FrozenTree tree) {
            // the usual map, tested by class first: a failed interface test (Map, List) scans all of
            // the value's interfaces on every call under JDK 17
            object(tree);
        } else if (v instanceof List<?> list) {
            gen.writeStartArray();
            for (Object e : list) {
                any(e);
            }
            gen.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            object(m);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    @SuppressWarnings("unchecked")
    private void object(Map<?, ?> m) throws IOException {
        gen.writeStartObject();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
            gen.writeFieldName(e.getKey());
            any(e.getValue());
        }
        gen.writeEndObject();
    }
}
