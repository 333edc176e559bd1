package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.crypto.pii.PiiFixtures.eventId;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.pii.detect.PiiScanner;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/** Findings of the security review of {@link PiiProtector}: each test failed before its fix. */
class PiiProtectorHardeningTest {

    private static final PiiPolicy POLICY = PiiFixtures.policy("""
            fields:
              fenghuo.contact: { kind: phone, actions: [encrypt, blind_index] }
            scan:
              message: { replace: seal }
              labels: { replace: seal }
              log.syslog.structured_data: { replace: seal }
            reveal:
              roles: [pii-officer]
            """);

    private final InMemoryKeyRing keys = PiiFixtures.keys();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PiiProtector protector = new PiiProtector(POLICY, keys, PiiFixtures.RANDOM, registry);
    private final PiiRevealer revealer = new PiiRevealer(POLICY, keys, r -> { }, java.time.Clock.systemUTC(), registry);
    private static final RevealCaller OFFICER = new RevealCaller("wang", Set.of("pii-officer"));

    private static SecurityEvent.Log syslog(Map<String, Map<String, String>> sd) {
        return new SecurityEvent.Log(null, null, null, null,
                new SecurityEvent.Syslog(null, null, null, null, null, null, null, null, null, null, sd));
    }

    @Test
    void senderChosenKeysWithTheContextSeparatorAreSealedAndOpenAgain() throws Exception {
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-bar"))
                .labels(Map.of("a|b", "tel 13900139000"))
                .log(syslog(Map.of("ev@1", Map.of("p|q", "13900139000"))))
                .extraField("fenghuo.contact", Map.of("x|y", "13800138000"))
                .build();

        SecurityEvent out = protector.protect(in);

        String json = EcsJsonCodec.toJson(out);
        assertThat(json).doesNotContain("13900139000").doesNotContain("13800138000");
        assertThat(PiiScanner.allKinds().scan(json)).isEmpty();
        assertThat(registry.find("fenghuo.pii.failures").counters()).isEmpty();
        SecurityEvent revealed = revealer.reveal(OFFICER, "case 42", EcsJsonCodec.fromJson(json));
        assertThat(revealed.labels()).containsEntry("a|b", "tel 13900139000");
        assertThat(revealed.log().syslog().structuredData().get("ev@1")).containsEntry("p|q", "13900139000");
        assertThat(EcsFieldPath.of("fenghuo.contact").get(revealed)).isEqualTo(Map.of("x|y", "13800138000"));
    }
}
