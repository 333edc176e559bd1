package org.fenghuo.correlation.pack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;

/** Detector alerts and raw events as the pack sees them, and one run of the pack over them. */
final class PackRun {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private PackRun() {
    }

    /** An alert of rule {@code ruleId} at T0 + {@code seconds} about {@code entities}. */
    static Alert alert(String ruleId, long seconds, Entities entities) {
        RuleInfo rule = new RuleInfo(ruleId, "rule " + ruleId, "1", Severity.MEDIUM, IncidentCategory.NETWORK_ATTACK,
                List.of(), List.of());
        return Alerts.of(rule, T0.plusSeconds(seconds), List.of("ev-" + ruleId + "-" + seconds), entities,
                "test alert " + ruleId);
    }

    static RuleHit hit(String ruleId, long seconds, Entities entities) {
        return AlertHits.of(alert(ruleId, seconds, entities));
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Runs the pack with {@code settings} over {@code hits} (time-ordered), a watermark after each, then far ahead. */
    static List<Alert> run(PackSettings settings, List<RuleHit> hits) {
        List<Alert> out = new ArrayList<>();
        try (EsperAlertCorrelator c = new EsperAlertCorrelator(List.of(), BuiltInPack.rules(settings), out::add)) {
            if (!c.rejected().isEmpty()) {
                throw new AssertionError("rejected: " + c.rejected());
            }
            for (RuleHit h : hits) {
                c.accept(h);
                c.advanceWatermark(h.timestamp());
            }
            if (!hits.isEmpty()) {
                c.advanceWatermark(hits.get(hits.size() - 1).timestamp().plusSeconds(7 * 24 * 3600));
            }
        }
        return out;
    }

    /** Raw events through {@link MarkerHits}. */
    static List<RuleHit> marks(PackSettings settings, SecurityEvent... events) {
        MarkerHits m = new MarkerHits(settings);
        List<RuleHit> out = new ArrayList<>();
        for (SecurityEvent e : events) {
            out.addAll(m.of(e));
        }
        return out;
    }
}
