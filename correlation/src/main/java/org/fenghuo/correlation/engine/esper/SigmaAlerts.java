package org.fenghuo.correlation.engine.esper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.correlation.CorrelationAlerts;
import org.fenghuo.detection.sigma.correlation.GroupKeys;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.fenghuo.events.SecurityEvent;

/**
 * The alert of a Sigma correlation match, built with detection's {@link CorrelationAlerts}: same
 * rule info, evidence, message and so the same alert id for the same hits. The conformance test
 * holds the two engines together.
 */
final class SigmaAlerts {
    private final SigmaCorrelation rule;
    private final RuleInfo info;

    SigmaAlerts(SigmaCorrelation rule) {
        this.rule = rule;
        this.info = CorrelationAlerts.ruleInfo(rule);
    }

    /** The alert at {@code millis} for group {@code key} over the window's events (oldest first). */
    Alert alert(String key, long millis, double measure, List<SecurityEvent> window) {
        List<String> ids = new ArrayList<>();
        Entities entities = Entities.NONE;
        int n = 0;
        for (SecurityEvent e : window) {
            if (n++ == Alerts.MAX_EVIDENCE) {
                break;
            }
            entities = entities.merge(Entities.of(e));
            if (e.event() != null && e.event().id() != null) {
                ids.add(e.event().id());
            }
        }
        return Alerts.of(info, Instant.ofEpochMilli(millis), ids, entities, message(key, measure, window.size()));
    }

    private String message(String key, double measure, int hits) {
        List<String> values = rule.groupBy().isEmpty() ? List.of()
                : GroupKeys.split(key);
        return CorrelationAlerts.message(rule, values, measure, hits);
    }
}
