package org.fenghuo.collectors.pcap.flow;

/**
 * A simple TCP connection state, from the flags seen in both directions (no sequence-number
 * tracking). {@link #NONE} for other protocols. Zeek's {@code conn_state} equivalents are given
 * to help analysts; they are approximate.
 */
public enum TcpState {
    /** Not TCP. */
    NONE("none"),
    /** A SYN, no SYN-ACK yet (Zeek S0 if it ends so). */
    SYN_SENT("syn_sent"),
    /** SYN-ACK seen, handshake's last ACK not yet. */
    SYN_RECEIVED("syn_received"),
    /** Handshake completed (Zeek S1). */
    ESTABLISHED("established"),
    /** First packet seen was neither SYN nor SYN-ACK: picked up mid-stream. */
    MIDSTREAM("midstream"),
    /** FIN seen from one side only. */
    FIN_WAIT("fin_wait"),
    /** FIN seen from both sides (Zeek SF). */
    CLOSED("closed"),
    /** RST seen (Zeek RSTO/RSTR/REJ). */
    RESET("reset");

    private final String text;

    TcpState(String text) {
        this.text = text;
    }

    /** The value written to {@code fenghuo.flow.state}. */
    public String text() {
        return text;
    }

    /** True once the connection is over (both FINs or a RST). */
    public boolean ended() {
        return this == CLOSED || this == RESET;
    }
}
