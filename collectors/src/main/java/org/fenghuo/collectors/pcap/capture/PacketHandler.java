package org.fenghuo.collectors.pcap.capture;

/**
 * Receives the packets a capture source reads, on the reading thread. The data array is reused
 * by the reader: copy what must outlive the call.
 */
@FunctionalInterface
public interface PacketHandler {
    /**
     * @param linkType       the link-layer header type (LINKTYPE_* of tcpdump.org: 1 Ethernet, 113 Linux SLL, ...)
     * @param timestampNanos capture time, nanoseconds since the epoch
     * @param wireLength     length of the packet on the wire ({@code orig_len})
     * @param data           the captured bytes, from {@code offset} for {@code capturedLength}
     */
    void packet(int linkType, long timestampNanos, int wireLength, byte[] data, int offset, int capturedLength);
}
