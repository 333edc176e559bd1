package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fenghuo.crypto.pii.PiiFixtures.eventId;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.AuditTrail;
import org.fenghuo.crypto.audit.AuditVerifier;
import org.fenghuo.crypto.audit.CheckpointPolicy;
import org.fenghuo.crypto.audit.InMemorySigningKeys;
import org.fenghuo.crypto.audit.StoredEntry;
import org.fenghuo.crypto.audit.VerificationKeys;
import org.fenghuo.crypto.audit.VerificationReport;
import org.fenghuo.crypto.audit.store.FileAuditStore;
import org.fenghuo.crypto.audit.store.FsyncPolicy;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailRevealSinkTest {

    private static final PiiPolicy POLICY = PiiFixtures.policy("""
            fields:
              user.id: { kind: id_number, actions: [encrypt] }
            reveal:
              roles: [pii-officer]
            """);

    @TempDir
    Path dir;

    @Test
    void revealAttemptsLandInAVerifiableTrailWithoutPlaintext() throws Exception {
        InMemoryKeyRing keys = PiiFixtures.keys();
        InMemorySigningKeys signing = new InMemorySigningKeys("audit", PiiFixtures.RANDOM);
        Path file = dir.resolve("audit.jsonl");
        SecurityEvent stored = new PiiProtector(POLICY, keys, PiiFixtures.RANDOM, new SimpleMeterRegistry())
                .protect(SecurityEvent.builder().event(eventId("doc-77"))
                        .user(new SecurityEvent.User(null, "11010519491231002X", null)).build());
        try (AuditTrail trail = AuditTrail.open(FileAuditStore.open(file, FsyncPolicy.EVERY_ENTRY), signing,
                CheckpointPolicy.DEFAULT, Clock.systemUTC(), PiiFixtures.RANDOM)) {
            PiiRevealer revealer = new PiiRevealer(POLICY, keys, new AuditTrailRevealSink(trail), Clock.systemUTC(),
                    new SimpleMeterRegistry());
            assertThat(revealer.reveal(new RevealCaller("wang", Set.of("pii-officer")), "case 7", stored).user().id())
                    .isEqualTo("11010519491231002X");
            assertThatThrownBy(() -> revealer.reveal(new RevealCaller("zhao", Set.of("analyst")), "curious", stored))
                    .isInstanceOf(CryptoFailure.class);
            trail.checkpoint();
        }
        List<StoredEntry> entries = FileAuditStore.read(file);
        String all = String.join("\n", entries.stream().map(e -> new String(e.json(), StandardCharsets.UTF_8)).toList());
        assertThat(all).contains("\"pii.reveal\"").contains("doc-77").contains("\"success\"").contains("\"denied\"")
                .contains("zhao").contains("user.id").doesNotContain("11010519491231002X");
        VerificationReport report = new AuditVerifier(VerificationKeys.of(signing)).verify(entries);
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.recordsChecked()).as("trail start record + two reveal attempts").isEqualTo(3);
    }
}
