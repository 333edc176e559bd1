package org.fenghuo.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a JSON object into a mutable tree of {@code LinkedHashMap}, {@code ArrayList} and
 * scalars, expanding dotted keys as it goes ({@code "source.ip"} lands in {@code source.ip}),
 * because Elasticsearch users send both forms and may mix them in one document. JSON nulls
 * are dropped from objects (kept in arrays). Numbers become Integer, Long, BigInteger or Double.
 */
final class JsonTreeParser {
    /** ECS documents are a few levels deep; a deeper one is an attack on the stack, not an event. */
    static final int MAX_DEPTH = 100;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            // Emoji and other non-BMP text as UTF-8, not as \uD83D\uDD25 escapes.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private JsonTreeParser() {
    }

    static Map<String, Object> parse(byte[] json) throws EcsJsonException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return parseDocument(p);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new EcsJsonException("cannot read JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> parse(String json) throws EcsJsonException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return parseDocument(p);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new EcsJsonException("cannot read JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> parseDocument(JsonParser p) throws IOException, EcsJsonException {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new EcsJsonException(null, 0, "expected a JSON object, got "
                    + (first == null ? "no input" : first.asString() != null ? first.asString() : first.name()), null);
        }
        Map<String, Object> root = parseObject(p, "", 1);
        if (p.nextToken() != null) {
            throw new EcsJsonException(null, offset(p.currentTokenLocation()),
                    "trailing data after the JSON object at offset " + offset(p.currentTokenLocation()), null);
        }
        return root;
    }

    /**
     * @param depth this object's nesting once dotted names are expanded (the root is 1): a one-level
     *              {@code "a.b.c...": 1} nests as deep as its dots, and an event deeper than
     *              {@link #MAX_DEPTH} would pass here but fail wherever its own JSON is read back
     */
    private static Map<String, Object> parseObject(JsonParser p, String path, int depth)
            throws IOException, EcsJsonException {
        tooDeep(p, path, depth);
        Map<String, Object> map = new LinkedHashMap<>();
        String key;
        while ((key = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                // dropped before its name is looked at, as it always was: a null under any name is nothing
                continue;
            }
            // Most names have no dot and most values are scalars: for those, no segment array and
            // no dotted path (the path is only needed for an error or for an object's own fields).
            boolean dotted = key.isEmpty() || key.indexOf('.') >= 0;
            String[] segments = null;
            int extraLevels = 0;
            if (dotted) {
                try {
                    segments = JsonTrees.splitKey(key, path);
                } catch (JsonTrees.PathException e) {
                    throw new EcsJsonException(e.path(), offset(p.currentTokenLocation()), e.getMessage(), null);
                }
                // the objects its dots make sit at depth + 1 .. depth + segments - 1
                extraLevels = segments.length - 1;
                tooDeep(p, path, key, depth + extraLevels);
            }
            Object value = switch (t) {
                case START_OBJECT -> parseObject(p, child(path, key), depth + extraLevels + 1);
                case START_ARRAY -> parseArray(p, child(path, key), depth + extraLevels + 1);
                default -> scalar(p, t);
            };
            if (value == null || (!dotted && map.putIfAbsent(key, value) == null)) {
                continue;
            }
            try {
                // a dotted name, or a second value for a name (merged when both are objects, else refused)
                JsonTrees.put(map, dotted ? segments : new String[] {key}, 0, value, path);
            } catch (JsonTrees.PathException e) {
                throw new EcsJsonException(e.path(), offset(p.currentTokenLocation()), e.getMessage(), null);
            }
        }
        return map;
    }

    private static List<Object> parseArray(JsonParser p, String path, int depth) throws IOException, EcsJsonException {
        tooDeep(p, path, depth);
        List<Object> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            list.add(switch (t) {
                case START_OBJECT -> parseObject(p, path + "[" + list.size() + "]", depth + 1);
                case START_ARRAY -> parseArray(p, path + "[" + list.size() + "]", depth + 1);
                default -> scalar(p, t);
            });
        }
        return list;
    }

    private static void tooDeep(JsonParser p, String path, String key, int depth) throws EcsJsonException {
        if (depth > MAX_DEPTH) {
            tooDeep(p, child(path, key), depth);
        }
    }

    private static void tooDeep(JsonParser p, String path, int depth) throws EcsJsonException {
        if (depth > MAX_DEPTH) {
            throw new EcsJsonException(path, offset(p.currentTokenLocation()), "nests deeper than " + MAX_DEPTH
                    + " levels once dotted field names are expanded", null);
        }
    }

    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException("unexpected token " + t);
        };
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Names the field being read when the syntax broke, so {@code "@timestamp": 12x} says {@code @timestamp}. */
    private static EcsJsonException syntaxError(JsonProcessingException e) {
        String field = null;
        if (e.getProcessor() instanceof JsonParser p) {
            field = contextPath(p.getParsingContext());
        }
        JsonLocation loc = e.getLocation();
        long offset = loc == null ? -1 : offset(loc);
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String detail = e.getOriginalMessage();
        String message = (field == null ? "" : field + ": ") + "invalid JSON" + where + ": " + detail;
        return new EcsJsonException(field, offset, message, e);
    }

    private static long offset(JsonLocation loc) {
        return loc.getByteOffset() >= 0 ? loc.getByteOffset() : loc.getCharOffset();
    }

    private static String contextPath(JsonStreamContext ctx) {
        StringBuilder sb = new StringBuilder();
        build(ctx, sb);
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void build(JsonStreamContext ctx, StringBuilder sb) {
        if (ctx == null || ctx.inRoot()) {
            return;
        }
        build(ctx.getParent(), sb);
        if (ctx.inArray()) {
            sb.append('[').append(Math.max(ctx.getCurrentIndex(), 0)).append(']');
        } else if (ctx.getCurrentName() != null) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(ctx.getCurrentName());
        }
    }
}
