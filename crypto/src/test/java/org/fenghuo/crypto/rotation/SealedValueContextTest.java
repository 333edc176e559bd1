package org.fenghuo.crypto.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fenghuo.crypto.CryptoFailure;
import org.junit.jupiter.api.Test;

class SealedValueContextTest {

    @Test
    void aFieldPathWithTheSeparatorIsRefusedSoNoTwoPairsShareAContext() {
        // field "a|b" of document "c" and field "a" of document "b|c" were both "a|b|c"
        assertThatThrownBy(() -> SealedValueContext.of("a|b", "c")).isInstanceOfSatisfying(CryptoFailure.class,
                e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.MALFORMED_INPUT)).hasMessageContaining("a|b");
        assertThat(SealedValueContext.of("a", "b|c")).isEqualTo("a|b|c");
        assertThat(SealedValueContext.of("user.email", "ev-1")).isEqualTo("user.email|ev-1");
    }

    @Test
    void theDefaultContextOfADocumentFieldWithTheSeparatorIsAFailureNotAnotherFieldsContext() {
        var source = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        source.putObject("event").put("id", "ev-1");
        assertThat(SealedValueContext.ECS_EVENT_ID.contextOf("user.name", source)).isEqualTo("user.name|ev-1");
        assertThatThrownBy(() -> SealedValueContext.ECS_EVENT_ID.contextOf("odd|key", source))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("MALFORMED_INPUT");
    }
}
