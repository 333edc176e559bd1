package org.fenghuo.collectors.pcap.decode;

/**
 * Why a frame was rejected. A closed list so counters stay bounded and dead-letter records can be
 * grouped; each constant names the rule broken, not where it was noticed.
 */
public enum MalformedReason {
    /** Offset/length arguments outside the data array (a caller bug, reported rather than thrown). */
    INVALID_BUFFER,
    /** Fewer bytes than the link-layer header needs. */
    TRUNCATED_LINK_HEADER,
    /** More stacked 802.1Q/802.1ad tags than {@link DecoderConfig#maxVlanTags()}. */
    TOO_MANY_VLAN_TAGS,
    /** Fewer bytes than the fixed IPv4 (20) or IPv6 (40) header, or the IPv4 options. */
    TRUNCATED_IP_HEADER,
    /** Version nibble is not the one the link layer announced (or neither 4 nor 6 on raw links). */
    BAD_IP_VERSION,
    /** IPv4 header length field below 5 words. */
    BAD_IHL,
    /** IPv4 total length smaller than its own header. */
    TOTAL_LENGTH_BELOW_HEADER,
    /** IP length field claims more bytes than the frame had on the wire: bogus, not snaplen truncation. */
    IP_LENGTH_BEYOND_WIRE,
    /** An IPv6 extension header runs past the captured bytes or the payload length. */
    TRUNCATED_EXTENSION_HEADER,
    /** More IPv6 extension headers than {@link DecoderConfig#maxExtensionHeaders()}: a loop or an evasion. */
    EXTENSION_CHAIN_TOO_LONG,
    /** A non-final fragment whose length is zero or not a multiple of 8, or a fragment inside a reassembled one. */
    BAD_FRAGMENT,
    /** Fragment would end beyond {@link DecoderConfig#maxDatagramBytes()} (ping of death). */
    FRAGMENT_TOO_LARGE,
    /** Fragment overlaps data already held for its datagram but is not an exact duplicate. */
    FRAGMENT_OVERLAP,
    /** Non-first fragment cut short by the capture snap length: its bytes cannot be reassembled. */
    TRUNCATED_FRAGMENT,
    /** Fewer captured bytes than the fixed transport header (TCP 20, UDP 8, ICMP 4, SCTP 12). */
    TRUNCATED_TRANSPORT_HEADER,
    /** TCP data offset below 5 words or beyond the segment. */
    BAD_TCP_DATA_OFFSET,
    /** UDP length below 8 or above the IP payload. */
    UDP_LENGTH_MISMATCH,
    /** A decoder bug caught at the boundary so capture goes on; should stay at zero. */
    INTERNAL_ERROR
}
