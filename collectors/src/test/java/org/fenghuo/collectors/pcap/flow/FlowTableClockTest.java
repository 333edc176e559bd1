package org.fenghuo.collectors.pcap.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Capture time can go backwards (two captures concatenated, a merge of clocks that disagree).
 * Expiry runs on the table's clock, which never goes back, so an "old" packet must not make its
 * flow look idle at once.
 */
class FlowTableClockTest {

    @Test
    void packetsStampedBeforeTheClockStillJoinTheirFlow() {
        List<FlowRecord> records = new ArrayList<>();
        FlowTable table = new FlowTable(FlowTableConfig.defaults(), records::add);
        // the first copy runs from t=0 s to t=600 s (ten minutes of one UDP conversation and some other traffic)
        for (int s = 0; s <= 600; s += 10) {
            table.process(TestPacket.udp(s, "10.0.0.1", 5000, "10.0.0.2", 53, 100));
            table.process(TestPacket.udp(s + 0.5, "10.0.0.9", 6000, "10.0.0.8", 123, 90));
        }
        // the second copy starts again at t=0 s: before the clock, far older than the 60 s UDP timeout
        for (int s = 0; s <= 50; s += 10) {
            table.process(TestPacket.udp(s, "10.0.0.3", 7000, "10.0.0.2", 53, 100));
            table.process(TestPacket.udp(s + 1, "10.0.0.2", 53, "10.0.0.3", 7000, 120));
        }
        table.flushAll();

        assertThat(records).filteredOn(r -> "10.0.0.3".equals(r.initiatorIp())).singleElement().satisfies(r -> {
            assertThat(r.packets()).isEqualTo(12);
            assertThat(r.endReason()).isEqualTo(EndReason.END_OF_CAPTURE);
        });
        assertThat(table.stats().idleTimeout()).isZero();
    }
}
