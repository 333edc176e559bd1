package org.fenghuo.collectors.pcap.decode;

/**
 * What the flow table reads of one decoded IP packet. Implemented by the decoder's reusable
 * flyweight view over the packet bytes, so no object is made per packet: a value is valid only
 * until the next packet is decoded. Addresses are read in place from {@link #addressBytes()}.
 */
public interface L4Packet {
    /** Capture time, nanoseconds since the epoch. */
    long timestampNanos();

    /** Length of the whole frame on the wire (pcap {@code orig_len}), the unit of flow byte counts. */
    int wireLength();

    /** Outermost 802.1Q VLAN id (0-4095), or -1 without a VLAN tag. */
    int vlanId();

    /**
     * The second and third 802.1Q/QinQ VLAN ids, as a flow key component: {@code (second + 1) |
     * (third + 1) << 13}, 0 when the frame has at most one tag. With the outermost id it tells apart
     * conversations that differ only in an inner (customer) VLAN, as Suricata's three-level VLAN
     * flow key does. Tags beyond the third are not part of it.
     */
    default int innerVlans() {
        return 0;
    }

    /** 4 or 6. */
    int ipVersion();

    /** The array holding both addresses; for reassembled fragments this may be a copy. */
    byte[] addressBytes();

    int srcAddressOffset();

    int dstAddressOffset();

    /** 4 for IPv4, 16 for IPv6. */
    int addressLength();

    /** IP protocol number of the transport header (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, 132 SCTP, ...). */
    int protocol();

    /** Source port for TCP, UDP and SCTP; 0 for other protocols. */
    int srcPort();

    /** Destination port for TCP, UDP and SCTP; 0 for other protocols. */
    int dstPort();

    /** ICMP or ICMPv6 type, -1 for other protocols. */
    int icmpType();

    /** ICMP or ICMPv6 code, -1 for other protocols. */
    int icmpCode();

    /** TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20, ECE 0x40, CWR 0x80); 0 otherwise. */
    int tcpFlags();

    /** Bytes of transport payload captured in this packet. */
    int payloadLength();
}
