package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.junit.jupiter.api.Test;

class SealedTextTest {

    private final InMemoryKeyRing keys = PiiFixtures.keys();
    private final FieldEnvelope envelope = new FieldEnvelope(keys, PiiFixtures.RANDOM);

    @Test
    void tokensOpenAndResealToTheNewKeyVersion() {
        String text = "tel " + SealedText.token(PiiKind.PHONE, envelope.seal("13800138000", "message|d1"))
                + "-x, id " + SealedText.token(PiiKind.ID_NUMBER, envelope.seal("11010519491231002X", "message|d1"));
        keys.rotate();
        String resealed = SealedText.resealAll(text, s -> envelope.seal(envelope.open(s, "message|d1"), "message|d1"));
        assertThat(resealed).contains("[pii:phone:sm4gcm:v1:pii:2:").contains("[pii:id_number:sm4gcm:v1:pii:2:")
                .doesNotContain(":1:");
        assertThat(SealedText.openAll(resealed, (kind, s) -> envelope.open(s, "message|d1")))
                .isEqualTo("tel 13800138000-x, id 11010519491231002X");
    }

    @Test
    void brokenTokensAreMalformedInput() {
        for (String bad : new String[] {"a [pii:phone:sm4gcm:v1:pii:1:AAAA", "[pii:passport:sm4gcm:v1:pii:1:AAAA]",
            "[pii:phone:plain]"}) {
            assertThatThrownBy(() -> SealedText.openAll(bad, (k, s) -> s)).as(bad)
                    .isInstanceOfSatisfying(CryptoFailure.class,
                            f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.MALFORMED_INPUT));
        }
    }
}
