package org.fenghuo.collectors.syslog.payload.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fenghuo.collectors.syslog.payload.DeviceTimes;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.fenghuo.collectors.syslog.payload.PayloadText;

/**
 * One JSON object per message (after optional leading spaces). Nested objects are flattened to
 * dotted names; names under an ECS field set ({@code source}, {@code event}, {@code user}, ...)
 * are kept as ECS, everything else goes to {@code fenghuo.json.<path>}. Arrays of scalars stay
 * lists; arrays holding objects are kept as their JSON text. Bounded: nesting deeper than
 * {@link #MAX_DEPTH} is malformed, at most {@link #MAX_FIELDS} fields are read (the rest counted
 * in {@code fenghuo.json.fields_dropped}).
 */
public final class JsonPayloadParser implements PayloadParser {

    public static final String NAME = "json";
    public static final int MAX_DEPTH = 16;
    public static final int MAX_FIELDS = 512;

    /**
     * ECS field sets whose names a JSON log may already use, plus Winlogbeat's own {@code winlog} and
     * {@code powershell}: the Windows Sigma pipeline matches on {@code winlog.channel} and
     * {@code winlog.event_data.*}, so they must keep their names.
     */
    private static final Set<String> ECS_ROOTS = Set.of("@timestamp", "message", "tags", "labels", "event", "source",
            "destination", "client", "server", "network", "observer", "host", "user", "process", "url", "http",
            "user_agent", "rule", "error", "file", "dns", "tls", "log", "service", "threat", "related", "agent",
            "cloud", "container", "group", "email", "registry", "vulnerability", "organization", "geo", "winlog",
            "powershell");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 8).build())
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PayloadResult parse(PayloadInput input) {
        String msg = input.message();
        int start = 0;
        while (start < msg.length() && msg.charAt(start) == ' ') {
            start++;
        }
        if (start >= msg.length() || msg.charAt(start) != '{') {
            return PayloadResult.NOT_MINE;
        }
        EcsFields fields = new EcsFields();
        int[] count = {0, 0};
        try (JsonParser p = FACTORY.createParser(msg.substring(start))) {
            p.nextToken();
            object(p, "", 1, fields, count);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                return new PayloadResult.Malformed("JSON: text after the object at char " + (start
                        + p.currentLocation().getCharOffset()));
            }
        } catch (TooDeep e) {
            return new PayloadResult.Malformed("JSON nested deeper than " + MAX_DEPTH + " levels");
        } catch (IOException e) {
            return new PayloadResult.Malformed("JSON: " + firstLine(e.getMessage()));
        }
        if (count[1] > 0) {
            fields.put("fenghuo.json.fields_dropped", (long) count[1]);
        }
        return new PayloadResult.Parsed(fields);
    }

    private static void object(JsonParser p, String path, int depth, EcsFields f, int[] count) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String child = path.isEmpty() ? name : path + "." + PayloadText.fieldName(name);
            if (path.isEmpty()) {
                child = ECS_ROOTS.contains(rootOf(name)) ? ecsName(name) : "fenghuo.json." + safePath(name);
            }
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                object(p, child, depth + 1, f, count);
            } else if (v == JsonToken.START_ARRAY) {
                field(f, child, array(p), count);
            } else {
                field(f, child, scalar(p, v), count);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("unexpected " + t);
        }
    }

    private static void field(EcsFields f, String name, Object value, int[] count) {
        if (count[0] >= MAX_FIELDS) {
            count[1]++;
            return;
        }
        count[0]++;
        if (name.equals("@timestamp") || name.equals("event.start") || name.equals("event.end")) {
            Instant t = value instanceof String s ? DeviceTimes.parse(s) : null;
            f.put(name, t != null ? t : value);
        } else {
            f.put(name, value);
        }
    }

    /** A list of scalars, or the array's JSON text when it holds objects or arrays. */
    private static Object array(JsonParser p) throws IOException {
        List<Object> values = new ArrayList<>();
        StringWriter raw = null;
        JsonGenerator g = null;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("unterminated array");
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                if (g == null) {
                    raw = new StringWriter();
                    g = FACTORY.createGenerator(raw);
                    g.writeStartArray();
                    for (Object v : values) {
                        g.writeObject(v);
                    }
                }
                g.copyCurrentStructure(p);
            } else if (g != null) {
                g.copyCurrentEvent(p);
            } else {
                values.add(scalar(p, t));
            }
        }
        if (g != null) {
            g.writeEndArray();
            g.close();
            return raw.toString();
        }
        return values;
    }

    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.INT
                    || p.getNumberType() == JsonParser.NumberType.LONG ? (Object) p.getLongValue() : p.getText();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String rootOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** A dotted ECS name as given ({@code source.ip}); empty segments are made safe. */
    private static String ecsName(String name) {
        return name.contains("..") || name.endsWith(".") ? safePath(name) : name;
    }

    private static String safePath(String name) {
        return PayloadText.fieldName(name);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Thrown inside the walk to stop at the depth bound. */
    private static final class TooDeep extends IOException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null);
        }
    }
}
