package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.junit.jupiter.api.Test;

class BlindIndexTest {

    private static final PiiPolicy POLICY = PiiFixtures.policy("""
            fields:
              user.phone: { kind: phone, actions: [encrypt, blind_index] }
              user.name: { actions: [encrypt] }
            """);
    private final InMemoryKeyRing keys = PiiFixtures.keys();
    private final BlindIndex index = new BlindIndex(keys, POLICY);

    @Test
    void everySpellingOfOneNumberGivesOneTerm() {
        String term = index.termFor("user.phone", "13800138000");
        assertThat(term).hasSize(43).matches("[A-Za-z0-9_-]+");
        for (String spelling : new String[] {"+86 138 0013 8000", "+86-138-0013-8000", "008613800138000",
            "(+86)13800138000", "138-0013-8000"}) {
            assertThat(index.termFor("user.phone", spelling)).as(spelling).isEqualTo(term);
        }
        assertThat(index.termFor(PiiKind.PHONE, "13800138001")).isNotEqualTo(term);
    }

    @Test
    void kindSeparatesTermsAndTheKeyMatters() {
        assertThat(index.termFor(PiiKind.TEXT, "13800138000")).isNotEqualTo(index.termFor(PiiKind.PHONE, "13800138000"));
        BlindIndex other = new BlindIndex(PiiFixtures.keys(), POLICY);
        assertThat(other.termFor(PiiKind.PHONE, "13800138000")).isNotEqualTo(index.termFor(PiiKind.PHONE, "13800138000"));
    }

    @Test
    void termsSurviveDataKeyRotation() {
        String before = index.termFor(PiiKind.PHONE, "13800138000");
        keys.rotate();
        assertThat(new BlindIndex(keys, POLICY).termFor(PiiKind.PHONE, "13800138000")).isEqualTo(before);
    }

    @Test
    void fieldWithoutBlindIndexIsRefused() {
        assertThatThrownBy(() -> index.termFor("user.name", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user.name");
        assertThat(BlindIndex.searchField("user.phone")).isEqualTo("fenghuo.pii.blind.user.phone");
    }
}
