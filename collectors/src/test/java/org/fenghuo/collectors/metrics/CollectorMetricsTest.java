package org.fenghuo.collectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.collectors.input.ErrorKind;
import org.junit.jupiter.api.Test;

class CollectorMetricsTest {

    @Test
    void countsPerInputWithReasonTagsFromAClosedSet() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CollectorMetrics udp = CollectorMetrics.forInput(registry, "syslog-udp");
        CollectorMetrics tcp = CollectorMetrics.forInput(registry, "syslog-tcp");
        udp.received();
        udp.received();
        udp.parsed();
        udp.malformed(ErrorKind.INVALID_PRI);
        udp.deadLettered();
        tcp.received();

        assertThat(registry.get("fenghuo.collector.received").tag("input", "syslog-udp").counter().count()).isEqualTo(2);
        assertThat(registry.get("fenghuo.collector.received").tag("input", "syslog-tcp").counter().count()).isEqualTo(1);
        assertThat(registry.get("fenghuo.collector.malformed").tag("input", "syslog-udp").tag("reason", "invalid_pri")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("fenghuo.collector.malformed").tag("input", "syslog-udp").counters())
                .as("one series per ErrorKind, registered up front").hasSize(ErrorKind.values().length);
        for (String name : new String[] {"parsed", "empty", "dead_lettered", "sent", "send_failed"}) {
            assertThat(registry.find("fenghuo.collector." + name).tag("input", "syslog-udp").counter()).as(name).isNotNull();
        }
    }

    @Test
    void aSecondInstanceForTheSameInputSharesTheCounters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CollectorMetrics input = CollectorMetrics.forInput(registry, "syslog-file");
        CollectorMetrics sinkSide = CollectorMetrics.forInput(registry, "syslog-file");
        input.parsed();
        sinkSide.sent();
        sinkSide.sendFailed();
        CollectorStats stats = input.snapshot();
        assertThat(stats.parsed()).isEqualTo(1);
        assertThat(stats.sent()).isEqualTo(1);
        assertThat(stats.sendFailed()).isEqualTo(1);
    }

    @Test
    void rendersAStatusLine() {
        CollectorMetrics m = CollectorMetrics.forInput(new SimpleMeterRegistry(), "syslog-udp");
        m.received();
        m.received();
        m.received();
        m.parsed();
        m.empty();
        m.malformed(ErrorKind.INVALID_UTF8);
        m.deadLettered();
        assertThat(m.snapshot().toStatusLine()).isEqualTo("syslog-udp: received=3 parsed=1 empty=1 malformed=1"
                + " (invalid_utf8=1) dead_lettered=1 sent=0 send_failed=0");
    }
}
