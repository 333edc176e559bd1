package org.fenghuo.detection.sigma.correlation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.SecurityEvent;

/** The hand-written correlation files under src/test/resources/sigma/correlation, and events to hit them with. */
final class CorrelationFixtures {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private CorrelationFixtures() {
    }

    static String text(String file) {
        try (InputStream in = CorrelationFixtures.class.getResourceAsStream("/sigma/correlation/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The correlations of one fixture file; fails the test when any document is rejected. */
    static List<SigmaCorrelation> load(String file) {
        CorrelationLoadReport r = new CorrelationLoader().load(file, text(file));
        if (!r.rejected().isEmpty()) {
            throw new AssertionError("fixture " + file + " rejected: " + r.rejected());
        }
        return r.correlations();
    }

    /** An event from ECS JSON fields (the part inside the braces), at T0 + {@code offset}, with event.id {@code id}. */
    static SecurityEvent event(String id, Duration offset, String fields) {
        String json = "{\"@timestamp\":\"" + T0.plus(offset) + "\",\"event\":{\"id\":\"" + id + "\"}"
                + (fields.isEmpty() ? "" : "," + fields) + "}";
        try {
            return EcsJsonCodec.fromJson(json);
        } catch (EcsJsonException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static RuleHit hit(String rule, String id, Duration offset, String fields) {
        return RuleHit.of("id-of-" + rule, rule, event(id, offset, fields));
    }
}
