package org.fenghuo.collectors.pcap.decode;

/** What {@link PacketDecoder#decode} made of one captured frame. */
public enum DecodeResult {
    /** The view holds an IP packet (possibly a reassembled datagram) ready for the flow table. */
    DECODED,
    /** Not an IP packet (ARP, STP, an unsupported link type...); see {@link PacketDecoder#lastNotIpReason()}. */
    NOT_IP,
    /** An IP fragment was stored for reassembly (or ignored as a duplicate); nothing to count yet. */
    FRAGMENT_PENDING,
    /** The frame breaks a header rule; see {@link PacketDecoder#lastMalformedReason()} to dead-letter it. */
    MALFORMED
}
