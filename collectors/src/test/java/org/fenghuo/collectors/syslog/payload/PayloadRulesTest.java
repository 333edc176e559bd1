package org.fenghuo.collectors.syslog.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PayloadRulesTest {

    @Test
    void defaultRulesDetectBySignatureInOrderWithKvLast() {
        assertThat(PayloadRules.defaults().parserNames()).containsExactly("cef", "leef", "json", "cisco-asa",
                "fortigate", "paloalto", "huawei-usg", "h3c", "kv");
        PayloadRules rules = PayloadRules.defaults();
        assertThat(rules.select(new PayloadInput("h", null, "CEF:0|a|b|c|d|e|5|src=1.2.3.4 x=y")).parser()).isEqualTo("cef");
        assertThat(rules.select(new PayloadInput("h", null, "a=1 b=2")).parser()).isEqualTo("kv");
        assertThat(rules.select(new PayloadInput("h", "sshd", "Accepted password for root")).parser()).isNull();
    }

    @Test
    void otherRegisteredParsersGoBeforeTheFallback() {
        PayloadParser mine = new PayloadParser() {
            @Override
            public String name() {
                return "sshd";
            }

            @Override
            public PayloadResult parse(PayloadInput input) {
                return "sshd".equals(input.appName())
                        ? new PayloadResult.Parsed(new EcsFields().put("event.action", "ssh_login"))
                        : PayloadResult.NOT_MINE;
            }
        };
        PayloadRules rules = PayloadRules.defaults(PayloadParserRegistry.standard().with(mine));
        assertThat(rules.parserNames()).endsWith("sshd", "kv");
        assertThat(rules.select(new PayloadInput("h", "sshd", "a=1 b=2")).parser()).isEqualTo("sshd");
    }

    @Test
    void hostAppNameAndPatternConditions() {
        PayloadRules rules = PayloadRules.of(List.of(
                new PayloadRule("kv", "CAM-??.city.*", null, null),
                new PayloadRule("json", null, "edge-*", Pattern.compile("^\\s*\\{")),
                new PayloadRule("cef", null, null, null)), PayloadParserRegistry.standard());
        assertThat(rules.select(new PayloadInput("cam-07.city.example", null, "a=1 b=2")).parser()).isEqualTo("kv");
        assertThat(rules.select(new PayloadInput("cam-007.city.example", null, "a=1 b=2")).parser()).isNull();
        assertThat(rules.select(new PayloadInput("x", "edge-agent", "{\"a\":1}")).parser()).isEqualTo("json");
        assertThat(rules.select(new PayloadInput("x", "other", "{\"a\":1}")).parser()).isNull();
        assertThat(Glob.matches("*fw*", "city-FW-01")).isTrue();
        assertThat(Glob.matches("a*b*c", "aXXbYYd")).isFalse();
    }

    @Test
    void unknownParserIsAConfigurationErrorNamingIt() {
        assertThatThrownBy(() -> PayloadRules.of(List.of(PayloadRule.always("cef"), PayloadRule.always("checkpoint")),
                PayloadParserRegistry.standard()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload rule 2").hasMessageContaining("'checkpoint'").hasMessageContaining("cef");
        assertThatThrownBy(() -> PayloadParserRegistry.standard().with(new org.fenghuo.collectors.syslog.payload.kv.KeyValueParser()))
                .hasMessageContaining("registered twice");
    }

    @Test
    void aThrowingParserBecomesMalformedNotALostEvent() {
        PayloadParser broken = new PayloadParser() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public PayloadResult parse(PayloadInput input) {
                throw new IllegalStateException("bug");
            }
        };
        PayloadRules rules = PayloadRules.of(List.of(PayloadRule.always("broken")), PayloadParserRegistry.empty().with(broken));
        PayloadHarness h = new PayloadHarness(rules);
        h.feed("<13>1 2026-11-24T01:00:00Z h app - - - anything");
        assertThat(h.events).hasSize(1);
        assertThat(PayloadHarness.flat(h.events.get(0))).containsEntry("tags", List.of("payload_malformed"));
        assertThat(h.stats().malformed()).containsEntry("broken", 1L);
    }
}
