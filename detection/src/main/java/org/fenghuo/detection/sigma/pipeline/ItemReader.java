package org.fenghuo.detection.sigma.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.FieldCondition;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.PrefixMapping;

/** Reads and checks one entry of {@code transformations:}. */
final class ItemReader {
    private static final Set<String> COMMON = Set.of("id", "type", "rule_conditions", "rule_cond_op");
    private static final Map<String, Set<String>> TYPE_KEYS = Map.of(
            "field_name_mapping", Set.of("mapping"),
            "field_name_prefix_mapping", Set.of("mapping"),
            "field_name_prefix", Set.of("prefix"),
            "add_condition", Set.of("conditions"),
            "change_logsource", Set.of("category", "product", "service"),
            "rule_failure", Set.of("message"));
    private static final Set<String> LOGSOURCE_KEYS = Set.of("type", "category", "product", "service");

    private ItemReader() {
    }

    static ProcessingItem read(YamlNode item, Checker c) {
        if (!item.isMap()) {
            c.error(item, "a transformation must be a mapping, found " + YamlNode.kind(item));
            return null;
        }
        String id = c.requiredText(item, "id");
        String type = c.requiredText(item, "type");
        if (type == null) {
            return null;
        }
        Set<String> own = TYPE_KEYS.get(type);
        if (own == null) {
            c.error(item.map().get("type"), "unknown transformation type '" + type + "' (known: "
                    + new TreeSet<>(TYPE_KEYS.keySet()) + ")");
            return null;
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(own);
        c.onlyKeys(item.map(), allowed, type + " '" + id + "'");
        Transformation t = transformation(type, item, c);
        List<LogSourceCondition> conditions = conditions(item, c);
        Boolean any = condOp(item, c);
        if (id == null || t == null || conditions == null || any == null) {
            return null;
        }
        return new ProcessingItem(id, t, conditions, any);
    }

    private static Transformation transformation(String type, YamlNode item, Checker c) {
        return switch (type) {
            case "field_name_mapping" -> fieldNameMapping(item, c);
            case "field_name_prefix_mapping" -> prefixMapping(item, c);
            case "field_name_prefix" -> {
                String p = c.requiredText(item, "prefix");
                yield p == null ? null : new Transformation.FieldNamePrefix(p);
            }
            case "add_condition" -> addCondition(item, c);
            case "change_logsource" -> changeLogSource(item, c);
            case "rule_failure" -> {
                String m = c.requiredText(item, "message");
                yield m == null ? null : new Transformation.RuleFailure(m);
            }
            default -> throw new IllegalStateException("type checked above: " + type);
        };
    }

    private static Map<String, YamlNode> nonEmptyMap(YamlNode item, String key, Checker c) {
        YamlNode v = c.required(item, key);
        if (v == null) {
            return null;
        }
        if (!v.isMap() || v.map().isEmpty()) {
            c.error(v, "'" + key + "' must be a non-empty mapping, found " + YamlNode.kind(v));
            return null;
        }
        return v.map();
    }

    private static Transformation fieldNameMapping(YamlNode item, Checker c) {
        Map<String, YamlNode> m = nonEmptyMap(item, "mapping", c);
        if (m == null) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            List<String> names = c.texts(e.getValue(), "mapping." + e.getKey());
            ok &= names != null;
            if (names != null) {
                out.put(e.getKey(), List.copyOf(new LinkedHashSet<>(names)));
            }
        }
        return ok ? new Transformation.FieldNameMapping(out) : null;
    }

    private static Transformation prefixMapping(YamlNode item, Checker c) {
        List<PrefixMapping> out = entries(item, "mapping", c, (key, v) -> {
            String to = c.text(v, "mapping." + key);
            return to == null ? null : new PrefixMapping(key, to);
        });
        return out == null ? null : new Transformation.FieldNamePrefixMapping(out);
    }

    private static Transformation addCondition(YamlNode item, Checker c) {
        List<FieldCondition> out = entries(item, "conditions", c, (key, v) -> {
            List<String> values = c.texts(v, "conditions." + key);
            if (values == null) {
                return null;
            }
            for (String value : values) {
                if (value.replace(Transformation.AddCondition.PRODUCT, "").contains("${")) {
                    c.error(v, "unknown placeholder in conditions." + key + " '" + value + "' (only "
                            + Transformation.AddCondition.PRODUCT + ")");
                    return null;
                }
            }
            return new FieldCondition(key, values);
        });
        return out == null ? null : new Transformation.AddCondition(out);
    }

    /** Each entry of the non-empty mapping {@code key} read by {@code entry}; null if any was bad. */
    private static <T> List<T> entries(YamlNode item, String key, Checker c, BiFunction<String, YamlNode, T> entry) {
        Map<String, YamlNode> m = nonEmptyMap(item, key, c);
        if (m == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        boolean ok = true;
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            T t = entry.apply(e.getKey(), e.getValue());
            ok &= t != null;
            out.add(t);
        }
        return ok ? out : null;
    }

    private static Transformation changeLogSource(YamlNode item, Checker c) {
        LogSource to = logSourceParts(item, c, "change_logsource");
        return to == null ? null : new Transformation.ChangeLogSource(LogSourceCondition.lower(to.category()),
                LogSourceCondition.lower(to.product()), LogSourceCondition.lower(to.service()));
    }

    /** category, product and service of {@code node}, at least one of them set; null (reported) if none. */
    private static LogSource logSourceParts(YamlNode node, Checker c, String what) {
        String category = c.optionalText(node, "category");
        String product = c.optionalText(node, "product");
        String service = c.optionalText(node, "service");
        if (category == null && product == null && service == null) {
            c.error(node, what + " needs at least one of category, product, service");
            return null;
        }
        return new LogSource(category, product, service);
    }

    private static List<LogSourceCondition> conditions(YamlNode item, Checker c) {
        YamlNode v = item.map().get("rule_conditions");
        if (v == null) {
            return List.of();
        }
        if (!v.isList()) {
            c.error(v, "'rule_conditions' must be a list, found " + YamlNode.kind(v));
            return null;
        }
        List<LogSourceCondition> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode cond : v.list()) {
            LogSourceCondition lc = logSourceCondition(cond, c);
            ok &= lc != null;
            if (lc != null) {
                out.add(lc);
            }
        }
        return ok ? out : null;
    }

    private static LogSourceCondition logSourceCondition(YamlNode cond, Checker c) {
        if (!cond.isMap()) {
            c.error(cond, "a rule condition must be a mapping, found " + YamlNode.kind(cond));
            return null;
        }
        String type = c.requiredText(cond, "type");
        if (type == null) {
            return null;
        }
        if (type.equals("unmapped")) {
            c.onlyKeys(cond.map(), Set.of("type"), "unmapped condition");
            return LogSourceCondition.unmappedSoFar();
        }
        if (!type.equals("logsource")) {
            c.error(cond.map().get("type"), "unsupported rule condition type '" + type + "' (logsource or unmapped)");
            return null;
        }
        c.onlyKeys(cond.map(), LOGSOURCE_KEYS, "logsource condition");
        LogSource parts = logSourceParts(cond, c, "a logsource condition");
        return parts == null ? null : new LogSourceCondition(parts.category(), parts.product(), parts.service());
    }

    private static Boolean condOp(YamlNode item, Checker c) {
        YamlNode v = item.map().get("rule_cond_op");
        if (v == null) {
            return false;
        }
        String op = v.text();
        if ("and".equals(op) || "or".equals(op)) {
            return "or".equals(op);
        }
        c.error(v, "'rule_cond_op' must be 'and' or 'or', found '" + v.value() + "'");
        return null;
    }
}
