package org.fenghuo.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class IocMatcherTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private static SecurityEvent flow(String src, String dst) {
        return SecurityEvent.builder().timestamp(T)
                .event(new SecurityEvent.EventInfo("ev-1", null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null))
                .source(new SecurityEvent.Endpoint(src, null, null, null, null, null, null))
                .destination(new SecurityEvent.Endpoint(dst, null, null, null, null, null, null)).build();
    }

    @Test
    void oneAlertPerMatchingSourceWithRuleIdSeverityAndCategory() {
        IndicatorIndex index = IndicatorIndex.of(List.of(
                StixBundleLoader.load(Fixtures.path("bundle.json"), "cert"),
                IndicatorListLoader.load(Fixtures.path("list-plain.txt"), "city")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IocMatcher matcher = new IocMatcher(() -> index, meters);

        List<Alert> alerts = matcher.alerts(flow("10.0.0.1", "203.0.113.9"));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("fenghuo.ioc.cert");
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL); // confidence 90
            assertThat(a.category()).isEqualTo(IncidentCategory.MALICIOUS_PROGRAM); // labelled c2
            assertThat(a.tactics()).containsExactly(AttackTactic.COMMAND_AND_CONTROL);
            assertThat(a.eventIds()).containsExactly("ev-1");
            assertThat(a.timestamp()).isEqualTo(T);
            assertThat(a.message()).startsWith("destination.ip 203.0.113.9 listed by cert (ipv4 203.0.113.9, \"C2 server\"");
        });

        List<Alert> two = matcher.alerts(flow("198.51.100.5", "203.0.113.77"));
        // the list's /25 and the bundle's /24 both contain the source: one alert per feed
        assertThat(two).extracting(Alert::ruleId).containsExactly("fenghuo.ioc.city", "fenghuo.ioc.cert");
        assertThat(two).allSatisfy(a -> assertThat(a.category()).isEqualTo(IncidentCategory.NETWORK_ATTACK));
        assertThat(two.get(0).severity()).isEqualTo(Severity.MEDIUM); // unknown confidence
        assertThat(two.get(0).message()).startsWith("source.ip 198.51.100.5 listed by city (cidr 198.51.100.0/25)")
                .endsWith("and 1 more"); // and the exact destination address
        assertThat(matcher.alerts(flow("10.0.0.1", "10.0.0.2"))).isEmpty();
        assertThat(meters.counter("fenghuo.ioc.alerts").count()).isEqualTo(3);
        // same event, same alert id: a replay overwrites
        assertThat(matcher.alerts(flow("10.0.0.1", "203.0.113.9")).get(0).id()).isEqualTo(alerts.get(0).id());
    }

    @Test
    void hashesAreMaliciousProgramAndAnUntimedEventIsCountedNotAlerted() throws Exception {
        IndicatorIndex index = IndicatorIndex.of(List.of(StixBundleLoader.load(Fixtures.path("bundle.json"), "cert")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IocMatcher matcher = new IocMatcher(() -> index, meters);
        SecurityEvent e = org.fenghuo.events.EcsJsonCodec.fromJson("{\"@timestamp\":\"2026-03-01T12:00:00Z\","
                + "\"file\":{\"hash\":{\"md5\":\"0123456789ABCDEF0123456789ABCDEF\"}}}");
        assertThat(matcher.alerts(e)).singleElement()
                .satisfies(a -> assertThat(a.category()).isEqualTo(IncidentCategory.MALICIOUS_PROGRAM));
        assertThat(matcher.alerts(flow("1.1.1.1", "203.0.113.9").toBuilder().timestamp(null).build())).isEmpty();
        assertThat(meters.counter("fenghuo.ioc.events.untimed").count()).isEqualTo(1);
    }

    @Test
    void severityBands() {
        assertThat(IocMatcher.severity(null)).isEqualTo(Severity.MEDIUM);
        assertThat(IocMatcher.severity(29)).isEqualTo(Severity.LOW);
        assertThat(IocMatcher.severity(30)).isEqualTo(Severity.MEDIUM);
        assertThat(IocMatcher.severity(60)).isEqualTo(Severity.HIGH);
        assertThat(IocMatcher.severity(85)).isEqualTo(Severity.CRITICAL);
    }
}
