package org.fenghuo.correlation.incident;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Typed reads from a {@link YamlNode} tree that never throw: a bad value is recorded as
 * {@code source:line: key = value: expected ...} and the default is returned, so one pass finds
 * every problem of a file.
 */
final class ConfigReader {
    private final String source;
    private final List<String> problems;

    ConfigReader(String source, List<String> problems) {
        this.source = source;
        this.problems = problems;
    }

    String source() {
        return source;
    }

    List<String> problems() {
        return problems;
    }

    /** The problems by line (stable: same-line problems keep their order), for a message that reads top-down. */
    List<String> sortedProblems() {
        List<String> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingInt(ConfigReader::lineOf));
        return sorted;
    }

    private static int lineOf(String problem) {
        java.util.regex.Matcher m = LINE.matcher(problem);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("^[^:]*:(\\d{1,9}): ");

    void problem(int line, String key, String value, String expected) {
        problems.add(source + ":" + line + ": " + key + (value == null ? "" : " = " + value) + ": expected " + expected);
    }

    /** The child {@code name} of a mapping, or null when absent or YAML null. */
    static YamlNode child(YamlNode map, String name) {
        if (map == null || map.map() == null) {
            return null;
        }
        YamlNode n = map.map().get(name);
        return n == null || n.isNull() ? null : n;
    }

    /** True when {@code node} is a mapping; otherwise records a problem. Null (absent) is fine. */
    boolean isMapping(YamlNode node, String key) {
        if (node == null) {
            return false;
        }
        if (node.map() == null) {
            problem(node.line(), key, node.kind(), "a mapping");
            return false;
        }
        return true;
    }

    /** Records every key of {@code map} that is not in {@code known}. */
    void onlyKeys(YamlNode map, String path, Set<String> known) {
        if (map == null || map.map() == null) {
            return;
        }
        map.map().forEach((k, v) -> {
            if (!known.contains(k)) {
                problem(v.line(), join(path, k), null, "one of " + known.stream().sorted().toList() + " (unknown key)");
            }
        });
    }

    String string(YamlNode map, String path, String name, String defaultValue) {
        YamlNode n = child(map, name);
        if (n == null) {
            return defaultValue;
        }
        if (n.scalar() == null) {
            problem(n.line(), join(path, name), n.kind(), "a single value");
            return defaultValue;
        }
        String t = n.scalar().trim();
        return t.isEmpty() ? defaultValue : t;
    }

    int integer(YamlNode map, String path, String name, int defaultValue, int min, int max) {
        String t = string(map, path, name, null);
        if (t == null) {
            return defaultValue;
        }
        try {
            long v = Long.parseLong(t.replace("_", ""));
            if (v >= min && v <= max) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        problem(child(map, name).line(), join(path, name), t, "an integer from " + min + " to " + max);
        return defaultValue;
    }

    boolean bool(YamlNode map, String path, String name, boolean defaultValue) {
        String t = string(map, path, name, null);
        if (t == null) {
            return defaultValue;
        }
        Boolean b = parseBoolean(t);
        if (b == null) {
            problem(child(map, name).line(), join(path, name), t, "true or false");
            return defaultValue;
        }
        return b;
    }

    Duration duration(YamlNode map, String path, String name, Duration defaultValue, Duration min, Duration max) {
        String t = string(map, path, name, null);
        if (t == null) {
            return defaultValue;
        }
        Duration d = parseDuration(t);
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            problem(child(map, name).line(), join(path, name), t,
                    "a duration from " + text(min) + " to " + text(max) + " (e.g. 0s, 500ms, 90s, 5m, 1h, 7d, PT1H)");
            return defaultValue;
        }
        return d;
    }

    /** A list of plain values; a single value counts as a list of one. */
    List<String> strings(YamlNode map, String path, String name) {
        YamlNode n = child(map, name);
        if (n == null) {
            return List.of();
        }
        if (n.scalar() != null) {
            return List.of(n.scalar().trim());
        }
        if (n.list() == null) {
            problem(n.line(), join(path, name), n.kind(), "a list of values");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : n.list()) {
            if (item == null || item.scalar() == null) {
                problem(item == null ? n.line() : item.line(), join(path, name), item == null ? "null" : item.kind(),
                        "plain values in the list");
            } else {
                out.add(item.scalar().trim());
            }
        }
        return out;
    }

    static String join(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    static Boolean parseBoolean(String t) {
        return switch (t.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0", "" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code 500ms}, {@code 90s}, {@code 5m}, {@code 1h}, {@code 7d}, or ISO-8601 {@code PT1H}; null when neither. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        int unitStart = 0;
        while (unitStart < t.length() && Character.isDigit(t.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0 || unitStart > 12) {
            return null;
        }
        long n = Long.parseLong(t.substring(0, unitStart));
        return switch (t.substring(unitStart).trim()) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> null;
        };
    }

    /** A duration as this class reads it back: {@code 1h}, {@code 90s}, {@code 0s}. */
    static String text(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
