package org.fenghuo.collectors.pcap.app;

/** Which way application bytes travel within a flow. */
public enum Direction {
    /** From the flow's initiator (normally the client) to its responder. */
    TO_RESPONDER,
    /** From the responder (normally the server) back to the initiator. */
    TO_INITIATOR;

    public Direction reverse() {
        return this == TO_RESPONDER ? TO_INITIATOR : TO_RESPONDER;
    }
}
