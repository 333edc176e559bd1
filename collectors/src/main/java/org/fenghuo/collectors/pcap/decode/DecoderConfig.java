package org.fenghuo.collectors.pcap.decode;

/**
 * Bounds of the packet decoder. Every limit exists so that hostile traffic cannot make the decoder
 * spend unbounded memory or time.
 *
 * @param maxReassemblies     IP datagrams being reassembled at once; the oldest is evicted beyond it
 * @param maxDatagramBytes    largest reassembled IP payload; fragments ending beyond it are malformed
 * @param reassemblyTimeoutNanos capture-time age after which an incomplete datagram is evicted
 * @param maxExtensionHeaders IPv6 extension headers followed before the chain counts as malformed
 * @param maxVlanTags         stacked 802.1Q/802.1ad tags followed before the frame counts as malformed
 */
public record DecoderConfig(int maxReassemblies, int maxDatagramBytes, long reassemblyTimeoutNanos,
                            int maxExtensionHeaders, int maxVlanTags) {
    public static final int DEFAULT_MAX_REASSEMBLIES = 1024;
    public static final int DEFAULT_MAX_DATAGRAM_BYTES = 65535;
    public static final long DEFAULT_REASSEMBLY_TIMEOUT_NANOS = 30_000_000_000L;
    public static final int DEFAULT_MAX_EXTENSION_HEADERS = 8;
    public static final int DEFAULT_MAX_VLAN_TAGS = 4;

    public DecoderConfig {
        require("maxReassemblies", maxReassemblies, 1, 1 << 20);
        // The IPv6 fragment offset field addresses at most 65535 + 7 bytes, IPv4 likewise.
        require("maxDatagramBytes", maxDatagramBytes, 8, 65535);
        if (reassemblyTimeoutNanos <= 0) {
            throw new IllegalArgumentException("reassemblyTimeoutNanos: " + reassemblyTimeoutNanos
                    + ", expected a positive number of nanoseconds");
        }
        require("maxExtensionHeaders", maxExtensionHeaders, 1, 64);
        require("maxVlanTags", maxVlanTags, 1, 16);
    }

    /** The limits the issue asks for: 1024 datagrams, 64 KiB each, 30 s, 8 extension headers, 4 tags. */
    public static DecoderConfig defaults() {
        return new DecoderConfig(DEFAULT_MAX_REASSEMBLIES, DEFAULT_MAX_DATAGRAM_BYTES,
                DEFAULT_REASSEMBLY_TIMEOUT_NANOS, DEFAULT_MAX_EXTENSION_HEADERS, DEFAULT_MAX_VLAN_TAGS);
    }

    private static void require(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": " + value + ", expected " + min + ".." + max);
        }
    }
}
