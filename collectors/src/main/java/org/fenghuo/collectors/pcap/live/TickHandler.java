package org.fenghuo.collectors.pcap.live;

/**
 * Told the current time, on the capture thread, whenever libpcap's read timeout passes without a
 * packet: the caller advances its capture clock ({@code FlowTable.advanceTo}) so idle flows end
 * on a quiet link too.
 */
@FunctionalInterface
public interface TickHandler {
    TickHandler NONE = nowNanos -> { };

    /** @param nowNanos wall-clock time, nanoseconds since the epoch */
    void tick(long nowNanos);
}
