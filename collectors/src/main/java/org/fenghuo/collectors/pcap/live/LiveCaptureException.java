package org.fenghuo.collectors.pcap.live;

import java.util.Objects;

/** A live capture could not start or broke off; {@link #kind()} says why, the message how to fix it. */
public final class LiveCaptureException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The closed list of reasons, so the CLI can pick an exit code and tests can assert. */
    public enum Kind {
        /** libpcap (or JNA) cannot be loaded. */
        LIBPCAP_MISSING,
        /** Not root and no CAP_NET_RAW. */
        PERMISSION_DENIED,
        /** The interface does not exist; the message lists those that do. */
        NO_SUCH_INTERFACE,
        /** The BPF filter does not compile or cannot be set; the message names it. */
        BAD_FILTER,
        /** Anything else libpcap reported. */
        CAPTURE_FAILED
    }

    private final Kind kind;

    public LiveCaptureException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
