package org.fenghuo.correlation.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Per-rule suppression: {@code fallback} (YAML {@code default}) for rules no entry matches, {@code rules} in file order.
 * The most specific matching entry wins (an exact id over any glob, the glob with more literal
 * characters over a shorter one, the earlier entry on a tie); entries are not merged.
 */
public record SuppressionSettings(SuppressionRule fallback, List<SuppressionRule> rules) {

    public static SuppressionSettings defaults() {
        return new SuppressionSettings(SuppressionRule.defaults(), List.of());
    }

    public SuppressionSettings {
        fallback = fallback == null ? SuppressionRule.defaults() : fallback;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The entry that applies to {@code ruleId}. */
    public SuppressionRule forRule(String ruleId) {
        SuppressionRule best = null;
        for (SuppressionRule r : rules) {
            if (r.matches(ruleId) && (best == null || r.specificity() > best.specificity())) {
                best = r;
            }
        }
        return best == null ? fallback : best;
    }

    private static final Set<String> RULE_KEYS = Set.of("rule", "dedup_window", "suppress_for", "suppress_entities");
    private static final Duration MAX = Duration.ofDays(365);

    static SuppressionSettings read(YamlNode node, ConfigReader in) {
        if (!in.isMapping(node, "suppression")) {
            return defaults();
        }
        in.onlyKeys(node, "suppression", Set.of("default", "rules"));
        SuppressionRule base = SuppressionRule.defaults();
        YamlNode d = ConfigReader.child(node, "default");
        if (in.isMapping(d, "suppression.default")) {
            in.onlyKeys(d, "suppression.default", Set.of("dedup_window", "suppress_for", "suppress_entities"));
            base = entry(d, "suppression.default", "*", base, in);
        }
        List<SuppressionRule> rules = new ArrayList<>();
        YamlNode list = ConfigReader.child(node, "rules");
        if (list != null && list.list() == null) {
            in.problem(list.line(), "suppression.rules", list.kind(), "a list of {rule, dedup_window, suppress_for, suppress_entities}");
        } else if (list != null) {
            for (int i = 0; i < list.list().size(); i++) {
                YamlNode item = list.list().get(i);
                String path = "suppression.rules[" + i + "]";
                if (item == null || !in.isMapping(item, path)) {
                    continue;
                }
                in.onlyKeys(item, path, RULE_KEYS);
                String rule = in.string(item, path, "rule", null);
                if (rule == null) {
                    in.problem(item.line(), path + ".rule", null, "a rule id or glob such as fenghuo.anomaly.*");
                    continue;
                }
                rules.add(entry(item, path, rule, base, in));
            }
        }
        return new SuppressionSettings(base, rules);
    }

    /** An entry; what it leaves out comes from {@code base} (the default entry). */
    private static SuppressionRule entry(YamlNode n, String path, String rule, SuppressionRule base, ConfigReader in) {
        List<String> entities = ConfigReader.child(n, "suppress_entities") == null ? base.suppressEntities()
                : in.strings(n, path, "suppress_entities");
        for (String e : entities) {
            if (e.contains("/") && !org.fenghuo.detection.anomaly.support.AddressSet.isValid(e)) {
                in.problem(ConfigReader.child(n, "suppress_entities") == null ? n.line()
                        : ConfigReader.child(n, "suppress_entities").line(), path + ".suppress_entities", e,
                        "an IP address, a CIDR block, a user or a host name");
            }
        }
        return new SuppressionRule(rule,
                in.duration(n, path, "dedup_window", base.dedupWindow(), Duration.ZERO, MAX),
                in.duration(n, path, "suppress_for", base.suppressFor(), Duration.ZERO, MAX),
                entities);
    }
}
