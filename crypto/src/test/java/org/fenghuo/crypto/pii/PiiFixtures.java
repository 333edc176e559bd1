package org.fenghuo.crypto.pii;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.util.List;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.crypto.pii.policy.PiiPolicyException;
import org.fenghuo.events.SecurityEvent;

/** Shared test set-up: a key ring, a registry, policies from text. */
final class PiiFixtures {

    static final SecureRandom RANDOM = new SecureRandom();

    private PiiFixtures() {
    }

    static InMemoryKeyRing keys() {
        return new InMemoryKeyRing("pii", RANDOM);
    }

    static PiiPolicy policy(String yaml) {
        try {
            return PiiPolicy.parse(yaml, "test.yml");
        } catch (PiiPolicyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static double count(SimpleMeterRegistry registry, String name, String tag, String value) {
        var c = registry.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    static SecurityEvent.EventInfo eventId(String id) {
        return new SecurityEvent.EventInfo(id, "event", List.of("iam"), null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
