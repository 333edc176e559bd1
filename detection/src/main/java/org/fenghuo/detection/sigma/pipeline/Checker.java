package org.fenghuo.detection.sigma.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Collects validation errors for one file; the typed getters report and return null on a bad value. */
final class Checker {
    private final String file;
    private final List<PipelineError> errors;

    Checker(String file, List<PipelineError> errors) {
        this.file = file;
        this.errors = errors;
    }

    String file() {
        return file;
    }

    void error(YamlNode at, String reason) {
        errors.add(new PipelineError(file, at == null ? 0 : at.line(), reason));
    }

    void onlyKeys(Map<String, YamlNode> m, Set<String> allowed, String what) {
        m.forEach((k, v) -> {
            if (!allowed.contains(k)) {
                error(v, "unknown key '" + k + "' in " + what + " (allowed: " + new TreeSet<>(allowed) + ")");
            }
        });
    }

    YamlNode required(YamlNode map, String key) {
        YamlNode v = map.map().get(key);
        if (v == null) {
            error(map, "missing key '" + key + "'");
        }
        return v;
    }

    String requiredText(YamlNode map, String key) {
        YamlNode v = required(map, key);
        return v == null ? null : text(v, key);
    }

    /** A non-blank scalar, or null (reported) for anything else. */
    String text(YamlNode v, String key) {
        String s = v.text();
        if (s == null || s.isBlank()) {
            error(v, "'" + key + "' must be a non-empty text, found " + YamlNode.kind(v));
            return null;
        }
        return s;
    }

    String optionalText(YamlNode map, String key) {
        YamlNode v = map.map().get(key);
        return v == null ? null : text(v, key);
    }

    Integer requiredInt(YamlNode map, String key) {
        YamlNode v = required(map, key);
        if (v == null) {
            return null;
        }
        if (v.value() instanceof Integer || v.value() instanceof Long) {
            long n = ((Number) v.value()).longValue();
            if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
                return (int) n;
            }
        }
        error(v, "'" + key + "' must be an integer, found '" + v.value() + "'");
        return null;
    }

    /** One non-blank text or a non-empty list of them; null (reported) otherwise. */
    List<String> texts(YamlNode v, String key) {
        if (!v.isList()) {
            String s = text(v, key);
            return s == null ? null : List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (YamlNode e : v.list()) {
            String s = text(e, key);
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            error(v, "'" + key + "' must not be an empty list");
            return null;
        }
        return out;
    }
}
