package org.fenghuo.collectors.pcap.flow;

import org.fenghuo.collectors.pcap.decode.L4Packet;

/**
 * The mutable state of one tracked flow. Counters are indexed by direction: {@link #FORWARD} is
 * initiator to responder, {@link #REVERSE} the other way. Owned by one {@link FlowTable}; not
 * thread-safe.
 */
final class Flow implements FlowContext {
    static final int FORWARD = 0;
    static final int REVERSE = 1;
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int ACK = 0x10;

    final FlowKey key;
    /** True when the lower endpoint of the key is the initiator. */
    final boolean initiatorIsLow;
    final int ipVersion;
    final String flowId;
    /** The flow id's inputs besides the key: its first packet's time and its {@link FlowIds} generation. */
    final long idNanos;
    final int generation;
    final String communityId;
    final FlowList.Node idleNode = new FlowList.Node(this);
    final FlowList.Node activeNode = new FlowList.Node(this);

    private final long[] packets = new long[2];
    private final long[] bytes = new long[2];
    private final long[] first = new long[2];
    private final long[] last = new long[2];
    private final int[] flags = new int[2];
    private final boolean[] fin = new boolean[2];
    private TcpState state;
    private int segment;
    private long segmentOpened;
    private long lastSeen;
    private Object appState;
    private String appProtocol;
    private String initiatorIpText;
    private String responderIpText;

    Flow(FlowKey key, boolean initiatorIsLow, int ipVersion, long idNanos, int generation, String communityId,
         long now) {
        this.key = key;
        this.initiatorIsLow = initiatorIsLow;
        this.ipVersion = ipVersion;
        this.idNanos = idNanos;
        this.generation = generation;
        this.flowId = FlowIds.flowId(key, idNanos, generation);
        this.communityId = communityId;
        this.state = key.protocol() == CommunityId.TCP ? null : TcpState.NONE;
        this.segmentOpened = now;
        this.lastSeen = now;
    }

    @Override public String flowId() { return flowId; }
    @Override public String communityId() { return communityId; }
    @Override public int protocol() { return key.protocol(); }
    @Override public int vlanId() { return key.vlanId(); }
    @Override public int ipVersion() { return ipVersion; }
    @Override public long lastSeenNanos() { return lastSeen; }
    @Override public Object appState() { return appState; }
    @Override public void appState(Object state) { appState = state; }
    @Override public String appProtocol() { return appProtocol; }
    @Override public void appProtocol(String name) { appProtocol = name; }

    @Override
    public String initiatorIp() {
        if (initiatorIpText == null) {
            initiatorIpText = IpText.format(initiatorIsLow ? key.lowAddress() : key.highAddress(), 0, key.addressLength());
        }
        return initiatorIpText;
    }

    @Override
    public String responderIp() {
        if (responderIpText == null) {
            responderIpText = IpText.format(initiatorIsLow ? key.highAddress() : key.lowAddress(), 0, key.addressLength());
        }
        return responderIpText;
    }

    @Override
    public int initiatorPort() {
        return CommunityId.hasPorts(key.protocol()) ? (initiatorIsLow ? key.lowPort() : key.highPort()) : 0;
    }

    @Override
    public int responderPort() {
        return CommunityId.hasPorts(key.protocol()) ? (initiatorIsLow ? key.highPort() : key.lowPort()) : 0;
    }

    /** True when a packet sent by the key's lower endpoint ({@code fromLow}) goes initiator to responder. */
    boolean fromInitiator(boolean fromLow) {
        return fromLow == initiatorIsLow;
    }

