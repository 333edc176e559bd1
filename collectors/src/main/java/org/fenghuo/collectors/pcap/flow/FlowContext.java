package org.fenghuo.collectors.pcap.flow;

/**
 * What the application layer may know of a live flow: its identity, its endpoints (initiator and
 * responder) and one slot for the protocol analyzer's state, which lives and dies with the flow.
 * Valid while the flow is tracked; owned by the capture thread.
 */
public interface FlowContext {
    /** {@code fenghuo.flow_id}. */
    String flowId();

    /** Community ID v1, or null. */
    String communityId();

    int protocol();

    int vlanId();

    int ipVersion();

    String initiatorIp();

    int initiatorPort();

    String responderIp();

    int responderPort();

    /** Capture time of the flow's latest packet (on the table's monotone clock), epoch nanoseconds. */
    long lastSeenNanos();

    /** The application layer's state for this flow, null until it sets one. */
    Object appState();

    void appState(Object state);

    /** The application protocol recognised on this flow, or null. */
    String appProtocol();

    /** Records the recognised protocol; it appears as {@code network.protocol} on the flow's records. */
    void appProtocol(String name);
}
