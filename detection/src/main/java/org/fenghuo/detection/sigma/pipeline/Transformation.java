package org.fenghuo.detection.sigma.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.FieldCondition;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.PrefixMapping;

/** What one processing item does to the resolution of a log source (the YAML {@code type}). */
public sealed interface Transformation {

    /** {@code field_name_mapping}: a Sigma name to one or several ECS names (any of them). */
    record FieldNameMapping(Map<String, List<String>> mapping) implements Transformation {
        public FieldNameMapping {
            mapping = Map.copyOf(mapping);
        }
    }

    /** {@code field_name_prefix_mapping}: names starting with a Sigma prefix take the ECS prefix. */
    record FieldNamePrefixMapping(List<PrefixMapping> mapping) implements Transformation {
        public FieldNamePrefixMapping {
            mapping = List.copyOf(mapping);
        }
    }

    /** {@code field_name_prefix}: every name without a dot not renamed before gets {@code prefix} in front. */
    record FieldNamePrefix(String prefix) implements Transformation {
    }

    /**
     * {@code add_condition}: events of the log source must satisfy these. A value may hold
     * {@link #PRODUCT}, replaced by the log source's product (lower case): one item then scopes
     * every product's rules to that product's own events.
     */
    record AddCondition(List<FieldCondition> conditions) implements Transformation {
        public static final String PRODUCT = "${product}";

        public AddCondition {
            conditions = List.copyOf(conditions);
        }

        /** The conditions for a log source of {@code product}; null when they need a product and it has none. */
        List<FieldCondition> forProduct(String product) {
            List<FieldCondition> out = new ArrayList<>(conditions.size());
            for (FieldCondition c : conditions) {
                List<String> values = new ArrayList<>(c.anyOf().size());
                for (String v : c.anyOf()) {
                    if (v.contains(PRODUCT)) {
                        if (product == null) {
                            return null;
                        }
                        v = v.replace(PRODUCT, product);
                    }
                    values.add(v);
                }
                out.add(new FieldCondition(c.field(), values));
            }
            return out;
        }
    }

    /** {@code change_logsource}: later items see this log source (null parts keep theirs). */
    record ChangeLogSource(String category, String product, String service) implements Transformation {
    }

    /** {@code rule_failure}: rules of the log source are rejected with {@code message}. */
    record RuleFailure(String message) implements Transformation {
    }
}
