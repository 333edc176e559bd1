package org.fenghuo.correlation.pack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEventBuilder;

/**
 * An alert as a {@link RuleHit} for the correlation pack: the hit's event carries what EPL groups
 * on. The first value of each entity list becomes {@code source.ip}, {@code destination.ip},
 * {@code user.name}, {@code host.name} (a horizontal scan has one source and many destinations:
 * all addresses are in {@code related.ip}); {@code event.kind: alert}, {@code event.id} the alert's
 * id (the evidence chain of a correlation alert), {@code event.severity} its risk score,
 * {@code rule.id}, {@code rule.name}, {@code message}.
 */
public final class AlertHits {
    private AlertHits() {
    }

    public static RuleHit of(Alert alert) {
        Entities e = alert.entities();
        SecurityEventBuilder b = SecurityEvent.builder()
                .timestamp(alert.timestamp())
                .message(alert.message())
                .event(new SecurityEvent.EventInfo(alert.id(), "alert", null, null, null, null, "fenghuo", null, null,
                        alert.riskScore(), null, null, null, null, null, null))
                .source(endpoint(first(e.sourceIps())))
                .destination(endpoint(first(e.destinationIps())))
                .user(first(e.users()) == null ? null : new SecurityEvent.User(first(e.users()), null, null))
                .host(first(e.hosts()) == null ? null : new SecurityEvent.Host(null, first(e.hosts()), null))
                .extraField("rule.id", alert.ruleId());
        if (alert.ruleName() != null) {
            b.extraField("rule.name", alert.ruleName());
        }
        List<String> related = related(e);
        if (!related.isEmpty()) {
            b.extraField("related.ip", related);
        }
        SecurityEvent event = b.build();
        return new RuleHit(alert.ruleId(), alert.ruleName(), alert.timestamp(), event);
    }

    private static SecurityEvent.Endpoint endpoint(String ip) {
        return ip == null ? null : new SecurityEvent.Endpoint(ip, null, null, null, null, null, null);
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> related(Entities e) {
        Set<String> all = new LinkedHashSet<>(e.sourceIps());
        all.addAll(e.destinationIps());
        return new ArrayList<>(all);
    }
}
