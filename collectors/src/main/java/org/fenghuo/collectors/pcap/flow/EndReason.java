package org.fenghuo.collectors.pcap.flow;

/** Why a flow record was emitted; its {@link #action()} becomes {@code event.action}. */
public enum EndReason {
    /** No packet for the idle timeout of the flow's protocol and state. */
    IDLE_TIMEOUT("idle-timeout"),
    /** The flow lasted the active timeout: this record closes a segment, the flow goes on. */
    ACTIVE_TIMEOUT("active-timeout"),
    /** TCP: FIN seen both ways or a RST, then the closed linger ran out (or a new SYN reused the tuple). */
    TCP_END("tcp-end"),
    /** The table was full and this was the least recently seen flow. */
    EVICTED("evicted"),
    /** {@link FlowTable#flushAll()}: the capture ended. */
    END_OF_CAPTURE("end-of-capture");

    private final String action;

    EndReason(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }
}
