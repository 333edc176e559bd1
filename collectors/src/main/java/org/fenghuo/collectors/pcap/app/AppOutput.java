package org.fenghuo.collectors.pcap.app;

/** Where an analyzer puts what it found. Called on the capture thread. */
public interface AppOutput {
    /** One protocol event of the current flow. */
    void event(AppEvent event);

    /**
     * Application data that does not parse as the protocol claims: counted per protocol and
     * reason, and kept as a dead letter (the first bytes of {@code data[off, off+len)}).
     *
     * @param reason a short, fixed phrase (it is a metric tag), e.g. "bad label length"; put
     *               variable detail in {@code detail}
     */
    void malformed(String protocol, String reason, String detail, long timestampNanos, byte[] data, int off, int len);
}
