package org.fenghuo.collectors.pcap.flow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.fenghuo.collectors.pcap.decode.L4Packet;

/** An {@link L4Packet} made by hand for tests; addresses are literals (no name lookup). */
record TestPacket(long timestampNanos, int wireLength, int vlanId, int ipVersion, byte[] addressBytes,
                  int srcAddressOffset, int dstAddressOffset, int addressLength, int protocol, int srcPort,
                  int dstPort, int icmpType, int icmpCode, int tcpFlags, int payloadLength, int innerVlans)
        implements L4Packet {

    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final long SECOND = 1_000_000_000L;

    static TestPacket tcp(double seconds, String src, int sport, String dst, int dport, int flags, int wireLength) {
        return ports(seconds, CommunityId.TCP, src, sport, dst, dport, flags, wireLength);
    }

    static TestPacket udp(double seconds, String src, int sport, String dst, int dport, int wireLength) {
        return ports(seconds, CommunityId.UDP, src, sport, dst, dport, 0, wireLength);
    }

    static TestPacket ports(double seconds, int proto, String src, int sport, String dst, int dport, int flags,
                            int wireLength) {
        byte[] a = addresses(src, dst);
        int len = a.length / 2;
        return new TestPacket(nanos(seconds), wireLength, -1, len == 4 ? 4 : 6, a, 0, len, len, proto, sport, dport,
                -1, -1, flags, Math.max(0, wireLength - 54), 0);
    }

    static TestPacket icmp(double seconds, int proto, String src, String dst, int type, int code, int wireLength) {
        byte[] a = addresses(src, dst);
        int len = a.length / 2;
        return new TestPacket(nanos(seconds), wireLength, -1, len == 4 ? 4 : 6, a, 0, len, len, proto, 0, 0,
                type, code, 0, Math.max(0, wireLength - 42), 0);
    }

    TestPacket vlan(int id) {
        return new TestPacket(timestampNanos, wireLength, id, ipVersion, addressBytes, srcAddressOffset,
                dstAddressOffset, addressLength, protocol, srcPort, dstPort, icmpType, icmpCode, tcpFlags, payloadLength,
                innerVlans);
    }

    /** Tagged twice (QinQ): outer service VLAN and inner customer VLAN. */
    TestPacket qinq(int outer, int inner) {
        return new TestPacket(timestampNanos, wireLength, outer, ipVersion, addressBytes, srcAddressOffset,
                dstAddressOffset, addressLength, protocol, srcPort, dstPort, icmpType, icmpCode, tcpFlags, payloadLength,
                inner + 1);
    }

    static long nanos(double seconds) {
        return 1_700_000_000L * SECOND + Math.round(seconds * SECOND);
    }

    /** Both addresses in one array, at an offset, as a decoder's view over a frame would have them. */
    static byte[] addresses(String src, String dst) {
        byte[] s = literal(src);
        byte[] d = literal(dst);
        byte[] frame = new byte[s.length + d.length];
        System.arraycopy(s, 0, frame, 0, s.length);
        System.arraycopy(d, 0, frame, s.length, d.length);
        return frame;
    }

    static byte[] literal(String ip) {
        try {
            byte[] b = InetAddress.getByName(ip).getAddress();
            // Java turns ::ffff:a.b.c.d into 4 bytes; keep what was written
            if (b.length == 4 && ip.contains(":")) {
                byte[] m = new byte[16];
                m[10] = (byte) 0xFF;
                m[11] = (byte) 0xFF;
                System.arraycopy(b, 0, m, 12, 4);
                return m;
            }
            return b;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
