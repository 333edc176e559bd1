package org.fenghuo.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import org.fenghuo.crypto.CryptoFailure;
import org.junit.jupiter.api.Test;

class WrappedDataKeyTest {

    private final SecureRandom random = new SecureRandom();
    private final byte[] kek = bytes(16);
    private final DataKey key = new DataKey("pii", 3, bytes(16));
    private final Instant created = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void unwrapsToTheSameKeyWithItsKekVersionAndDate() {
        byte[] wrapped = WrappedDataKey.wrap(key, created, 2, kek, random);
        WrappedDataKey.Unwrapped out = WrappedDataKey.unwrap(wrapped, EntryAlias.of(KeyPurpose.DATA, "pii", 3),
                v -> v == 2 ? kek : null);
        assertThat(out.key().material()).isEqualTo(key.material());
        assertThat(out.kekVersion()).isEqualTo(2);
        assertThat(out.created()).isEqualTo(created);
    }

    @Test
    void aWrappedKeyUnderAnotherNameOrDateOrKekDoesNotUnwrap() {
        byte[] wrapped = WrappedDataKey.wrap(key, created, 2, kek, random);
        assertThatThrownBy(() -> WrappedDataKey.unwrap(wrapped, EntryAlias.of(KeyPurpose.DATA, "pii", 4), v -> kek))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED));
        byte[] redated = wrapped.clone();
        redated[12] ^= 1;
        assertThatThrownBy(() -> WrappedDataKey.unwrap(redated, EntryAlias.of(KeyPurpose.DATA, "pii", 3), v -> kek))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED));
        assertThatThrownBy(() -> WrappedDataKey.unwrap(wrapped, EntryAlias.of(KeyPurpose.DATA, "pii", 3), v -> bytes(16)))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void anAbsentKekIsAMissingKeyAndAShortEntryIsMalformed() {
        byte[] wrapped = WrappedDataKey.wrap(key, created, 2, kek, random);
        EntryAlias alias = EntryAlias.of(KeyPurpose.DATA, "pii", 3);
        assertThatThrownBy(() -> WrappedDataKey.unwrap(wrapped, alias, v -> null))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.MISSING_KEY))
                .hasMessageContaining("KEK v2");
        assertThatThrownBy(() -> WrappedDataKey.unwrap(new byte[16], alias, v -> kek))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.MALFORMED_KEY))
                .hasMessageContaining("data:pii:3");
    }

    @Test
    void aliasesRoundTripAndForeignNamesAreIgnored() {
        assertThat(EntryAlias.parse("data:pii:3")).isEqualTo(EntryAlias.of(KeyPurpose.DATA, "pii", 3));
        assertThat(EntryAlias.parse(EntryAlias.of(KeyPurpose.BLIND_INDEX, "x", 1).toString()))
                .isEqualTo(EntryAlias.of(KeyPurpose.BLIND_INDEX, "x", 1));
        assertThat(EntryAlias.parse("mykey")).isNull();
        assertThat(EntryAlias.parse("data:pii:0")).isNull();
        assertThat(EntryAlias.parse("tls:pii:1")).isNull();
    }

    private byte[] bytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }
}