    /**
     * Counts a packet sent by the key's lower endpoint when {@code fromLow}. {@code clock} is the
     * table's capture clock, which never goes back: expiry runs on it, so a packet stamped earlier
     * than packets already seen (concatenated or merged captures) cannot make its flow look idle.
     */
    void update(L4Packet p, boolean fromLow, long clock) {
        int dir = fromLow == initiatorIsLow ? FORWARD : REVERSE;
        long ts = p.timestampNanos();
        // capture files are not always in time order: keep the earliest and the latest
        first[dir] = packets[dir] == 0 ? ts : Math.min(first[dir], ts);
        last[dir] = packets[dir] == 0 ? ts : Math.max(last[dir], ts);
        packets[dir]++;
        bytes[dir] += p.wireLength();
        lastSeen = Math.max(lastSeen, clock);
        if (state != TcpState.NONE) {
            int f = p.tcpFlags() & 0xFF;
            flags[dir] |= f;
            trackTcp(f, dir);
        }
    }

    private void trackTcp(int f, int dir) {
        if ((f & FIN) != 0) {
            fin[dir] = true;
        }
        if ((f & RST) != 0 && state == TcpState.SYN_SENT && dir == REVERSE && (f & ACK) == 0) {
            // RFC 9293 3.10.7.3: in SYN-SENT a reset is acceptable only when it acknowledges the
            // SYN. A bare RST answering a SYN does not end the attempt (Suricata rejects it too):
            // the client's next SYN on the tuple is still this flow, not a reuse of it
            return;
        }
        if ((f & RST) != 0 || state == TcpState.RESET) {
            state = TcpState.RESET;
        } else if (fin[FORWARD] && fin[REVERSE]) {
            state = TcpState.CLOSED;
        } else if (fin[dir]) {
            state = TcpState.FIN_WAIT;
        } else if (state == null) {
            state = (f & SYN) == 0 ? TcpState.MIDSTREAM
                    : (f & ACK) == 0 ? TcpState.SYN_SENT : TcpState.SYN_RECEIVED;
        } else if (state == TcpState.SYN_SENT && dir == REVERSE && (f & (SYN | ACK)) == (SYN | ACK)) {
            state = TcpState.SYN_RECEIVED;
        } else if (state == TcpState.SYN_RECEIVED && dir == FORWARD && (f & (SYN | ACK)) == ACK) {
            state = TcpState.ESTABLISHED;
        }
    }

    /** True when a packet with these flags starts a new connection on this flow's tuple. */
    boolean reusedBy(int tcpFlags) {
        return state != null && state.ended() && (tcpFlags & (SYN | ACK)) == SYN;
    }

    TcpState state() {
        return state == null ? TcpState.MIDSTREAM : state;
    }

    long lastSeen() {
        return lastSeen;
    }

    long segmentOpened() {
        return segmentOpened;
    }

    boolean hasPackets() {
        return packets[FORWARD] + packets[REVERSE] > 0;
    }

    /** Closes the current segment after an active timeout: counters restart, the flow goes on. */
    void nextSegment(long now) {
        segment++;
        segmentOpened = now;
        for (int d = 0; d < 2; d++) {
            packets[d] = 0;
            bytes[d] = 0;
            first[d] = 0;
            last[d] = 0;
            flags[d] = 0;
        }
    }

    FlowRecord toRecord(EndReason reason) {
        int initPort = initiatorIsLow ? key.lowPort() : key.highPort();
        int respPort = initiatorIsLow ? key.highPort() : key.lowPort();
        boolean ports = CommunityId.hasPorts(key.protocol());
        long start = packets[FORWARD] == 0 ? first[REVERSE]
                : packets[REVERSE] == 0 ? first[FORWARD] : Math.min(first[FORWARD], first[REVERSE]);
        long end = Math.max(last[FORWARD], last[REVERSE]);
        return new FlowRecord(flowId, segment, key.vlanId(), ipVersion, key.protocol(),
                initiatorIp(), ports ? initPort : 0, responderIp(), ports ? respPort : 0,
                direction(FORWARD), direction(REVERSE), start, end, state(), reason, communityId, appProtocol);
    }

    private FlowRecord.Direction direction(int d) {
        return new FlowRecord.Direction(packets[d], bytes[d], first[d], last[d], flags[d]);
    }
}
