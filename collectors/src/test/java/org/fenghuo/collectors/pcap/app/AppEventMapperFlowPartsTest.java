package org.fenghuo.collectors.pcap.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.fenghuo.collectors.pcap.flow.FlowContext;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * A flow's events share one set of source, destination and network records per protocol (which the
 * line writer then writes from kept bytes), and those hold the flow's fields as a fresh build would.
 */
class AppEventMapperFlowPartsTest {
    private final AppEventMapper mapper = new AppEventMapper("pcap:test.pcap");

    @Test
    void eventsOfOneFlowAndProtocolShareTheFlowsRecords() {
        FlowContext flow = new TestFlow(6, 12);
        AppEventMapper.FlowParts parts = mapper.flowParts(flow, "modbus", null);
        assertThat(mapper.flowParts(flow, "modbus", parts)).isSameAs(parts);

        SecurityEvent first = mapper.toEvent(AppEvent.of(1_000L, "modbus", "modbus-read-coils"), parts, 0);
        SecurityEvent second = mapper.toEvent(AppEvent.of(2_000L, "modbus", "modbus-read-coils"), parts, 1);
        assertThat(second.source()).isSameAs(first.source());
        assertThat(second.destination()).isSameAs(first.destination());
        assertThat(second.network()).isSameAs(first.network());
        assertThat(first.event().id()).isEqualTo("flow-a.0");
        assertThat(second.event().id()).isEqualTo("flow-a.1");

        // the same as with parts built for this one event
        SecurityEvent fresh = mapper.toEvent(AppEvent.of(2_000L, "modbus", "modbus-read-coils"),
                mapper.flowParts(flow, "modbus", null), 1);
        assertThat(fresh).isEqualTo(second);
        assertThat(second.source()).isEqualTo(new SecurityEvent.Endpoint("10.0.0.20", 51000, null, null, null, null, null));
        assertThat(second.network()).isEqualTo(new SecurityEvent.Network("tcp", "ipv4", "modbus", null, null,
                "1:community", "6", null, null, "12"));
        assertThat(second.event().dataset()).isEqualTo("pcap.modbus");
    }

    @Test
    void anotherProtocolOnTheFlowGetsItsOwnRecords() {
        FlowContext flow = new TestFlow(17, -1);
        AppEventMapper.FlowParts dns = mapper.flowParts(flow, "dns", null);
        AppEventMapper.FlowParts other = mapper.flowParts(flow, "dnp3", dns);
        assertThat(other).isNotSameAs(dns);
        assertThat(other.network().protocol()).isEqualTo("dnp3");
        assertThat(other.dataset()).isEqualTo("pcap.dnp3");
        assertThat(other.network().transport()).isEqualTo("udp");
        assertThat(other.network().vlanId()).isNull();
    }

    /** The fields of a flow the mapper reads. */
    private record TestFlow(int protocol, int vlanId) implements FlowContext {
        @Override public String flowId() { return "flow-a"; }
        @Override public String communityId() { return "1:community"; }
        @Override public int ipVersion() { return 4; }
        @Override public String initiatorIp() { return "10.0.0.20"; }
        @Override public int initiatorPort() { return 51000; }
        @Override public String responderIp() { return "10.0.0.50"; }
        @Override public int responderPort() { return 502; }
        @Override public long lastSeenNanos() { return 0; }
        @Override public Object appState() { return null; }
        @Override public void appState(Object state) { }
        @Override public String appProtocol() { return null; }
        @Override public void appProtocol(String name) { }
    }
}
