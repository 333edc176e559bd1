package org.fenghuo.collectors.pcap.flow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.fenghuo.collectors.pcap.decode.L4Packet;

/**
 * The direction-free identity of a flow: VLAN, protocol and the two (address, port) endpoints
 * stored lower-first, so both directions of a conversation fill the same key. The table keeps one
 * instance for lookups and refills it per packet; only {@link #copy()} allocates, once per new
 * flow. A stored key must never be refilled (it is a hash map key).
 */
final class FlowKey {
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private int vlanId;
    private int innerVlans;
    private int protocol;
    private int addressLength;
    // The addresses as two big-endian longs each (IPv4 in the top half of the first, rest zero):
    // unsigned long order is the bytes' order, and hashing and comparing need no loop. The byte
    // forms are only made for stored keys (copy), which is where they are read.
    private long low0;
    private long low1;
    private long high0;
    private long high1;
    private byte[] lowAddress;
    private byte[] highAddress;
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
        long s0;
        long s1;
        long d0;
        long d1;
        if (len == 4) {
            s0 = (long) (int) INT_BE.get(a, so) << 32;
            d0 = (long) (int) INT_BE.get(a, d) << 32;
            s1 = 0;
            d1 = 0;
        } else {
            s0 = (long) LONG_BE.get(a, so);
            s1 = (long) LONG_BE.get(a, so + 8);
            d0 = (long) LONG_BE.get(a, d);
            d1 = (long) LONG_BE.get(a, d + 8);
        }
        int c = s0 != d0 ? Long.compareUnsigned(s0, d0) : Long.compareUnsigned(s1, d1);
        fromLow = c < 0 || (c == 0 && sport <= dport);
        vlanId = p.vlanId();
        innerVlans = p.innerVlans();
        protocol = proto;
        addressLength = len;
        low0 = fromLow ? s0 : d0;
        low1 = fromLow ? s1 : d1;
        high0 = fromLow ? d0 : s0;
        high1 = fromLow ? d1 : s1;
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
        k.low0 = low0;
        k.low1 = low1;
        k.high0 = high0;
        k.high1 = high1;
        k.lowAddress = bytes(low0, low1);
        k.highAddress = bytes(high0, high1);
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

    /** 16 bytes, the address first, zero-padded; only on a stored key (made by {@link #copy()}). */
    byte[] lowAddress() {
        return lowAddress;
    }

    /** As {@link #lowAddress()}. */
    byte[] highAddress() {
        return highAddress;
    }

    private static byte[] bytes(long first, long second) {
        byte[] b = new byte[16];
        LONG_BE.set(b, 0, first);
        LONG_BE.set(b, 8, second);
        return b;
    }

    int lowPort() {
        return lowPort;
    }

    int highPort() {
        return highPort;
    }

    private int computeHash() {
        long h = (long) vlanId << 40 ^ (long) protocol << 32 ^ (long) lowPort << 16 ^ highPort;
        h = (h ^ innerVlans) * 0x9E3779B97F4A7C15L;
        h = (h ^ low0) * 0x9E3779B97F4A7C15L;
        h = (h ^ low1) * 0x9E3779B97F4A7C15L;
        h = (h ^ high0) * 0x9E3779B97F4A7C15L;
        h = (h ^ high1) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
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
                && k.low0 == low0 && k.low1 == low1 && k.high0 == high0 && k.high1 == high1;
    }
}
