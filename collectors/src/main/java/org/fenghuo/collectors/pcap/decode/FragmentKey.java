package org.fenghuo.collectors.pcap.decode;

/**
 * Identity of a datagram under reassembly: version, addresses, identification and protocol
 * (RFC 791; RFC 8200 drops the protocol but keeping it is harmless). IPv4 addresses use the low
 * word of {@code src1}/{@code dst1}; longs rather than arrays so that equals and hashCode work.
 */
record FragmentKey(int version, int protocol, long id, long src0, long src1, long dst0, long dst1) {
}
