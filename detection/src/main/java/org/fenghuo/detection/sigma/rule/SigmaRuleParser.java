package org.fenghuo.detection.sigma.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.LogSource;

/**
 * Turns one YAML document into a {@link SigmaDocument}: a rule, a filter or an (untouched)
 * correlation. Structure only: modifiers and the condition are checked when compiling.
 */
public final class SigmaRuleParser {
    private SigmaRuleParser() {
    }

    public static SigmaDocument parse(YamlNode document, String file) throws RuleRejection {
        if (!(document instanceof YamlNode.MapNode doc)) {
            throw new RuleRejection(RejectReason.NOT_A_RULE, document.line(), "the document is not a YAML mapping");
        }
        if (doc.get("correlation") != null) {
            return new SigmaDocument.Correlation(file, doc.line(), doc);
        }
        if (doc.get("filter") != null) {
            return new SigmaDocument.Filter(filter(doc, file));
        }
        if (doc.get("detection") == null) {
            throw new RuleRejection(RejectReason.NOT_A_RULE, doc.line(),
                    "no detection, filter or correlation attribute: not a Sigma rule");
        }
        return new SigmaDocument.Rule(rule(doc, file));
    }

    private static SigmaRule rule(YamlNode.MapNode doc, String file) throws RuleRejection {
        String title = required(doc, "title");
        LogSource logsource = logsource(doc);
        Detection detection = detection(mapAt(doc, "detection"), doc.lineOf("detection"));
        String level = optional(doc, "level");
        return new SigmaRule(file, doc.line(), title, optional(doc, "id"), optional(doc, "name"),
                optional(doc, "status"), optional(doc, "description"),
                level == null ? null : level.toLowerCase(Locale.ROOT), optional(doc, "date"),
                optional(doc, "modified"), strings(doc, "tags"), logsource, strings(doc, "fields"),
                strings(doc, "falsepositives"), detection);
    }

    private static SigmaFilter filter(YamlNode.MapNode doc, String file) throws RuleRejection {
        String title = required(doc, "title");
        LogSource logsource = logsource(doc);
        YamlNode.MapNode filter = mapAt(doc, "filter");
        List<String> rules = strings(filter, "rules");
        if (rules.isEmpty()) {
            throw new RuleRejection(RejectReason.INVALID_STRUCTURE, doc.lineOf("filter"), "filter.rules names no rule");
        }
        Map<String, YamlNode> rest = new LinkedHashMap<>(filter.entries());
        rest.remove("rules");
        Map<String, Integer> lines = new LinkedHashMap<>(filter.keyLines());
        lines.remove("rules");
        Detection detection = detection(new YamlNode.MapNode(rest, lines, filter.line()), doc.lineOf("filter"));
        return new SigmaFilter(file, doc.line(), title, optional(doc, "id"), logsource, rules, detection);
    }

    private static LogSource logsource(YamlNode.MapNode doc) throws RuleRejection {
        YamlNode.MapNode ls = mapAt(doc, "logsource");
        return new LogSource(optional(ls, "category"), optional(ls, "product"), optional(ls, "service"));
    }

