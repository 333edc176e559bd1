package org.fenghuo.collectors.pcap.capture;

/** What went wrong in a capture file; a closed list so metrics and tests can count by kind. */
public enum ProblemKind {
    /** The first four bytes are no pcap or pcapng magic, or a header announces an unsupported version. */
    UNKNOWN_FORMAT,
    /** The input ends inside a file header, record header, record or block. */
    TRUNCATED,
    /** A length field is impossible: record or block larger than allowed, too small, misaligned. */
    BAD_LENGTH,
    /** A block is framed correctly but its contents are not (options, trailer length, field values). */
    BAD_BLOCK,
    /** A pcapng packet block names an interface that its section never described. */
    UNKNOWN_INTERFACE,
    /** The underlying stream failed; reading stops. */
    IO_ERROR
}
