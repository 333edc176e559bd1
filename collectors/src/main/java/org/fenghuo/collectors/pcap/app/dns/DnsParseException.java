package org.fenghuo.collectors.pcap.app.dns;

/**
 * Why a message did not parse. {@link #reason} is a fixed phrase (a metric tag); the message
 * carries the variable detail. No stack trace: hostile input makes many of these and the
 * trace would say nothing the reason does not.
 */
public final class DnsParseException extends Exception {
    private final String reason;

    DnsParseException(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
