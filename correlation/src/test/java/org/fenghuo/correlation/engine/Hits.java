package org.fenghuo.correlation.engine;

import java.time.Instant;
import java.util.List;
import org.fenghuo.detection.sigma.correlation.CorrelationLoadReport;
import org.fenghuo.detection.sigma.correlation.CorrelationLoader;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.SecurityEvent;

/** Correlations from inline YAML and hits built from ECS JSON, so each test shows what it relies on. */
final class Hits {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private Hits() {
    }

    /** The correlations of {@code yaml}; fails when any document is rejected. */
    static List<SigmaCorrelation> correlations(String yaml) {
        CorrelationLoadReport r = new CorrelationLoader().load("test.yml", yaml);
        if (!r.rejected().isEmpty()) {
            throw new AssertionError("rejected: " + r.rejected());
        }
        return r.correlations();
    }

    /** One correlation document titled {@code title}, id {@code id}, with the flow-style {@code correlation:} map. */
    static String rule(String id, String title, String correlation) {
        return "title: " + title + "\nid: " + id + "\ncorrelation: " + correlation + "\n";
    }

    /** A hit of rule {@code rule} (id {@code id-of-<rule>}, name {@code rule}) at T0 + {@code millis}. */
    static RuleHit hit(String rule, String eventId, long millis, String fields) {
        String json = "{\"@timestamp\":\"" + T0.plusMillis(millis) + "\",\"event\":{\"id\":\"" + eventId + "\"}"
                + (fields.isEmpty() ? "" : "," + fields) + "}";
        try {
            SecurityEvent e = EcsJsonCodec.fromJson(json);
            return RuleHit.of("id-of-" + rule, rule, e);
        } catch (EcsJsonException ex) {
            throw new IllegalArgumentException(json, ex);
        }
    }

    /** {@code "source":{"ip":...}} plus {@code more} fields. */
    static String from(String ip, String more) {
        return "\"source\":{\"ip\":\"" + ip + "\"}" + (more.isEmpty() ? "" : "," + more);
    }

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }
}
