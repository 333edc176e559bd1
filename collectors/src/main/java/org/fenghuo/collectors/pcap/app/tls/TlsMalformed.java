package org.fenghuo.collectors.pcap.app.tls;

/**
 * A hello or record that does not parse: thrown inside this package only and turned into
 * {@code AppOutput.malformed} by {@link TlsAnalyzer}.
 */
final class TlsMalformed extends Exception {
    private final String reason;

    /** @param reason a fixed phrase (a metric tag); {@code detail} holds the variable part */
    TlsMalformed(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
