package org.fenghuo.detection.sigma.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.events.Severity;

/**
 * One YAML document to a {@link SigmaCorrelation}, checking everything that can be checked without
 * the other documents. Collects every problem of the document, reported at the line of the first.
 */
final class CorrelationParser {
    private static final Pattern TIMESPAN = Pattern.compile("([0-9]{1,9})([smhdw])");
    private static final Set<String> STATUSES = Set.of("stable", "test", "experimental", "deprecated", "unsupported");
    private static final Set<String> CORRELATION_KEYS = Set.of("type", "rules", "group-by", "timespan", "condition",
            "aliases", "generate");
    private static final Set<String> CONDITION_KEYS = Set.of("gt", "gte", "lt", "lte", "eq", "neq", "field",
            "percentile");

    /** The outcome for one document: exactly one of the three is non-null. */
    record Outcome(SigmaCorrelation correlation, CorrelationProblem rejected, CorrelationProblem skipped) {
    }

    private final String source;
    private final YamlDocuments.Document doc;
    private final List<String> errors = new ArrayList<>();
    private int errorLine;

    private CorrelationParser(String source, YamlDocuments.Document doc) {
        this.source = source;
        this.doc = doc;
    }

    static Outcome parse(String source, YamlDocuments.Document doc) {
        return new CorrelationParser(source, doc).parse();
    }

    private Outcome parse() {
        JsonNode root = doc.root();
        SourceLocation start = new SourceLocation(source, doc.line());
        if (root == null || !root.isObject() || !root.has("correlation")) {
            String title = root != null && root.isObject() ? text(root, "title") : null;
            return new Outcome(null, null, new CorrelationProblem(start, title, "not a correlation"));
        }
        for (String d : doc.duplicates()) {
            error(d, "key " + d + " is given twice");
        }
        String title = text(root, "title");
        if (title == null || title.isBlank()) {
            error("title", "title is mandatory (a non-empty string)");
        } else if (title.length() > 256) {
            error("title", "title is longer than 256 characters");
        }
        String status = text(root, "status");
        if (status != null && !STATUSES.contains(status)) {
            error("status", "status \"" + status + "\" is not one of " + String.join(", ", sorted(STATUSES)));
        }
        String level = text(root, "level");
        if (level != null) {
            try {
                Severity.fromSigmaLevel(level);
            } catch (IllegalArgumentException e) {
                error("level", e.getMessage());
            }
        }
        List<String> tags = strings(root.get("tags"), "tags", false);
        String version = text(root, "modified") != null ? text(root, "modified") : text(root, "date");
        JsonNode c = root.get("correlation");
        SigmaCorrelation result = null;
        if (!c.isObject()) {
            error("correlation", "correlation must be a mapping with type, rules, group-by, timespan, condition");
        } else {
            result = correlation(c, title, text(root, "id"), text(root, "name"), status, level, version, tags, start);
        }
        if (!errors.isEmpty()) {
            String reason = String.join("; ", errors);
            return new Outcome(null, new CorrelationProblem(new SourceLocation(source, errorLine), title, reason), null);
        }
        return new Outcome(result, null, null);
    }

