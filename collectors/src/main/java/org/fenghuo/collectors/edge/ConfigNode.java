package org.fenghuo.collectors.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of {@code edge.yml} at a known path ({@code inputs[1]}), read key by key into typed
 * values. A bad value is reported to the shared {@link ConfigProblems} as
 * {@code <path>.<key>: <value> <what was expected>} and the default is returned, so one pass finds
 * every problem. Keys nobody asked for are reported by {@link #rejectUnknownKeys()}.
 */
public final class ConfigNode {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kib|mib|gib|tib|kb|mb|gb|tb)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);

    private final JsonNode node;
    private final String path;
    private final ConfigProblems problems;
    private final Path baseDir;
    private final Set<String> known = new TreeSet<>();

    ConfigNode(JsonNode node, String path, ConfigProblems problems) {
        this(node, path, problems, Path.of(""));
    }

    /** @param baseDir where relative file paths of this node and its children point (the config file's folder) */
    ConfigNode(JsonNode node, String path, ConfigProblems problems, Path baseDir) {
        this.baseDir = baseDir;
        this.node = node == null || node.isNull() || node.isMissingNode() ? JsonNodeFactory.instance.objectNode() : node;
        this.path = path;
        this.problems = problems;
        if (!this.node.isObject()) {
            problems.add(path.isEmpty() ? "(top level)" : path, render(node), "must be a mapping of keys to values");
        }
    }

    /** The path of a key below this node, e.g. {@code inputs[1].port}. */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public String path() {
        return path;
    }

    private JsonNode value(String key) {
        known.add(key);
        JsonNode value = node.isObject() ? node.get(key) : null;
        return value == null || value.isNull() ? null : value;
    }

    public void problem(String key, String expected) {
        problems.add(path(key), render(value(key)), expected);
    }

    public String string(String key, String defaultValue) {
        JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            problems.add(path(key), render(value), "must be a non-blank string");
            return defaultValue;
        }
        return value.asText();
    }

    public int integer(String key, int defaultValue, int min, int max, String expected) {
        JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problems.add(path(key), render(value), expected);
            return defaultValue;
        }
        return value.asInt();
    }

    /** A port to bind: 1..65535, or 0 for a free one when {@code allowFree}. */
    public int port(String key, int defaultValue, boolean allowFree) {
        return integer(key, defaultValue, allowFree ? 0 : 1, 65535,
                allowFree ? "is not a port (1..65535, or 0 for a free one)" : "is not a port (1..65535)");
    }

    public boolean bool(String key, boolean defaultValue) {
        JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            problems.add(path(key), render(value), "must be true or false");
            return defaultValue;
        }
        return value.booleanValue();
    }

    /** A byte count: a number, or a number with a unit (KiB, MiB, GiB, TiB; KB, MB, GB, TB). */
    public long bytes(String key, long defaultValue, long min) {
        JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        Matcher m = SIZE.matcher(value.asText().strip());
        long result = -1;
        if (value.isValueNode() && m.matches()) {
            try {
                long unit = switch (m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT)) {
                    case "kib" -> 1L << 10;
                    case "mib" -> 1L << 20;
                    case "gib" -> 1L << 30;
                    case "tib" -> 1L << 40;
                    case "kb" -> 1000L;
                    case "mb" -> 1000_000L;
                    case "gb" -> 1000_000_000L;
                    case "tb" -> 1000_000_000_000L;
                    default -> 1L;
                };
                result = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
            } catch (ArithmeticException | NumberFormatException e) {
                result = -1;
            }
        }
        if (result < min) {
            problems.add(path(key), render(value), "is not a size of at least " + min
                    + " bytes (a number, or with a unit: 64MiB, 1GiB, 500MB)");
            return defaultValue;
        }
        return result;
    }

    /** A duration: milliseconds as a number, or with a unit (250ms, 5s, 2m, 1h). */
    public Duration duration(String key, Duration defaultValue, Duration min) {
        JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        Duration result = null;
        if (value.isIntegralNumber()) {
            result = Duration.ofMillis(value.asLong());
        } else if (value.isTextual()) {
            Matcher m = DURATION.matcher(value.asText().strip());
            if (m.matches()) {
                try {
                    long n = Long.parseLong(m.group(1));
                    result = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    };
                    // as milliseconds too, since that is how the spool and the timers use it
                    result.toMillis();
                } catch (ArithmeticException | NumberFormatException tooLarge) {
                    result = null;
                }
            }
        }
        if (result == null || result.compareTo(min) < 0) {
            problems.add(path(key), render(value), "is not a duration of at least " + min.toMillis()
                    + " ms (a number of ms, or with a unit: 250ms, 5s, 2m, 1h)");
            return defaultValue;
        }
        return result;
    }

    /** One of the enum's constants, written in lower case ({@code when_full: refuse}). */
    public <E extends Enum<E>> E choice(String key, E defaultValue) {
        JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        Class<E> type = defaultValue.getDeclaringClass();
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            names.add(name);
            if (value.isTextual() && name.equals(value.asText().strip().toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        problems.add(path(key), render(value), "is not one of " + String.join(", ", names));
        return defaultValue;
    }

    /** A file path, resolved against the configuration file's folder when relative; null when absent. */
    public Path file(String key) {
        String text = string(key, null);
        return text == null ? null : baseDir.resolve(text);
    }

    /** A nested mapping; an absent key gives an empty one (every default). */
    public ConfigNode section(String key) {
        return new ConfigNode(value(key), path(key), problems, baseDir);
    }

    /** A list of mappings, or null when the key is absent. */
    public List<ConfigNode> sections(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problems.add(path(key), render(value), "must be a list");
            return List.of();
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            out.add(new ConfigNode(value.get(i), path(key) + "[" + i + "]", problems, baseDir));
        }
        return out;
    }

    /** A list of strings, or a single string as a list of one; null when absent. */
    public List<String> strings(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isValueNode() && !item.asText().isBlank()) {
                    out.add(item.asText());
                } else {
                    problems.add(path(key), render(value), "must be a list of non-blank strings");
                    return null;
                }
            }
        } else if (value.isValueNode() && !value.asText().isBlank()) {
            out.add(value.asText());
        } else {
            problems.add(path(key), render(value), "must be a string or a list of strings");
            return null;
        }
        return out;
    }

    /** A mapping of names to scalar values, kept as strings (e.g. Kafka producer properties). */
    public Map<String, String> stringMap(String key) {
        JsonNode value = value(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!value.isObject()) {
            problems.add(path(key), render(value), "must be a mapping of names to values");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().asText());
            } else {
                problems.add(path(key) + "." + e.getKey(), render(e.getValue()), "must be a single value");
            }
        }
        return out;
    }

    /** Reports every key of this mapping that no getter asked for: a typo must not pass unnoticed. */
    public void rejectUnknownKeys() {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(path(key), render(node.get(key)), "is an unknown key; expected one of " + String.join(", ",
                        known));
            }
        }
    }

    static String render(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "(missing)";
        }
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
