package org.fenghuo.collectors.pcap.flow;

/**
 * One emitted flow (or one segment of a long flow, see {@link EndReason#ACTIVE_TIMEOUT}).
 * "Initiator" is who opened the conversation (the first packet's sender; for TCP, the receiver of
 * a SYN-ACK seen first); "responder" the other side. For ICMP the ports are the Community ID
 * "ports" (type and counterpart type, or type and code).
 *
 * @param flowId         stable id of the whole flow, the same in every segment ({@code fenghuo.flow_id})
 * @param segment        0 for the first record of a flow, then 1, 2, ... after each active timeout
 * @param vlanId         outer VLAN id or -1
 * @param ipVersion      4 or 6
 * @param protocol       IP protocol number
 * @param initiatorIp    textual address, IPv6 in RFC 5952 form (see {@link IpText})
 * @param initiatorPort  port, or 0 without ports
 * @param responderIp    textual address
 * @param responderPort  port, or 0 without ports
 * @param toResponder    what the initiator sent
 * @param toInitiator    what the responder sent
 * @param startNanos     first packet of this segment, capture time in epoch nanoseconds
 * @param endNanos       last packet of this segment
 * @param tcpState       state at the end ({@link TcpState#NONE} for non-TCP)
 * @param endReason      why it was emitted
 * @param communityId    Community ID v1, null when undefined
 * @param appProtocol    application protocol the application layer recognised ({@code network.protocol}), or null
 */
public record FlowRecord(
        String flowId,
        int segment,
        int vlanId,
        int ipVersion,
        int protocol,
        String initiatorIp,
        int initiatorPort,
        String responderIp,
        int responderPort,
        Direction toResponder,
        Direction toInitiator,
        long startNanos,
        long endNanos,
        TcpState tcpState,
        EndReason endReason,
        String communityId,
        String appProtocol) {

    /**
     * Counters of one direction.
     *
     * @param packets    packets sent
     * @param bytes      sum of the frames' wire lengths (pcap {@code orig_len}), as Suricata counts
     * @param firstNanos first packet's time, or 0 when none
     * @param lastNanos  last packet's time, or 0 when none
     * @param tcpFlags   OR of the TCP flags sent
     */
    public record Direction(long packets, long bytes, long firstNanos, long lastNanos, int tcpFlags) {
    }

    public long packets() {
        return toResponder.packets() + toInitiator.packets();
    }

    public long bytes() {
        return toResponder.bytes() + toInitiator.bytes();
    }
}
