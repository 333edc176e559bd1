package org.fenghuo.detection.anomaly.thresholds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads one detector's settings from a flat YAML mapping ({@code key: scalar} or {@code key: [scalars]}).
 * Each config record declares every setting once, as a call here with its name, default and bounds,
 * so {@code defaults()} and YAML loading cannot drift apart. Errors are collected, not thrown: a
 * caller gets all of them at once, each naming the line, the key, the value and what was expected.
 */
public final class ThresholdReader {
    private static final YAMLFactory YAML = new YAMLFactory();

    private record Value(String text, List<String> list, int line) {
    }

    private final String source;
    private final Map<String, Value> values;
    private final Set<String> read = new TreeSet<>();
    private final List<ThresholdError> errors = new ArrayList<>();

    private ThresholdReader(String source, Map<String, Value> values) {
        this.source = source;
        this.values = values;
    }

    /** No settings: every call returns its default. */
    public static ThresholdReader defaults() {
        return new ThresholdReader("defaults", Map.of());
    }

    /** Parses {@code yaml} (a mapping; empty means all defaults); problems with the document become errors. */
    public static ThresholdReader parse(String yaml, String source) {
        Map<String, Value> values = new LinkedHashMap<>();
        ThresholdReader reader = new ThresholdReader(source, values);
        try (JsonParser p = YAML.createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return reader;
            }
            if (t != JsonToken.START_OBJECT) {
                reader.reject(line(p), "(document)", p.getText(), "a mapping of setting names to values");
                return reader;
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = line(p);
                t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    List<String> list = new ArrayList<>();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t.isStructStart()) {
                            p.skipChildren();
                            reader.reject(line, key, null, "a list of plain values");
                        } else {
                            list.add(p.getText());
                        }
                    }
                    values.put(key, new Value(null, list, line));
                } else if (t.isStructStart()) {
                    p.skipChildren();
                    reader.reject(line, key, null, "a plain value or a list, not a mapping");
                } else {
                    values.put(key, new Value(t == JsonToken.VALUE_NULL ? null : p.getText(), null, line));
                }
            }
        } catch (JsonProcessingException e) {
            reader.reject(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "(document)", null,
                    "valid YAML (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            reader.reject(0, "(document)", null, "readable YAML (" + e.getMessage() + ")");
        }
        return reader;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** An integer setting in {@code [min, max]}. */
    public int integer(String key, int defaultValue, int min, int max) {
        return bounded(key, defaultValue, min, max, t -> {
            long n = Long.parseLong(t.replace("_", ""));
            return n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? null : (int) n;
        }, "an integer from " + min + " to " + max);
    }

    /** A byte count in {@code [min, max]}: a number, or with a binary unit ({@code 512KiB}, {@code 20MiB}, {@code 1GiB}). */
    public long bytes(String key, long defaultValue, long min, long max) {
        return bounded(key, defaultValue, min, max, ThresholdReader::parseBytes,
                "a byte count from " + min + " to " + max + " (a number, or with KiB, MiB, GiB)");
    }

    /** A decimal setting in {@code [min, max]}. */
    public double decimal(String key, double defaultValue, double min, double max) {
        return bounded(key, defaultValue, min, max, Double::parseDouble, "a number from " + min + " to " + max);
    }

    /** A duration in {@code [min, max]}: {@code 500ms}, {@code 90s}, {@code 5m}, {@code 6h}, {@code 7d}, {@code PT5M}. */
    public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        return bounded(key, defaultValue, min, max, ThresholdReader::parseDuration,
                "a duration from " + min + " to " + max + " (e.g. 90s, 5m, 6h, 7d, PT5M)");
    }

    /**
     * The value of {@code key} parsed ({@code parse} returns null or throws when it cannot) and checked
     * against the bounds; otherwise the default, and an error.
     */
    private <T extends Comparable<T>> T bounded(String key, T defaultValue, T min, T max, Function<String, T> parse,
            String expected) {
        Value v = scalar(key);
        if (v == null) {
            return defaultValue;
        }
        T parsed;
        try {
            parsed = parse.apply(v.text.trim());
        } catch (RuntimeException e) {
            parsed = null; // reported below with the key
        }
        if (parsed != null && parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
            return parsed;
        }
        reject(v.line, key, v.text, expected);
        return defaultValue;
    }

    private static Long parseBytes(String t) {
        long unit = 1;
        String s = t.toLowerCase(Locale.ROOT).replace("_", "");
        for (String[] u : new String[][] {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"}, {"b", "1"}}) {
            if (s.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                s = s.substring(0, s.length() - u[0].length()).trim();
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(s), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static Duration parseDuration(String t) {
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t);
            }
            String s = t.toLowerCase(Locale.ROOT);
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1).trim());
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> null;
            };
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String key, boolean defaultValue) {
        Value v = scalar(key);
        if (v == null) {
            return defaultValue;
        }
        String t = v.text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        reject(v.line, key, v.text, "true or false");
        return defaultValue;
    }

    /** A list of non-empty strings, lower-cased (a single value is a list of one). */
    public List<String> lowerCaseList(String key, List<String> defaultValue) {
        read.add(key);
        Value v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        List<String> raw = v.list != null ? v.list : v.text == null ? List.of() : List.of(v.text);
        List<String> out = new ArrayList<>();
        for (String s : raw) {
            if (s == null || s.isBlank()) {
                reject(v.line, key, String.valueOf(s), "a list of non-empty values");
                return defaultValue;
            }
            out.add(s.trim().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    /** A list of integers in {@code [min, max]}. */
    public List<Integer> integerList(String key, List<Integer> defaultValue, int min, int max) {
        List<String> raw = lowerCaseList(key, null);
        if (raw == null) {
            return defaultValue;
        }
        List<Integer> out = new ArrayList<>();
        for (String s : raw) {
            try {
                int n = Integer.parseInt(s);
                if (n >= min && n <= max) {
                    out.add(n);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below with the key
            }
            reject(values.get(key).line, key, s, "a list of integers from " + min + " to " + max);
            return defaultValue;
        }
        return List.copyOf(out);
    }

    /** A rule that spans settings failed, e.g. one bound above another. */
    public void check(boolean ok, String key, Object value, String expected) {
        if (!ok) {
            Value v = values.get(key);
            reject(v == null ? 0 : v.line, key, String.valueOf(value), expected);
        }
    }

    /**
     * After every setting was read: unknown keys are errors (a typo must not silently leave a
     * default in place); returns the settings or all errors.
     */
    public <T> Loaded<T> result(Supplier<T> build) {
        for (Map.Entry<String, Value> e : values.entrySet()) {
            if (!read.contains(e.getKey())) {
                reject(e.getValue().line, e.getKey(), e.getValue().text, "one of the settings " + read);
            }
        }
        T config = build.get();
        return errors.isEmpty() ? new Loaded<>(config, List.of()) : new Loaded<>(null, errors);
    }

    public List<ThresholdError> errors() {
        return List.copyOf(errors);
    }

    private Value scalar(String key) {
        read.add(key);
        Value v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v.list != null || v.text == null) {
            reject(v.line, key, v.list == null ? "null" : v.list.toString(), "a single value");
            return null;
        }
        return v;
    }

    private void reject(int line, String key, String value, String expected) {
        errors.add(new ThresholdError(source, line, key, value, expected));
    }
}
