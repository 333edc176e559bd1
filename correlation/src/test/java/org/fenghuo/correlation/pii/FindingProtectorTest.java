package org.fenghuo.correlation.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.DataKey;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.pii.PiiProtector;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.fenghuo.events.Incident;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.IncidentStatus;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class FindingProtectorTest {
    private static final String PHONE = "13812345678";
    private static final Instant T = Instant.parse("2026-11-24T02:00:00Z");
    private static final Entities ENTITIES = new Entities(List.of("203.0.113.7"), List.of("10.1.0.5"),
            List.of("zhangwei", "root"), List.of("jump-1"));

    private static Alert alert(String message) {
        return new Alert("alert-1", T, "fenghuo.anomaly.brute_force", "Brute force", null, Severity.HIGH, 73,
                IncidentCategory.NETWORK_ATTACK, List.of("e1"), ENTITIES, null, null, message);
    }

    private static Incident incident(String title) {
        return new Incident("inc-1", T, T, title, IncidentStatus.values()[0], Severity.HIGH, 80, List.of("alert-1"),
                ENTITIES, null, null, IncidentCategory.NETWORK_ATTACK, null);
    }

    @Test
    void usersAreSealedInTheirDocumentAndQuotedNamesAndFindingsLeaveTheMessage() {
        KeyRing keys = new KeyRingSource.Ephemeral("find-" + UUID.randomUUID()).open();
        FindingProtector protector = new FindingProtector(keys, new SecureRandom());

        Alert safe = protector.protect(alert("25 failed logins for zhangwei and root from 203.0.113.7, callback " + PHONE));

        assertThat(safe.message()).isEqualTo("25 failed logins for [user] and [user] from 203.0.113.7, callback 138****5678")
                .doesNotContain("zhangwei").doesNotContain(PHONE);
        FieldEnvelope envelope = new FieldEnvelope(keys, new SecureRandom());
        assertThat(safe.entities().users()).hasSize(2).allMatch(FieldEnvelope::isSealed);
        assertThat(envelope.open(safe.entities().users().get(0), PiiProtector.context("user.name", "alert-1")))
                .isEqualTo("zhangwei");
        assertThat(safe.entities().sourceIps()).isEqualTo(ENTITIES.sourceIps());
        assertThat(safe.id()).isEqualTo("alert-1");
        // sealing again (a replay) leaves sealed values as they are
        assertThat(protector.protect(safe).entities().users()).isEqualTo(safe.entities().users());
    }

    @Test
    void incidentsAreProtectedInTheirOwnDocument() {
        KeyRing keys = new KeyRingSource.Ephemeral("inc-" + UUID.randomUUID()).open();
        Incident safe = new FindingProtector(keys, new SecureRandom()).protect(incident("Brute force on root from 203.0.113.7"));

        assertThat(safe.title()).isEqualTo("Brute force on [user] from 203.0.113.7");
        assertThat(new FieldEnvelope(keys, new SecureRandom()).open(safe.entities().users().get(1),
                PiiProtector.context("user.name", "inc-1"))).isEqualTo("root");
    }

    @Test
    void anAlertWithoutPersonalDataIsPassedAsIs() {
        FindingProtector protector = new FindingProtector(new KeyRingSource.Ephemeral("x-" + UUID.randomUUID()).open(),
                new SecureRandom());
        Alert plain = new Alert("a", T, "r", "r", null, Severity.LOW, 21, IncidentCategory.NETWORK_ATTACK, null,
                Entities.of("203.0.113.7", null, null, null), null, null, "scan of 40 ports");
        assertThat(protector.protect(plain)).isSameAs(plain);
    }

    @Test
    void whenSealingFailsTheFindingIsRedactedNotDroppedNorLeftInClear() throws Exception {
        KeyRingSource broken = () -> new NoDataKey();
        try (var harness = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(ProtectFindingsFunction.alerts(broken)))) {
            harness.open();
            harness.processElement(alert("failed logins for zhangwei, phone " + PHONE), 0);

            List<Alert> out = harness.extractOutputValues();
            assertThat(out).singleElement().satisfies(a -> {
                assertThat(a.entities().users()).containsExactly(FindingProtector.USER_PLACEHOLDER);
                assertThat(a.message()).isEqualTo("failed logins for [user], phone 138****5678");
                assertThat(a.id()).isEqualTo("alert-1");
            });
        }
    }

    /** Has no data key: every seal fails. */
    private static final class NoDataKey implements KeyRing {
        @Override
        public DataKey currentDataKey() {
            throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "no data key");
        }

        @Override
        public DataKey dataKey(String id, int version) {
            throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "no data key");
        }

        @Override
        public byte[] blindIndexKey() {
            return new byte[32];
        }
    }
}