    private SigmaCorrelation correlation(JsonNode c, String title, String id, String name, String status,
            String level, String version, List<String> tags, SourceLocation start) {
        for (Iterator<String> keys = c.fieldNames(); keys.hasNext();) {
            String k = keys.next();
            if (!CORRELATION_KEYS.contains(k)) {
                error("correlation." + k, "unknown key correlation." + k + " (expected "
                        + String.join(", ", sorted(CORRELATION_KEYS)) + ")");
            }
        }
        CorrelationType type = type(c);
        List<String> rules = strings(c.get("rules"), "correlation.rules", true);
        if (!c.has("rules")) {
            error("correlation", "correlation.rules is mandatory (names or ids of the correlated rules)");
        } else if (c.get("rules").isArray() && c.get("rules").isEmpty()) {
            error("correlation.rules", "correlation.rules is empty");
        }
        List<String> groupBy = strings(c.get("group-by"), "correlation.group-by", true);
        Duration timespan = timespan(c);
        Map<String, Map<String, String>> aliases = aliases(c.get("aliases"), rules);
        boolean generate = false;
        if (c.has("generate")) {
            if (c.get("generate").isBoolean()) {
                generate = c.get("generate").booleanValue();
            } else {
                error("correlation.generate", "correlation.generate must be true or false");
            }
        }
        CorrelationCondition condition = type == null ? null : new ConditionReader(type, rules.size()).read(c);
        if (type != null && type.isTemporal() && rules.size() < 2 && !rules.isEmpty()) {
            error("correlation.rules", type.sigmaName() + " needs at least two rules");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new SigmaCorrelation(title, id, name, status, level, version, tags, type, rules, groupBy, timespan,
                condition, aliases, generate, start);
    }

    private CorrelationType type(JsonNode c) {
        String t = text(c, "type");
        if (t == null) {
            error("correlation", "correlation.type is mandatory");
            return null;
        }
        CorrelationType type = CorrelationType.fromSigmaName(t);
        if (type == null) {
            List<String> names = new ArrayList<>();
            for (CorrelationType x : CorrelationType.values()) {
                names.add(x.sigmaName());
            }
            error("correlation.type", "unknown correlation type \"" + t + "\" (expected " + String.join(", ", names)
                    + ")");
        }
        return type;
    }

    private Duration timespan(JsonNode c) {
        JsonNode n = c.get("timespan");
        if (n == null) {
            error("correlation", "correlation.timespan is missing (e.g. 30s, 5m, 1h, 1d)");
            return null;
        }
        Matcher m = TIMESPAN.matcher(n.asText());
        if (!n.isTextual() || !m.matches()) {
            error("correlation.timespan", "timespan \"" + n.asText()
                    + "\" is not a number followed by s, m, h, d or w (e.g. 30s, 5m, 1h, 1d)");
            return null;
        }
        long count = Long.parseLong(m.group(1));
        if (count == 0) {
            error("correlation.timespan", "timespan must be greater than zero");
            return null;
        }
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(count);
            case "m" -> Duration.ofMinutes(count);
            case "h" -> Duration.ofHours(count);
            case "d" -> Duration.ofDays(count);
            default -> Duration.ofDays(7 * count);
        };
    }

