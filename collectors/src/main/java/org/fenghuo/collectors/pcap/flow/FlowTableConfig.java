package org.fenghuo.collectors.pcap.flow;

import java.time.Duration;

/**
 * Limits and timeouts of a {@link FlowTable}. Times are capture time. Defaults follow Suricata's
 * and Zeek's spirit: a TCP connection may sit idle for an hour once established (Zeek and
 * Suricata use 5-10 min; long-lived idle OT sessions are common in the plants we watch), a
 * half-open one only a minute (Suricata {@code tcp.new}); after FINs both ways or a RST the flow
 * lingers 60 s (Suricata {@code tcp.closed}) so the last ACK and retransmissions stay in it;
 * UDP 60 s (Zeek), ICMP 30 s (Suricata {@code icmp.new}), other protocols 60 s; a record every
 * 30 min for long flows (active timeout, as NetFlow exporters do).
 *
 * @param maxFlows         hard limit on flows held; beyond it the least recently seen is evicted
 * @param tcpNew           idle timeout of a TCP flow whose handshake has not completed
 * @param tcpEstablished   idle timeout of an established or mid-stream TCP flow
 * @param tcpClosed        how long a TCP flow is kept after FIN both ways or a RST
 * @param udp              idle timeout of UDP flows
 * @param icmp             idle timeout of ICMP and ICMPv6 flows
 * @param other            idle timeout of any other IP protocol
 * @param active           a flow longer than this emits a record and continues in a new segment
 * @param expiryInterval   how much capture time passes between two expiry sweeps
 * @param communityIdSeed  Community ID seed (0 unless every tool in the deployment uses another)
 */
public record FlowTableConfig(
        int maxFlows,
        Duration tcpNew,
        Duration tcpEstablished,
        Duration tcpClosed,
        Duration udp,
        Duration icmp,
        Duration other,
        Duration active,
        Duration expiryInterval,
        int communityIdSeed) {

    public FlowTableConfig {
        if (maxFlows < 1) {
            throw new IllegalArgumentException("maxFlows: " + maxFlows + " must be at least 1");
        }
        positive("tcpNew", tcpNew);
        positive("tcpEstablished", tcpEstablished);
        positive("tcpClosed", tcpClosed);
        positive("udp", udp);
        positive("icmp", icmp);
        positive("other", other);
        positive("active", active);
        positive("expiryInterval", expiryInterval);
        if (communityIdSeed < 0 || communityIdSeed > 0xFFFF) {
            throw new IllegalArgumentException("communityIdSeed: " + communityIdSeed + " must be 0-65535");
        }
    }

    public static FlowTableConfig defaults() {
        return new FlowTableConfig(100_000, Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(30),
                Duration.ofSeconds(1), 0);
    }

    public FlowTableConfig withMaxFlows(int max) {
        return new FlowTableConfig(max, tcpNew, tcpEstablished, tcpClosed, udp, icmp, other, active,
                expiryInterval, communityIdSeed);
    }

    public FlowTableConfig withActive(Duration activeTimeout) {
        return new FlowTableConfig(maxFlows, tcpNew, tcpEstablished, tcpClosed, udp, icmp, other, activeTimeout,
                expiryInterval, communityIdSeed);
    }

    private static void positive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + ": " + d + " must be a positive duration");
        }
    }
}
