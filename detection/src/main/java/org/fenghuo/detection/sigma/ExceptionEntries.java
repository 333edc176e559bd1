package org.fenghuo.detection.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping;
import org.fenghuo.detection.sigma.rule.DetectionItem;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.detection.sigma.rule.RuleRejection;
import org.fenghuo.detection.sigma.rule.YamlNode;
import org.fenghuo.detection.sigma.eval.EventPredicate;
import org.fenghuo.detection.sigma.eval.RuleCompiler;

/**
 * One rule's exceptions: a map (or a list of maps, OR-ed) of ECS field (with Sigma modifiers) to
 * values, read like a Sigma selection: fields AND-ed, values OR-ed. Field names are ECS as
 * written: analysts tune against the events they see, not the rule's taxonomy.
 */
final class ExceptionEntries {
    private ExceptionEntries() {
    }

    static List<EventPredicate> compile(YamlNode node, RuleCompiler compiler, int line) throws RuleRejection {
        List<YamlNode> maps = node instanceof YamlNode.ListNode l ? l.items() : List.of(node);
        List<EventPredicate> out = new ArrayList<>();
        for (YamlNode m : maps) {
            if (!(m instanceof YamlNode.MapNode map) || map.entries().isEmpty()) {
                throw new RuleRejection(RejectReason.INVALID_STRUCTURE, m.line(), "an exception is a map of field to values");
            }
            List<DetectionItem> items = new ArrayList<>();
            for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
                String[] parts = e.getKey().split("\\|", -1);
                List<Object> values = new ArrayList<>();
                if (e.getValue() instanceof YamlNode.ListNode list) {
                    for (YamlNode v : list.items()) {
                        values.add(scalar(v));
                    }
                } else {
                    values.add(scalar(e.getValue()));
                }
                items.add(new DetectionItem(parts[0], List.of(parts).subList(1, parts.length).stream()
                        .map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList(), values, map.lineOf(e.getKey())));
            }
            out.add(compiler.compileItems(items, LogSourceMapping.IDENTITY));
        }
        if (out.isEmpty()) {
            throw new RuleRejection(RejectReason.INVALID_STRUCTURE, line, "empty exception list");
        }
        return out;
    }

    private static Object scalar(YamlNode n) throws RuleRejection {
        if (!(n instanceof YamlNode.Scalar s)) {
            throw new RuleRejection(RejectReason.INVALID_STRUCTURE, n.line(), "exception values must be scalars");
        }
        return s.value();
    }
}
