package org.fenghuo.crypto.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SealedValueContextTest {

    @Test
    void theLengthPrefixKeepsEveryPairDistinctEvenWithTheSeparatorInThePath() {
        // field "a|b" of document "c" and field "a" of document "b|c" were both "a|b|c"
        assertThat(SealedValueContext.of("a|b", "c")).isEqualTo("3:a|b|c");
        assertThat(SealedValueContext.of("a", "b|c")).isEqualTo("1:a|b|c");
        assertThat(SealedValueContext.of("user.email", "ev-1")).isEqualTo("10:user.email|ev-1");
        assertThat(SealedValueContext.of("", "x")).isEqualTo("0:|x");
    }

    @Test
    void theDefaultContextOfADocumentFieldWithTheSeparatorIsItsOwnContext() {
        var source = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        source.putObject("event").put("id", "ev-1");
        assertThat(SealedValueContext.ECS_EVENT_ID.contextOf("user.name", source)).isEqualTo("9:user.name|ev-1");
        assertThat(SealedValueContext.ECS_EVENT_ID.contextOf("odd|key", source)).isEqualTo("7:odd|key|ev-1");
    }
}
