package org.fenghuo.detection.anomaly.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one YAML mapping of detector settings, key by key. Every getter takes the default when
 * the key is absent and, when the value is wrong, records a problem ({@code <where>: key 'k':
 * got 'v', expected ...}) and also takes the default. Nothing throws: a broken file gives the
 * defaults and the list of what was wrong.
 */
public final class SettingsReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String where;
    private final String prefix;
    private final JsonNode node;
    private final List<String> problems;

    private SettingsReader(String where, String prefix, JsonNode node, List<String> problems) {
        this.where = where;
        this.prefix = prefix;
        this.node = node;
        this.problems = problems;
    }

    /** A reader over YAML text; {@code where} names it in problems (a file name). */
    public static SettingsReader ofYaml(String where, String yaml) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = yaml == null || yaml.isBlank() ? MissingNode.getInstance() : YAML.readTree(yaml);
        } catch (IOException e) {
            problems.add(where + ": not valid YAML: " + firstLine(e.getMessage()));
            root = MissingNode.getInstance();
        }
        if (root == null || root.isNull()) {
            root = MissingNode.getInstance();
        }
        if (!root.isMissingNode() && !root.isObject()) {
            problems.add(where + ": expected a mapping of settings, got " + kind(root));
            root = MissingNode.getInstance();
        }
        return new SettingsReader(where, "", root, problems);
    }

    /** A reader over a YAML file; an unreadable file is a problem, not an exception. */
    public static SettingsReader ofFile(Path file) {
        try {
            return ofYaml(file.toString(), Files.readString(file));
        } catch (IOException | RuntimeException e) {
            SettingsReader r = ofYaml(file.toString(), "");
            r.problems.add(file + ": cannot read: " + e.getMessage());
            return r;
        }
    }

    /** The nested mapping under {@code key} (empty when absent; a problem when not a mapping). */
    public SettingsReader child(String key) {
        JsonNode v = node.path(key);
        if (!v.isMissingNode() && !v.isNull() && !v.isObject()) {
            problem(key, v, "a mapping");
            v = MissingNode.getInstance();
        }
        return new SettingsReader(where, prefix + key + ".", v.isNull() ? MissingNode.getInstance() : v, problems);
    }

    /** Keys present in this mapping, in file order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    public boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    /** Records a problem for each key not in {@code known}. */
    public void rejectUnknown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problems.add(where + ": key '" + prefix + k + "': unknown setting, expected one of "
                        + known.stream().sorted().toList());
            }
        }
    }

    /** An integer in [min, max]. */
    public int intIn(String key, int def, int min, int max) {
        JsonNode v = node.path(key);
        if (absent(v)) {
            return def;
        }
        if (v.canConvertToInt() && v.isIntegralNumber() && v.intValue() >= min && v.intValue() <= max) {
            return v.intValue();
        }
        problem(key, v, "an integer from " + min + " to " + max);
        return def;
    }

    public boolean bool(String key, boolean def) {
        JsonNode v = node.path(key);
        if (absent(v)) {
            return def;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        problem(key, v, "true or false");
        return def;
    }

    /**
     * A positive duration in [min, max]: a number of seconds, a number with a unit ({@code 500ms},
     * {@code 60s}, {@code 5m}, {@code 1h}) or ISO-8601 ({@code PT1M}).
     */
    public Duration duration(String key, Duration def, Duration min, Duration max) {
        JsonNode v = node.path(key);
        if (absent(v)) {
            return def;
        }
        Duration d = parseDuration(v);
        if (d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
            return d;
        }
        problem(key, v, "a duration from " + min + " to " + max + " (e.g. 60s, 5m, 1h or PT1M)");
        return def;
    }

    /** One of {@code choices}, case-insensitive, returned in lower case. */
    public String choice(String key, String def, List<String> choices) {
        JsonNode v = node.path(key);
        if (absent(v)) {
            return def;
        }
        String s = v.isTextual() ? v.textValue().trim().toLowerCase(Locale.ROOT) : null;
        if (s != null && choices.contains(s)) {
            return s;
        }
        problem(key, v, "one of " + choices);
        return def;
    }

    /**
     * A list whose items {@code parse} turns into values (null for an item it refuses, which is
     * then named with {@code expected}); a single scalar counts as a one-item list.
     */
    public <T> List<T> list(String key, List<T> def, String expected, Function<JsonNode, T> parse) {
        JsonNode v = node.path(key);
        if (absent(v)) {
            return def;
        }
        List<T> out = new ArrayList<>();
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                T t = parse.apply(v.get(i));
                if (t == null) {
                    problems.add(where + ": key '" + prefix + key + "[" + i + "]': got " + show(v.get(i))
                            + ", expected " + expected);
                } else {
                    out.add(t);
                }
            }
            return out;
        }
        T t = v.isValueNode() ? parse.apply(v) : null;
        if (t == null) {
            problem(key, v, "a list of " + expected);
            return def;
        }
        out.add(t);
        return out;
    }

    /** A list of IP addresses and CIDR blocks; entries that are neither are problems and left out. */
    public AddressSet addresses(String key) {
        return AddressSet.of(list(key, List.of(), "an IP address or CIDR block",
                n -> n.isTextual() && AddressSet.isValid(n.textValue()) ? n.textValue().trim() : null));
    }

    /** Adds a problem about {@code key} found by a cross-check (e.g. one bound above another). */
    public void problem(String key, Object value, String expected) {
        String shown = value instanceof JsonNode n ? show(n) : "'" + value + "'";
        problems.add(where + ": key '" + prefix + key + "': got " + shown + ", expected " + expected);
    }

    public <T> SettingsResult<T> result(T value) {
        return new SettingsResult<>(value, problems);
    }

    static Duration parseDuration(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() > 0) {
            return Duration.ofSeconds(v.longValue());
        }
        if (!v.isTextual()) {
            return null;
        }
        String s = v.textValue().trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            int split = 0;
            while (split < s.length() && Character.isDigit(s.charAt(split))) {
                split++;
            }
            if (split == 0 || split > 12) {
                return null;
            }
            long n = Long.parseLong(s.substring(0, split));
            return switch (s.substring(split).trim()) {
                case "ms" -> Duration.ofMillis(n);
                case "", "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> null;
            };
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean absent(JsonNode v) {
        return v.isMissingNode() || v.isNull();
    }

    private static String show(JsonNode v) {
        String s = v.isTextual() ? v.textValue() : v.toString();
        return "'" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "' (" + kind(v) + ")";
    }

    private static String kind(JsonNode v) {
        return v.isTextual() ? "text" : v.isNumber() ? "number" : v.isBoolean() ? "boolean" : v.isArray() ? "list"
                : v.isObject() ? "mapping" : "null";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
