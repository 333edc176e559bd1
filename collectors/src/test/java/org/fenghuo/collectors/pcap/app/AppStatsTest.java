package org.fenghuo.collectors.pcap.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppStatsTest {
    /** The stats line prints these maps: the same input must print the same line in every run. */
    @Test
    void countsComeSortedByName() {
        AppStats stats = new AppStats();
        for (String protocol : new String[] {"tls", "dnp3", "modbus", "dns", "http", "tls"}) {
            stats.event(protocol);
            stats.flow(protocol);
        }
        stats.malformed("modbus", "bad mbap header");
        stats.malformed("dnp3", "no start bytes");
        stats.malformed("http", "bad status line");
        stats.malformed("dnp3", "bad crc");
        assertThat(stats.eventsByProtocol().keySet()).containsExactly("dnp3", "dns", "http", "modbus", "tls");
        assertThat(stats.flowsByProtocol()).containsEntry("tls", 2L).hasSize(5);
        assertThat(stats.malformedByReason().keySet()).containsExactly("dnp3: bad crc", "dnp3: no start bytes",
                "http: bad status line", "modbus: bad mbap header");
        assertThat(stats.malformedByReason().toString()).isEqualTo(
                "{dnp3: bad crc=1, dnp3: no start bytes=1, http: bad status line=1, modbus: bad mbap header=1}");
    }
}
