package org.fenghuo.collectors.pcap.flow;

import java.util.Arrays;
import org.fenghuo.collectors.pcap.decode.L4Packet;

/**
 * The direction-free identity of a flow: VLAN, protocol and the two (address, port) endpoints
 * stored lower-first, so both directions of a conversation fill the same key. The table keeps one
 * instance for lookups and refills it per packet; only {@link #copy()} allocates, once per new
 * flow. A stored key must never be refilled (it is a hash map key).
 */
final class FlowKey {
    private int vlanId;
    private int innerVlans;
    private int protocol;
    private int addressLength;
    private final byte[] lowAddress = new byte[16];
    private final byte[] highAddress = new byte[16];
    private int lowPort;
    private int highPort;
    /** True when the packet that filled this key was sent by the lower endpoint. */
    private boolean fromLow;
    private int hash;

    /** Fills the key from a packet; returns false for a packet without a 4- or 16-byte address. */
    boolean fill(L4Packet p) {
        int len = p.addressLength();
        if (len != 4 && len != 16) {
            return false;
        }
        int proto = p.protocol();
        int sport;
        int dport;
        if (proto == CommunityId.ICMP || proto == CommunityId.ICMPV6) {
            // Community ID's mapping: request and reply types meet in one flow
            int counterpart = CommunityId.counterpart(proto, p.icmpType());
            sport = p.icmpType();
            dport = counterpart >= 0 ? counterpart : p.icmpCode();
        } else {
            sport = p.srcPort();
            dport = p.dstPort();
        }
        byte[] a = p.addressBytes();
        int so = p.srcAddressOffset();
        int d = p.dstAddressOffset();
        int c = Arrays.compareUnsigned(a, so, so + len, a, d, d + len);
        fromLow = c < 0 || (c == 0 && sport <= dport);
        vlanId = p.vlanId();
        innerVlans = p.innerVlans();
        protocol = proto;
        addressLength = len;
        Arrays.fill(lowAddress, len, 16, (byte) 0);
        Arrays.fill(highAddress, len, 16, (byte) 0);
        System.arraycopy(a, fromLow ? so : d, lowAddress, 0, len);
        System.arraycopy(a, fromLow ? d : so, highAddress, 0, len);
        lowPort = fromLow ? sport : dport;
        highPort = fromLow ? dport : sport;
        hash = computeHash();
        return true;
    }

    FlowKey copy() {
        FlowKey k = new FlowKey();
        k.vlanId = vlanId;
        k.innerVlans = innerVlans;
        k.protocol = protocol;
        k.addressLength = addressLength;
        System.arraycopy(lowAddress, 0, k.lowAddress, 0, 16);
        System.arraycopy(highAddress, 0, k.highAddress, 0, 16);
        k.lowPort = lowPort;
        k.highPort = highPort;
        k.fromLow = fromLow;
        k.hash = hash;
        return k;
    }

    boolean fromLow() {
        return fromLow;
    }

    int vlanId() {
        return vlanId;
    }

    /** {@link L4Packet#innerVlans()}: 0 unless the packets carry QinQ tags. */
    int innerVlans() {
        return innerVlans;
    }

    int protocol() {
        return protocol;
    }

    int addressLength() {
        return addressLength;
    }

    byte[] lowAddress() {
        return lowAddress;
    }

    byte[] highAddress() {
        return highAddress;
    }

    int lowPort() {
        return lowPort;
    }

    int highPort() {
        return highPort;
    }

    private int computeHash() {
        int h = 31 * (31 * vlanId + innerVlans) + protocol;
        h = 31 * h + Arrays.hashCode(lowAddress);
        h = 31 * h + Arrays.hashCode(highAddress);
        h = 31 * h + lowPort;
        return 31 * h + highPort;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        // fromLow is the filling packet's direction, not part of the identity
        return o instanceof FlowKey k && k.hash == hash && k.vlanId == vlanId && k.innerVlans == innerVlans
                && k.protocol == protocol
                && k.addressLength == addressLength && k.lowPort == lowPort && k.highPort == highPort
                && Arrays.equals(k.lowAddress, lowAddress) && Arrays.equals(k.highAddress, highAddress);
    }
}