    private static Detection detection(YamlNode.MapNode det, int line) throws RuleRejection {
        YamlNode cond = det.get("condition");
        if (cond == null) {
            throw new RuleRejection(RejectReason.INVALID_STRUCTURE, line, "detection has no condition");
        }
        List<String> conditions = new ArrayList<>();
        if (cond instanceof YamlNode.ListNode list) {
            for (YamlNode c : list.items()) {
                conditions.add(text(c, "condition"));
            }
        } else {
            conditions.add(text(cond, "condition"));
        }
        if (conditions.isEmpty()) {
            throw new RuleRejection(RejectReason.INVALID_STRUCTURE, cond.line(), "empty condition list");
        }
        Map<String, SearchIdentifier> ids = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : det.entries().entrySet()) {
            String name = e.getKey();
            if (name.equals("condition") || name.equals("timeframe")) {
                continue; // timeframe: Sigma 1 aggregation window, meaningless without an aggregation
            }
            ids.put(name, searchIdentifier(name, e.getValue(), det.lineOf(name)));
        }
        return new Detection(ids, conditions, cond.line());
    }

    private static SearchIdentifier searchIdentifier(String name, YamlNode node, int line) throws RuleRejection {
        List<List<DetectionItem>> alternatives = new ArrayList<>();
        if (node instanceof YamlNode.MapNode map) {
            alternatives.add(items(map));
        } else if (node instanceof YamlNode.ListNode list) {
            List<Object> keywords = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (item instanceof YamlNode.MapNode map) {
                    alternatives.add(items(map));
                } else if (item instanceof YamlNode.Scalar s) {
                    keywords.add(s.value());
                } else {
                    throw new RuleRejection(RejectReason.INVALID_STRUCTURE, item.line(),
                            "search identifier " + name + ": a list inside a list");
                }
            }
            if (!keywords.isEmpty()) {
                alternatives.add(List.of(new DetectionItem(null, List.of(), keywords, line)));
            }
        } else {
            alternatives.add(List.of(new DetectionItem(null, List.of(), List.of(((YamlNode.Scalar) node).value()), line)));
        }
        if (alternatives.isEmpty()) {
            throw new RuleRejection(RejectReason.INVALID_STRUCTURE, line, "search identifier " + name + " is empty");
        }
        return new SearchIdentifier(name, alternatives, line);
    }

    private static List<DetectionItem> items(YamlNode.MapNode map) throws RuleRejection {
        List<DetectionItem> items = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            int line = map.lineOf(e.getKey());
            String[] parts = e.getKey().split("\\|", -1);
            String field = parts[0].isEmpty() ? null : parts[0];
            List<String> modifiers = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                modifiers.add(parts[i].toLowerCase(Locale.ROOT));
            }
            List<Object> values = new ArrayList<>();
            if (e.getValue() instanceof YamlNode.ListNode list) {
                for (YamlNode v : list.items()) {
                    if (!(v instanceof YamlNode.Scalar s)) {
                        throw new RuleRejection(RejectReason.INVALID_STRUCTURE, v.line(),
                                "field " + e.getKey() + ": values must be scalars");
                    }
                    values.add(s.value());
                }
                if (values.isEmpty()) {
                    throw new RuleRejection(RejectReason.INVALID_STRUCTURE, line, "field " + e.getKey() + ": empty value list");
                }
            } else if (e.getValue() instanceof YamlNode.Scalar s) {
                values.add(s.value());
            } else {
                throw new RuleRejection(RejectReason.INVALID_STRUCTURE, line,
                        "field " + e.getKey() + ": a map is not a value");
            }
            items.add(new DetectionItem(field, modifiers, values, line));
        }
        return items;
    }

    private static YamlNode.MapNode mapAt(YamlNode.MapNode doc, String key) throws RuleRejection {
        YamlNode n = doc.get(key);
        if (!(n instanceof YamlNode.MapNode m)) {
            throw new RuleRejection(RejectReason.INVALID_STRUCTURE, n == null ? doc.line() : n.line(),
                    n == null ? "missing " + key : key + " must be a mapping");
        }
        return m;
    }

    private static String required(YamlNode.MapNode doc, String key) throws RuleRejection {
        String v = optional(doc, key);
        if (v == null || v.isBlank()) {
            throw new RuleRejection(RejectReason.INVALID_STRUCTURE, doc.line(), "missing " + key);
        }
        return v;
    }

    private static String optional(YamlNode.MapNode doc, String key) throws RuleRejection {
        YamlNode n = doc.get(key);
        return n == null ? null : text(n, key);
    }

    private static String text(YamlNode n, String what) throws RuleRejection {
        if (!(n instanceof YamlNode.Scalar s)) {
            throw new RuleRejection(RejectReason.INVALID_STRUCTURE, n.line(), what + " must be a single value");
        }
        return s.text();
    }

    private static List<String> strings(YamlNode.MapNode doc, String key) throws RuleRejection {
        YamlNode n = doc.get(key);
        if (n == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (n instanceof YamlNode.ListNode list) {
            for (YamlNode item : list.items()) {
                String t = text(item, key);
                if (t != null) {
                    out.add(t);
                }
            }
        } else {
            String t = text(n, key);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
