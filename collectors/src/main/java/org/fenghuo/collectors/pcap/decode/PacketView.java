package org.fenghuo.collectors.pcap.decode;

/**
 * The decoder's one reusable flyweight: offsets into the packet bytes plus the few header fields
 * worth a field. Valid only until the next call to {@link PacketDecoder#decode}; copy what must
 * outlive it. All offsets index {@link #data()}, which is the caller's array except for a
 * reassembled datagram, where it is the decoder's internal buffer (and the link header is gone).
 */
public final class PacketView implements L4Packet {
    byte[] data;
    int linkType;
    long timestampNanos;
    int wireLength;
    int capturedLength;
    int linkOffset;
    int networkOffset;
    int transportOffset;
    int payloadOffset;
    int payloadLength;
    int ipEnd;
    int vlanId;
    int innerVlans;
    int etherType;
    int ipVersion;
    int srcAddressOffset;
    int dstAddressOffset;
    int addressLength;
    int protocol;
    int srcPort;
    int dstPort;
    int icmpType;
    int icmpCode;
    int tcpFlags;
    long tcpSeq;
    long tcpAck;
    int tcpWindow;
    int segmentPayloadLength;
    int hopLimit;
    long ipId;
    int fragmentOffset;
    boolean moreFragments;
    boolean dontFragment;
    boolean reassembled;
    boolean truncated;
    MalformedReason malformedReason;
    NotIpReason notIpReason;

    void reset(int linkType, long timestampNanos, int wireLength, byte[] data, int offset, int capturedLength) {
        this.data = data;
        this.linkType = linkType;
        this.timestampNanos = timestampNanos;
        this.wireLength = wireLength;
        this.capturedLength = capturedLength;
        linkOffset = offset;
        networkOffset = -1;
        transportOffset = -1;
        payloadOffset = -1;
        payloadLength = 0;
        ipEnd = -1;
        vlanId = -1;
        innerVlans = 0;
        etherType = -1;
        ipVersion = 0;
        srcAddressOffset = -1;
        dstAddressOffset = -1;
        addressLength = 0;
        protocol = -1;
        reassembled = false;
        truncated = false;
        malformedReason = null;
        notIpReason = null;
        resetIp();
    }

    /** Clears what an IP header sets, also before decoding a reassembled datagram. */
    void resetIp() {
        srcPort = 0;
        dstPort = 0;
        icmpType = -1;
        icmpCode = -1;
        tcpFlags = 0;
        tcpSeq = 0;
        tcpAck = 0;
        tcpWindow = 0;
        segmentPayloadLength = 0;
        hopLimit = -1;
        ipId = -1;
        fragmentOffset = 0;
        moreFragments = false;
        dontFragment = false;
    }

    DecodeResult malformed(MalformedReason reason) {
        malformedReason = reason;
        return DecodeResult.MALFORMED;
    }

    DecodeResult notIp(NotIpReason reason) {
        notIpReason = reason;
        return DecodeResult.NOT_IP;
    }

    @Override public long timestampNanos() { return timestampNanos; }
    @Override public int wireLength() { return wireLength; }
    @Override public int vlanId() { return vlanId; }
    @Override public int innerVlans() { return innerVlans; }
    @Override public int ipVersion() { return ipVersion; }
    @Override public byte[] addressBytes() { return data; }
    @Override public int srcAddressOffset() { return srcAddressOffset; }
    @Override public int dstAddressOffset() { return dstAddressOffset; }
    @Override public int addressLength() { return addressLength; }
    @Override public int protocol() { return protocol; }
    @Override public int srcPort() { return srcPort; }
    @Override public int dstPort() { return dstPort; }
    @Override public int icmpType() { return icmpType; }
    @Override public int icmpCode() { return icmpCode; }
    @Override public int tcpFlags() { return tcpFlags; }
    @Override public int payloadLength() { return payloadLength; }

    /** The array all offsets refer to. */
    public byte[] data() { return data; }

    /** LINKTYPE_* the frame was decoded with. */
    public int linkType() { return linkType; }

    /** Bytes captured of this frame (for a reassembled datagram: its length in {@link #data()}). */
    public int capturedLength() { return capturedLength; }

    /** Start of the link header, -1 for a reassembled datagram. */
    public int linkOffset() { return linkOffset; }

    /** Start of the IP header, -1 when the frame is not IP. */
    public int networkOffset() { return networkOffset; }

    /** Start of the transport header (after IPv6 extension headers), -1 when not reached. */
    public int transportOffset() { return transportOffset; }

    /** Start of the transport payload; with {@link #payloadLength()} the bytes a protocol parser reads. */
    public int payloadOffset() { return payloadOffset; }

    /** End (exclusive) of the IP datagram's captured bytes; Ethernet padding lies beyond it. */
    public int ipEnd() { return ipEnd; }

    /** EtherType (or SLL protocol) of the network layer; 0x0800/0x86DD for links without one; -1 if not reached. */
    public int etherType() { return etherType; }

    /** IPv4 TTL or IPv6 hop limit. */
    public int hopLimit() { return hopLimit; }

    /** IPv4 identification, or IPv6 fragment identification when a fragment header was seen; else -1. */
    public long ipId() { return ipId; }

    /** Fragment offset in bytes of this packet (0 for whole and reassembled datagrams). */
    public int fragmentOffset() { return fragmentOffset; }

    public boolean moreFragments() { return moreFragments; }

    /** IPv4 DF bit. */
    public boolean dontFragment() { return dontFragment; }

    /** True when the view shows a datagram rebuilt from fragments (see {@link #data()}). */
    public boolean reassembled() { return reassembled; }

    /** True when the capture cut the packet short: fields are right, payload is partial. */
    public boolean truncated() { return truncated; }

    public long tcpSeq() { return tcpSeq; }

    public long tcpAck() { return tcpAck; }

    public int tcpWindow() { return tcpWindow; }

    /**
     * TCP payload length the IP header declares, which exceeds {@link #payloadLength()} when the
     * snap length cut the packet: the sequence space the segment covers. 0 for other protocols.
     */
    public int segmentPayloadLength() { return segmentPayloadLength; }

    /** Reason of the last MALFORMED result, else null. */
    public MalformedReason malformedReason() { return malformedReason; }

    /** Reason of the last NOT_IP result, else null. */
    public NotIpReason notIpReason() { return notIpReason; }
}
