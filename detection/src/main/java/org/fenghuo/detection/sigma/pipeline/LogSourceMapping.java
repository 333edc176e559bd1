package org.fenghuo.detection.sigma.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The result of the ordered pipelines for one log source.
 *
 * @param pipelines      names of the pipelines that applied, in order (for the rule check report)
 * @param conditions     what an event must satisfy to belong to this log source (all of them), e.g.
 *                       {@code event.category} is one of {@code [network]}; empty: every event
 * @param fieldNames     Sigma field name (case as the rule writes it) to the ECS field names it
 *                       means (more than one: any of them, OR-ed)
 * @param prefixMappings for names not in {@code fieldNames}: the first whose Sigma prefix starts the
 *                       name replaces that prefix (an empty Sigma prefix catches every name without
 *                       a dot: a dotted name is taken as ECS already, as pySigma's ecs_windows does);
 *                       a name matched by neither is used as written
 * @param unsupported    null, or why rules of this log source cannot be evaluated on ECS events (the
 *                       rule is then rejected with this reason)
 */
public record LogSourceMapping(List<String> pipelines, List<FieldCondition> conditions,
        Map<String, List<String>> fieldNames, List<PrefixMapping> prefixMappings, String unsupported) {

    public static final LogSourceMapping IDENTITY = new LogSourceMapping(List.of(), List.of(), Map.of(), null);

    public LogSourceMapping {
        pipelines = List.copyOf(pipelines);
        conditions = List.copyOf(conditions);
        fieldNames = Map.copyOf(fieldNames);
        prefixMappings = List.copyOf(prefixMappings);
    }

    /** Without prefix mappings (the contract's original shape). */
    public LogSourceMapping(List<String> pipelines, List<FieldCondition> conditions,
            Map<String, List<String>> fieldNames, String unsupported) {
        this(pipelines, conditions, fieldNames, List.of(), unsupported);
    }

    /** The ECS names of a Sigma field: the mapping's, else a prefix mapping's, else the name itself. */
    public List<String> ecsNames(String sigmaField) {
        List<String> mapped = fieldNames.get(sigmaField);
        if (mapped != null) {
            return mapped;
        }
        PrefixMapping p = firstPrefix(prefixMappings, sigmaField);
        return List.of(p == null ? sigmaField : p.ecsPrefix() + sigmaField.substring(p.sigmaPrefix().length()));
    }

    /** Whether a pipeline renamed {@code sigmaField} (false: it is used as written). */
    public boolean isMapped(String sigmaField) {
        return fieldNames.containsKey(sigmaField) || firstPrefix(prefixMappings, sigmaField) != null;
    }

    /** The first of {@code prefixes} that starts {@code name}, or null. */
    static PrefixMapping firstPrefix(List<PrefixMapping> prefixes, String name) {
        for (PrefixMapping p : prefixes) {
            boolean catchAll = p.sigmaPrefix().isEmpty();
            if (catchAll ? name.indexOf('.') < 0 : name.startsWith(p.sigmaPrefix())) {
                return p;
            }
        }
        return null;
    }

    /**
     * A log-source condition on an event: {@code field} (ECS dotted name) equals one of
     * {@code anyOf} (case-insensitive; a field holding a list matches when any element does).
     */
    public record FieldCondition(String field, List<String> anyOf) {
        public FieldCondition {
            anyOf = List.copyOf(anyOf);
        }
    }

    /** Names starting with {@code sigmaPrefix} take {@code ecsPrefix} instead of it. */
    public record PrefixMapping(String sigmaPrefix, String ecsPrefix) {
    }
}
