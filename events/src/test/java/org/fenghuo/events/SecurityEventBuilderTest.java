package org.fenghuo.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityEventBuilderTest {

    @Test
    void toBuilderCopiesEveryComponent() throws Exception {
        SecurityEvent full = TestEvents.full();
        assertThat(full.toBuilder().build()).isEqualTo(full);
        SecurityEvent withExtra = EcsJsonCodec.fromJson(TestEvents.resource("unknown-fields.json"));
        assertThat(withExtra.toBuilder().build()).isEqualTo(withExtra);
        assertThat(full.toBuilder().message("changed").build().source()).isEqualTo(full.source());
    }

    @Test
    void extraFieldAddsDottedFieldsAsANestedTree() {
        SecurityEvent e = SecurityEvent.builder()
                .extraField("source.geo.country_iso_code", "CN")
                .extraField("source.geo.city_name", "杭州")
                .build();
        assertThat(e.extra()).isEqualTo(Map.of("source", Map.of("geo",
                Map.of("country_iso_code", "CN", "city_name", "杭州"))));
        assertThat(SecurityEvent.builder().extra(Map.of()).build().extra()).isNull();
    }

    @Test
    void deepModelledNamesAreRefusedAndUnmodelledOnesUnderThemKept() {
        assertThatThrownBy(() -> SecurityEvent.builder().extraField("fenghuo.ics.function_code", 3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fenghuo.ics.function_code is a modelled field");
        assertThatThrownBy(() -> SecurityEvent.builder().extraField("log.syslog.facility.code", 3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("log.syslog.facility.code is a modelled field");
        assertThatThrownBy(() -> SecurityEvent.builder().extraField("log.syslog.structured_data", "x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extra.log.syslog.structured_data must be an object");
        assertThatThrownBy(() -> SecurityEvent.builder().extraField("labels", List.of("x")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra.labels must be an object");
        SecurityEvent ok = SecurityEvent.builder().extraField("fenghuo.ics.modbus.transaction_id", 7)
                .extraField("fenghuo.ics.modbus.function_code", 3).extraField("geo.ip", "x")
                .extraField("log.syslog.facility.extra", 1).build();
        assertThat(ok.extra()).containsKeys("fenghuo", "geo", "log");
    }

    @Test
    void extraMayNotHoldAModelledField() {
        assertThatThrownBy(() -> SecurityEvent.builder().extraField("source.ip", "1.2.3.4").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("source.ip is a modelled field");
        assertThatThrownBy(() -> SecurityEvent.builder().extraField("source", "1.2.3.4").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra.source must be an object");
        assertThatThrownBy(() -> SecurityEvent.builder().extra(Map.of("@timestamp", "x")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityEvent.builder().extraField("dns.answers.data", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dns.answers");
        // Inside the modelled maps, and per answer, extra is fine: that is what the reader produces.
        SecurityEvent ok = SecurityEvent.builder().extraField("labels.team.name", "soc")
                .extraField("dns.answers", List.of(Map.of(), Map.of("geo", "JP"))).build();
        assertThat(ok.extra()).containsKeys("labels", "dns");
    }

    @Test
    void tagsVarargsAndListAreEquivalent() {
        assertThat(SecurityEvent.builder().tags("a", "b").build())
                .isEqualTo(SecurityEvent.builder().tags(List.of("a", "b")).build());
    }
}
