package org.fenghuo.collectors.pcap.flow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough of a classic-pcap + Ethernet/IP reader to feed real captures to the flow table in
 * tests, independently of the production decoder (being written in pcap/decode). Skips what it
 * does not understand: non-IP frames, IPv4 fragments after the first, unknown IPv6 extensions.
 */
final class MiniPcap {
    private static final int[] IPV6_EXTENSIONS = {0, 43, 60};

    private MiniPcap() {
    }

    static List<TestPacket> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        boolean nanos = magic == 0xA1B23C4D;
        if (magic != 0xA1B2C3D4 && !nanos) {
            b.order(ByteOrder.BIG_ENDIAN);
            nanos = b.getInt(0) == 0xA1B23C4D;
        }
        if (b.getInt(20) != 1) {
            throw new IOException(file + ": only Ethernet captures are supported by this test reader");
        }
        List<TestPacket> out = new ArrayList<>();
        int at = 24;
        while (at + 16 <= b.limit()) {
            long sec = b.getInt(at) & 0xFFFFFFFFL;
            long frac = b.getInt(at + 4) & 0xFFFFFFFFL;
            int capLen = b.getInt(at + 8);
            int origLen = b.getInt(at + 12);
            if (capLen < 0 || at + 16 + capLen > b.limit()) {
                break;
            }
            byte[] frame = Arrays.copyOfRange(b.array(), at + 16, at + 16 + capLen);
            long ts = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
            TestPacket p = ethernet(frame, ts, origLen);
            if (p != null) {
                out.add(p);
            }
            at += 16 + capLen;
        }
        return out;
    }

    private static TestPacket ethernet(byte[] f, long ts, int wire) {
        int at = 12;
        int vlan = -1;
        int type = u16(f, at);
        while ((type == 0x8100 || type == 0x88A8) && at + 6 <= f.length) {
            vlan = vlan < 0 ? u16(f, at + 2) & 0x0FFF : vlan;
            at += 4;
            type = u16(f, at);
        }
        at += 2;
        if (type == 0x0800 && at + 20 <= f.length) {
            int ihl = (f[at] & 0x0F) * 4;
            boolean laterFragment = (u16(f, at + 6) & 0x1FFF) != 0;
            return laterFragment ? null : transport(f, ts, wire, vlan, 4, at + 12, at + 16, 4, f[at + 9] & 0xFF, at + ihl);
        }
        if (type == 0x86DD && at + 40 <= f.length) {
            int next = f[at + 6] & 0xFF;
            int l4 = at + 40;
            while (isExtension(next) && l4 + 8 <= f.length) {
                next = f[l4] & 0xFF;
                l4 += ((f[l4 + 1] & 0xFF) + 1) * 8;
            }
            return transport(f, ts, wire, vlan, 6, at + 8, at + 24, 16, next, l4);
        }
        return null;
    }

    private static TestPacket transport(byte[] f, long ts, int wire, int vlan, int version, int src, int dst, int len,
                                        int proto, int l4) {
        boolean ports = proto == 6 || proto == 17 || proto == 132;
        boolean icmp = proto == 1 || proto == 58;
        if ((ports || icmp) && l4 + 4 > f.length) {
            return null;
        }
        int sport = ports ? u16(f, l4) : 0;
        int dport = ports ? u16(f, l4 + 2) : 0;
        int flags = proto == 6 && l4 + 14 <= f.length ? f[l4 + 13] & 0xFF : 0;
        return new TestPacket(ts, wire, vlan, version, f, src, dst, len, proto, sport, dport,
                icmp ? f[l4] & 0xFF : -1, icmp ? f[l4 + 1] & 0xFF : -1, flags, 0);
    }

    private static boolean isExtension(int next) {
        for (int x : IPV6_EXTENSIONS) {
            if (x == next) {
                return true;
            }
        }
        return false;
    }

    private static int u16(byte[] f, int at) {
        return at + 2 <= f.length ? ((f[at] & 0xFF) << 8) | (f[at + 1] & 0xFF) : -1;
    }
}
