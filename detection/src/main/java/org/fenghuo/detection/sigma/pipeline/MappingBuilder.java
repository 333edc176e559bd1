package org.fenghuo.detection.sigma.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.FieldCondition;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.PrefixMapping;

/**
 * Folds the items that apply to one log source into a {@link LogSourceMapping}. A field is renamed
 * once, by the first item (in pipeline order) that covers it: pySigma chains renames instead, but
 * one rename lets a late {@code field_name_prefix} mean "every field nobody mapped".
 */
final class MappingBuilder {
    private final Set<String> pipelines = new LinkedHashSet<>();
    private final Set<FieldCondition> conditions = new LinkedHashSet<>();
    private final Map<String, List<String>> fieldNames = new LinkedHashMap<>();
    private final List<PrefixMapping> prefixes = new ArrayList<>();
    private String unsupported;
    private LogSource source;

    MappingBuilder(LogSource lowerCased) {
        this.source = lowerCased;
    }

    /** Applies {@code item} when it selects the (possibly changed) log source. */
    void offer(ProcessingPipeline pipeline, ProcessingItem item) {
        if (!item.appliesTo(source, !pipelines.isEmpty())) {
            return;
        }
        Transformation t = item.transformation();
        List<FieldCondition> added = null;
        if (t instanceof Transformation.AddCondition a) {
            added = a.forProduct(source.product());
            if (added == null) {
                return; // a ${product} condition for a log source without product: the item does not apply
            }
        }
        pipelines.add(pipeline.name());
        if (t instanceof Transformation.FieldNameMapping m) {
            m.mapping().forEach((sigma, ecs) -> {
                if (!renamed(sigma)) {
                    fieldNames.put(sigma, ecs);
                }
            });
        } else if (t instanceof Transformation.FieldNamePrefixMapping m) {
            prefixes.addAll(m.mapping());
        } else if (t instanceof Transformation.FieldNamePrefix p) {
            prefixes.add(new PrefixMapping("", p.prefix()));
        } else if (added != null) {
            conditions.addAll(added);
        } else if (t instanceof Transformation.ChangeLogSource c) {
            source = new LogSource(c.category() != null ? c.category() : source.category(),
                    c.product() != null ? c.product() : source.product(),
                    c.service() != null ? c.service() : source.service());
        } else if (t instanceof Transformation.RuleFailure f && unsupported == null) {
            unsupported = f.message();
        }
    }

    private boolean renamed(String sigma) {
        return fieldNames.containsKey(sigma) || LogSourceMapping.firstPrefix(prefixes, sigma) != null;
    }

    LogSourceMapping build() {
        return new LogSourceMapping(List.copyOf(pipelines), List.copyOf(conditions), fieldNames, prefixes,
                unsupported);
    }
}
