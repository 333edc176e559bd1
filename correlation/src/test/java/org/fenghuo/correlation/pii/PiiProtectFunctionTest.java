package org.fenghuo.correlation.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.fenghuo.correlation.types.SecurityEventSerializer;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.DataKey;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.pii.BlindIndex;
import org.fenghuo.crypto.pii.PiiKind;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.crypto.pii.detect.PiiScanner;
import org.fenghuo.crypto.pii.sample.PersonalValues;
import org.fenghuo.crypto.pii.sample.PiiCorpus;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class PiiProtectFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PersonalValues VALUES = new PersonalValues(new Random(20261124));
    private static final String ID_NUMBER = VALUES.idNumber(false);
    private static final String PHONE = VALUES.phone();

    /** An SSH login of a user whose login is an ID number, with an ID and a phone number in the message. */
    private static SecurityEvent personalEvent(String id) {
        SecurityEvent ssh = TestEvents.sshFailure(id, Instant.parse("2026-11-23T10:00:00Z"), "10.0.0.9");
        return ssh.toBuilder()
                .message("Failed password for " + ID_NUMBER + " (mobile " + PHONE + ") from 10.0.0.9 port 40022 ssh2")
                .user(new SecurityEvent.User(ID_NUMBER, null, null))
                .build();
    }

    private static OneInputStreamOperatorTestHarness<SecurityEvent, SecurityEvent> harness(KeyRingSource keys)
            throws Exception {
        // events carry nested maps (extra): copied with the job's serializer, as in the job, not Kryo
        var harness = new OneInputStreamOperatorTestHarness<SecurityEvent, SecurityEvent>(
                new ProcessOperator<>(new PiiProtectFunction(PiiSettings.ephemeral(), keys)), SecurityEventSerializer.INSTANCE);
        harness.setup(SecurityEventSerializer.INSTANCE);
        harness.open();
        return harness;
    }

    @Test
    void protectedEventLeavesWithoutPlaintextButWithBlindTerms() throws Exception {
        KeyRingSource keys = new KeyRingSource.Ephemeral("test-" + UUID.randomUUID());
        SecurityEvent flow = TestEvents.sshFailure("no-pii", Instant.parse("2026-11-23T10:00:00Z"), "10.0.0.9")
                .toBuilder().message("connection closed").event(null).build();
        try (var harness = harness(keys)) {
            harness.processElement(personalEvent("evt-1"), 0);
            harness.processElement(flow, 0);

            List<SecurityEvent> out = harness.extractOutputValues();
            assertThat(out).hasSize(2);
            String stored = EcsJsonCodec.toJson(out.get(0));
            assertThat(stored).doesNotContain(ID_NUMBER).doesNotContain(PHONE)
                    .doesNotContain(PHONE.substring(3, 7)); // not even the middle of the phone number
            JsonNode doc = JSON.readTree(stored);
            assertThat(doc.at("/user/name").asText()).startsWith("sm4gcm:v1:ephemeral:1:");
            assertThat(doc.at("/message").asText()).contains("[pii:id_number:sm4gcm:v1:").contains("[pii:phone:");

            BlindIndex blind = new BlindIndex(keys.open(), PiiPolicy.defaults());
            assertThat(terms(doc)).contains(blind.termFor(PiiKind.ID_NUMBER, ID_NUMBER), blind.termFor(PiiKind.PHONE, PHONE),
                    blind.termFor("user.name", ID_NUMBER));
            // nothing personal in the second event: passed on as it was
            assertThat(out.get(1)).isEqualTo(flow);
            assertThat(harness.getSideOutput(PiiProtectFunction.FAILURES)).isNull();
        }
    }

    /** {@code fenghuo.pii.terms}, whether written nested or with a dotted key. */
    private static List<String> terms(JsonNode doc) {
        JsonNode terms = doc.at("/fenghuo/pii/terms");
        if (terms.isMissingNode()) {
            terms = doc.path(BlindIndex.TERMS_FIELD);
        }
        return JSON.convertValue(terms, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    /** The crypto module's corpus (IDs, phones, cards, e-mails, plates in many fields and spellings) through the operator. */
    @Test
    void noPersonalDataOfTheCorpusLeavesTheOperator() throws Exception {
        List<PiiCorpus.Sample> samples = PiiCorpus.standard().samples(500);
        try (var harness = harness(new KeyRingSource.Ephemeral("corpus-" + UUID.randomUUID()))) {
            for (PiiCorpus.Sample s : samples) {
                harness.processElement(s.event(), 0);
            }
            List<SecurityEvent> out = harness.extractOutputValues();
            assertThat(out).hasSize(samples.size());
            assertThat(harness.getSideOutput(PiiProtectFunction.FAILURES)).isNull();

            PiiScanner scanner = PiiScanner.allKinds();
            List<String> leaks = new ArrayList<>();
            int planted = 0;
            for (int i = 0; i < out.size(); i++) {
                String json = EcsJsonCodec.toJson(out.get(i));
                scanner.scan(json).forEach(span -> leaks.add(span.kind() + " found in " + json));
                for (PiiCorpus.Planted p : samples.get(i).planted()) {
                    planted++;
                    if (json.contains(p.written()) || json.contains(p.canonical())) {
                        leaks.add(p.kind() + " " + p.field() + " left in clear");
                    }
                }
            }
            assertThat(planted).as("the corpus plants personal data").isGreaterThan(500);
            assertThat(leaks).isEmpty();
        }
    }

    @Test
    void anEventThatCannotBeProtectedBecomesADeadLetterWithoutItsContent() throws Exception {
        KeyRingSource missingKeys = () -> new FailingKeyRing(new CryptoFailure(CryptoFailure.Reason.MISSING_KEY,
                "no data key fenghuo v7"));
        try (var harness = harness(missingKeys)) {
            harness.processElement(personalEvent("evt-2"), 0);

            assertThat(harness.extractOutputValues()).as("nothing stored in clear").isEmpty();
            List<DeadLetter> letters = harness.getSideOutput(PiiProtectFunction.FAILURES).stream()
                    .map(StreamRecord::getValue).toList();
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).isEqualTo("pii_protection_failed: MISSING_KEY: no data key fenghuo v7");
                assertThat(letter.origin()).isEqualTo("event.id evt-2");
                assertThat(letter.input()).isEqualTo("correlation.pii");
                assertThat(letter.rawBase64()).isNull();
                assertThat(letter.rawLength()).isZero();
            });
        }
    }

    @Test
    void aFailureWhoseMessageQuotesTheValueKeepsOnlyItsType() throws Exception {
        KeyRingSource leaky = () -> new FailingKeyRing(new IllegalStateException("cannot seal " + ID_NUMBER));
        try (var harness = harness(leaky)) {
            harness.processElement(personalEvent("evt-3"), 0);

            assertThat(harness.extractOutputValues()).isEmpty();
            DeadLetter letter = harness.getSideOutput(PiiProtectFunction.FAILURES).peek().getValue();
            assertThat(letter.reason()).isEqualTo("pii_protection_failed: java.lang.IllegalStateException")
                    .doesNotContain(ID_NUMBER);
        }
    }

    @Test
    void theFunctionTravelsInTheJobGraphWithLocationsOnly() throws Exception {
        PiiSettings settings = PiiSettings.keystore(java.nio.file.Path.of("/etc/fenghuo/keystore.bcfks"), null);
        PiiProtectFunction copy = org.apache.flink.util.InstantiationUtil.clone(new PiiProtectFunction(settings));
        byte[] bytes = org.apache.flink.util.InstantiationUtil.serializeObject(copy);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/etc/fenghuo/keystore.bcfks");
        assertThat(org.apache.flink.util.InstantiationUtil.clone(new DeadLetterMasking())).isNotNull();
    }

    /** Gives the blind-index key (so indexing works) but fails where a value is sealed. */
    private record FailingKeyRing(RuntimeException failure) implements KeyRing {
        @Override
        public DataKey currentDataKey() {
            throw failure;
        }

        @Override
        public DataKey dataKey(String id, int version) {
            throw failure;
        }

        @Override
        public byte[] blindIndexKey() {
            return new byte[32];
        }
    }
}
