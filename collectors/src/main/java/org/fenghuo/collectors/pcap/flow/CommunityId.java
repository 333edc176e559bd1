package org.fenghuo.collectors.pcap.flow;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.fenghuo.collectors.pcap.decode.L4Packet;

/**
 * Community ID v1 (corelight/community-id-spec): {@code "1:" + base64(sha1(seed . addrA . addrB .
 * proto . 0 . portA . portB))} where the endpoints are ordered so the smaller (address, port)
 * comes first, which makes both directions of a flow hash alike. Ports are hashed only for TCP,
 * UDP, SCTP, ICMP and ICMPv6; ICMP type/code become "ports" by the spec's (Zeek's) table, and
 * one-way ICMP messages are never reordered. Computed once per flow, not per packet.
 */
public final class CommunityId {

    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMP = 1;
    public static final int ICMPV6 = 58;
    public static final int SCTP = 132;

    private static final int NO_COUNTERPART = -1;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    /** getInstance looks the provider up each time; a digest is reset by digest() and reused per thread. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(CommunityId::newSha1);
    private static final int[] ICMP4_COUNTERPART = counterparts(new int[][] {
        {8, 0}, {13, 14}, {15, 16}, {10, 9}, {17, 18}});
    private static final int[] ICMP6_COUNTERPART = counterparts(new int[][] {
        {128, 129}, {130, 131}, {133, 134}, {135, 136}, {139, 140}, {144, 145}});

    private CommunityId() {
    }

    /** The id of the packet's flow (either direction gives the same id), or null when not defined. */
    public static String of(L4Packet p, int seed) {
        byte[] a = p.addressBytes();
        if (p.protocol() == ICMP || p.protocol() == ICMPV6) {
            return icmp(p.protocol(), a, p.srcAddressOffset(), a, p.dstAddressOffset(), p.addressLength(),
                    p.icmpType(), p.icmpCode(), seed);
        }
        return of(p.protocol(), a, p.srcAddressOffset(), a, p.dstAddressOffset(), p.addressLength(),
                p.srcPort(), p.dstPort(), seed);
    }

    /**
     * The id of a flow given by its endpoints. Ports are ignored for protocols without them. For
     * ICMP/ICMPv6 pass the already mapped "ports" (see {@link #icmp}) — this method orders them as
     * a two-way flow.
     *
     * @return null when {@code proto} is not 0-255, {@code addrLen} not 4 or 16, or a port out of range
     */
    public static String of(int proto, byte[] src, int srcOff, byte[] dst, int dstOff, int addrLen,
                            int srcPort, int dstPort, int seed) {
        return hash(proto, src, srcOff, dst, dstOff, addrLen, srcPort, dstPort, false, seed);
    }

    /**
     * The id of an ICMP ({@code proto} 1) or ICMPv6 (58) flow: a request/reply type pair maps to
     * (type, counterpart type) and is ordered like ports; any other type maps to (type, code) and
     * keeps the sender first.
     */
    public static String icmp(int proto, byte[] src, int srcOff, byte[] dst, int dstOff, int addrLen,
                              int icmpType, int icmpCode, int seed) {
        int counterpart = counterpart(proto, icmpType);
        boolean oneWay = counterpart == NO_COUNTERPART;
        return hash(proto, src, srcOff, dst, dstOff, addrLen, icmpType, oneWay ? icmpCode : counterpart, oneWay,
                seed);
    }

    /** The counterpart type of a two-way ICMP/ICMPv6 type (echo request to reply, ...), or -1. */
    static int counterpart(int proto, int icmpType) {
        int[] table = proto == ICMPV6 ? ICMP6_COUNTERPART : ICMP4_COUNTERPART;
        return icmpType >= 0 && icmpType < table.length ? table[icmpType] : NO_COUNTERPART;
    }

    /** True for protocols whose "ports" enter the hash. */
    public static boolean hasPorts(int proto) {
        return proto == TCP || proto == UDP || proto == SCTP || proto == ICMP || proto == ICMPV6;
    }

    private static String hash(int proto, byte[] src, int srcOff, byte[] dst, int dstOff, int addrLen,
                               int srcPort, int dstPort, boolean oneWay, int seed) {
        boolean ports = hasPorts(proto);
        if (proto < 0 || proto > 255 || (addrLen != 4 && addrLen != 16)
                || (ports && (outOfRange(srcPort) || outOfRange(dstPort)))) {
            return null;
        }
        boolean swap = !oneWay && !ordered(src, srcOff, dst, dstOff, addrLen, srcPort, dstPort, ports);
        byte[] in = new byte[2 + 2 * addrLen + 2 + (ports ? 4 : 0)];
        in[0] = (byte) (seed >>> 8);
        in[1] = (byte) seed;
        System.arraycopy(swap ? dst : src, swap ? dstOff : srcOff, in, 2, addrLen);
        System.arraycopy(swap ? src : dst, swap ? srcOff : dstOff, in, 2 + addrLen, addrLen);
        int at = 2 + 2 * addrLen;
        in[at] = (byte) proto;
        in[at + 1] = 0; // the spec's padding byte keeps the ports 32-bit aligned
        if (ports) {
            putShort(in, at + 2, swap ? dstPort : srcPort);
            putShort(in, at + 4, swap ? srcPort : dstPort);
        }
        return "1:" + BASE64.encodeToString(sha1().digest(in));
    }

    private static boolean ordered(byte[] src, int srcOff, byte[] dst, int dstOff, int addrLen,
                                   int srcPort, int dstPort, boolean ports) {
        int c = Arrays.compareUnsigned(src, srcOff, srcOff + addrLen, dst, dstOff, dstOff + addrLen);
        // equal addresses without ports: either order hashes the same bytes
        return c < 0 || (c == 0 && (!ports || srcPort <= dstPort));
    }

    private static boolean outOfRange(int port) {
        return port < 0 || port > 0xFFFF;
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static int[] counterparts(int[][] pairs) {
        int[] table = new int[256];
        Arrays.fill(table, NO_COUNTERPART);
        for (int[] pair : pairs) {
            table[pair[0]] = pair[1];
            table[pair[1]] = pair[0];
        }
        return table;
    }

    private static MessageDigest sha1() {
        MessageDigest sha = SHA1.get();
        sha.reset();
        return sha;
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }
}