    private Map<String, Map<String, String>> aliases(JsonNode n, List<String> rules) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!n.isObject()) {
            error("correlation.aliases", "correlation.aliases must map alias -> (rule name -> field)");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> alias = it.next();
            String path = "correlation.aliases." + alias.getKey();
            if (!alias.getValue().isObject()) {
                error(path, "alias " + alias.getKey() + " must map rule name -> field name");
                continue;
            }
            Map<String, String> perRule = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> r = alias.getValue().fields(); r.hasNext();) {
                Map.Entry<String, JsonNode> e = r.next();
                if (!rules.contains(e.getKey())) {
                    error(path + "." + e.getKey(), "alias " + alias.getKey() + " names rule " + e.getKey()
                            + ", which is not in correlation.rules");
                } else if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    error(path + "." + e.getKey(), "alias " + alias.getKey() + ": the field for rule " + e.getKey()
                            + " must be a field name");
                } else {
                    perRule.put(e.getKey(), e.getValue().asText());
                }
            }
            out.put(alias.getKey(), perRule);
        }
        return out;
    }

    /** A string or a list of strings (unique when {@code unique}); absent gives an empty list. */
    private List<String> strings(JsonNode n, String path, boolean unique) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isValueNode()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) {
            error(path, path + " must be a string or a list of strings");
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isValueNode() || e.isNull() || e.asText().isBlank()) {
                error(path + "[" + i + "]", path + "[" + i + "] must be a non-empty string");
            } else if (unique && !seen.add(e.asText())) {
                error(path + "[" + i + "]", path + " lists " + e.asText() + " twice");
            } else {
                out.add(e.asText());
            }
        }
        return out;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    void error(String path, String message) {
        if (errors.isEmpty()) {
            errorLine = doc.lineOf(path);
        }
        errors.add(message);
    }

    /** Reads {@code correlation.condition} for one type. */
    private final class ConditionReader {
        private final CorrelationType type;
        private final int ruleCount;

        ConditionReader(CorrelationType type, int ruleCount) {
            this.type = type;
            this.ruleCount = ruleCount;
        }

        CorrelationCondition read(JsonNode c) {
            JsonNode n = c.get("condition");
            String path = "correlation.condition";
            if (n == null || n.isNull()) {
                if (type.isTemporal()) {
                    return CorrelationCondition.atLeast(ruleCount);
                }
                error("correlation", path + " is mandatory for " + type.sigmaName() + " (e.g. gte: 10)");
                return null;
            }
            if (n.isTextual()) {
                error(path, "extended (boolean expression) conditions are not supported; use a mapping such as gte: 2");
                return null;
            }
            if (!n.isObject()) {
                error(path, path + " must be a mapping such as gte: 10");
                return null;
            }
            if (type == CorrelationType.TEMPORAL_ORDERED) {
                error(path, "temporal_ordered takes no condition: every rule must hit, in the order listed");
                return null;
            }
            for (Iterator<String> keys = n.fieldNames(); keys.hasNext();) {
                String k = keys.next();
                if (!CONDITION_KEYS.contains(k)) {
                    error(path + "." + k, "unknown condition key " + k + " (expected "
                            + String.join(", ", sorted(CONDITION_KEYS)) + ")");
                }
            }
            Double gt = number(n, "gt");
            Double gte = number(n, "gte");
            Double lt = number(n, "lt");
            Double lte = number(n, "lte");
            Double eq = number(n, "eq");
            Double neq = number(n, "neq");
            if (gt != null && gte != null || lt != null && lte != null) {
                error(path, "condition gives two lower or two upper bounds");
            }
            if (gt == null && gte == null && lt == null && lte == null && eq == null && neq == null) {
                error(path, "condition needs one of gt, gte, lt, lte, eq, neq");
            }
            if (eq != null && (gt != null || gte != null || lt != null || lte != null || neq != null)) {
                error(path, "condition eq cannot be combined with another bound");
            }
            Double lower = gt != null ? gt : gte;
            Double upper = lt != null ? lt : lte;
            if (lower != null && upper != null && (lower > upper || lower.equals(upper) && (gt != null || lt != null))) {
                error(path, "condition range is empty: " + CorrelationCondition.number(lower) + " .. "
                        + CorrelationCondition.number(upper));
            }
            return new CorrelationCondition(lower, gte != null, upper, lte != null, eq, neq, fields(n),
                    percentile(n));
        }

        private List<String> fields(JsonNode n) {
            String path = "correlation.condition.field";
            JsonNode f = n.get("field");
            if (f == null) {
                if (type.needsField()) {
                    error("correlation.condition", "condition.field is mandatory for " + type.sigmaName());
                }
                return List.of();
            }
            if (!type.needsField()) {
                error(path, "condition.field is only for the value_* types, not " + type.sigmaName());
                return List.of();
            }
            List<String> fields = strings(f, path, true);
            if (fields.isEmpty()) {
                error(path, "condition.field names no field");
            } else if (fields.size() > 1 && type != CorrelationType.VALUE_COUNT) {
                error(path, type.sigmaName() + " takes one field, not " + fields.size());
            }
            return fields;
        }

        private Integer percentile(JsonNode n) {
            JsonNode p = n.get("percentile");
            if (p == null) {
                return type == CorrelationType.VALUE_PERCENTILE ? 50 : null;
            }
            if (type != CorrelationType.VALUE_PERCENTILE) {
                error("correlation.condition.percentile", "condition.percentile is only for value_percentile");
                return null;
            }
            if (!p.canConvertToInt() || !p.isIntegralNumber() || p.intValue() < 0 || p.intValue() > 100) {
                error("correlation.condition.percentile", "condition.percentile must be an integer 0-100, got "
                        + p.asText());
                return null;
            }
            return p.intValue();
        }

        private Double number(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null) {
                return null;
            }
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                error("correlation.condition." + key, "condition " + key + " must be a number, got \"" + v.asText()
                        + "\"");
                return null;
            }
            return v.doubleValue();
        }
    }
}
