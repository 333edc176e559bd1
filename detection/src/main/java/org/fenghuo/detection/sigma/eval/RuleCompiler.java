package org.fenghuo.detection.sigma.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.condition.Condition;
import org.fenghuo.detection.sigma.condition.ConditionParser;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping;
import org.fenghuo.detection.sigma.rule.Detection;
import org.fenghuo.detection.sigma.rule.DetectionItem;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.detection.sigma.rule.RuleRejection;
import org.fenghuo.detection.sigma.rule.SearchIdentifier;

/** Compiles a detection (search identifiers + conditions) into one {@link EventPredicate}. */
public final class RuleCompiler {
    private final ItemCompiler items;

    public RuleCompiler(Map<String, List<String>> placeholders) {
        this.items = new ItemCompiler(placeholders);
    }

    public EventPredicate compile(Detection detection, LogSourceMapping mapping) throws RuleRejection {
        Map<String, EventPredicate> ids = new HashMap<>();
        for (SearchIdentifier id : detection.identifiers().values()) {
            ids.put(id.name(), identifier(id, mapping));
        }
        List<EventPredicate> conditions = new ArrayList<>();
        for (String text : detection.conditions()) {
            Condition c = ConditionParser.parse(text, detection.identifiers().keySet(), detection.conditionLine());
            conditions.add(condition(c, ids));
        }
        return EventPredicate.or(conditions);
    }

    /** A map of {@code field|modifiers: values} on its own (an exception entry): all items AND-ed. */
    public EventPredicate compileItems(List<DetectionItem> itemList, LogSourceMapping mapping) throws RuleRejection {
        List<EventPredicate> and = new ArrayList<>();
        for (DetectionItem item : itemList) {
            and.add(items.compile(item, mapping));
        }
        return EventPredicate.and(and);
    }

    private EventPredicate identifier(SearchIdentifier id, LogSourceMapping mapping) throws RuleRejection {
        List<EventPredicate> or = new ArrayList<>();
        for (List<DetectionItem> alternative : id.alternatives()) {
            if (alternative.isEmpty()) {
                throw new RuleRejection(RejectReason.INVALID_STRUCTURE, id.line(), "empty map in " + id.name());
            }
            or.add(compileItems(alternative, mapping));
        }
        return EventPredicate.or(or);
    }

    private static EventPredicate condition(Condition c, Map<String, EventPredicate> ids) {
        if (c instanceof Condition.Ref r) {
            return ids.get(r.identifier());
        }
        if (c instanceof Condition.Not n) {
            return EventPredicate.not(condition(n.operand(), ids));
        }
        if (c instanceof Condition.And a) {
            return EventPredicate.and(a.operands().stream().map(o -> condition(o, ids)).toList());
        }
        return EventPredicate.or(((Condition.Or) c).operands().stream().map(x -> condition(x, ids)).toList());
    }
}
