package org.fenghuo.collectors.pcap.capture;

/** The container format recognised from the first four bytes. */
public enum CaptureFormat {
    /** libpcap: microsecond, nanosecond or Kuznetzov-modified variant, either byte order. */
    PCAP,
    /** pcapng (draft-ietf-opsawg-pcapng), one or more sections. */
    PCAPNG,
    /** Empty input or an unknown magic: nothing was read. */
    UNKNOWN
}
