package org.fenghuo.detection.sigma;

import java.util.List;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.rule.SigmaRule;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/** A rule that matched an event. */
public record SigmaMatch(SigmaRule rule, RuleInfo info, SecurityEvent event) {

    /** The alert for this match (deterministic id: the same event and rule give the same alert id). */
    public Alert toAlert() {
        return Alerts.of(info, List.of(event), "Sigma rule matched: " + rule.title());
    }
}
