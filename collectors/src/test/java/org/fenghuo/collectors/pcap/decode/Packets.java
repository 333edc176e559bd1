package org.fenghuo.collectors.pcap.decode;

import java.io.ByteArrayOutputStream;

/** Builds frames byte by byte for the decoder tests: every header field is set explicitly. */
final class Packets {
    static final byte[] SRC4 = {10, 0, 0, 1};
    static final byte[] DST4 = {(byte) 192, (byte) 168, 1, 2};
    static final byte[] SRC6 = ip6(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    static final byte[] DST6 = ip6(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);

    private Packets() {
    }

    static byte[] ip6(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i * 7);
        }
        return b;
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void put32(byte[] b, int i, long v) {
        put16(b, i, (int) (v >>> 16));
        put16(b, i + 2, (int) v);
    }

    // ---- transport

    static byte[] tcp(int sport, int dport, long seq, long ack, int flags, int window, int optionBytes, byte[] payload) {
        byte[] h = new byte[20 + optionBytes];
        put16(h, 0, sport);
        put16(h, 2, dport);
        put32(h, 4, seq);
        put32(h, 8, ack);
        h[12] = (byte) ((h.length / 4) << 4);
        h[13] = (byte) flags;
        put16(h, 14, window);
        for (int i = 20; i < h.length; i++) {
            h[i] = 1; // NOP options
        }
        return concat(h, payload);
    }

    static byte[] tcp(int sport, int dport, int flags, byte[] payload) {
        return tcp(sport, dport, 1000, 2000, flags, 8192, 0, payload);
    }

    static byte[] udp(int sport, int dport, byte[] payload) {
        byte[] h = new byte[8];
        put16(h, 0, sport);
        put16(h, 2, dport);
        put16(h, 4, 8 + payload.length);
        return concat(h, payload);
    }

    static byte[] icmp(int type, int code, byte[] rest) {
        return concat(new byte[] {(byte) type, (byte) code, 0, 0}, rest);
    }

    static byte[] sctp(int sport, int dport) {
        byte[] h = new byte[12 + 16];
        put16(h, 0, sport);
        put16(h, 2, dport);
        return h;
    }

    // ---- network

    /** IPv4 with TTL 64, id 0x1234; {@code fragField} is the flags + offset word (offset in 8-byte units). */
    static byte[] ipv4(int protocol, int id, int fragField, int optionBytes, byte[] payload) {
        byte[] h = new byte[20 + optionBytes];
        h[0] = (byte) (0x40 | h.length / 4);
        put16(h, 2, h.length + payload.length);
        put16(h, 4, id);
        put16(h, 6, fragField);
        h[8] = 64;
        h[9] = (byte) protocol;
        System.arraycopy(SRC4, 0, h, 12, 4);
        System.arraycopy(DST4, 0, h, 16, 4);
        return concat(h, payload);
    }

    static byte[] ipv4(int protocol, byte[] payload) {
        return ipv4(protocol, 0x1234, 0x4000, 0, payload);
    }

    static byte[] ipv6(int nextHeader, byte[] payload) {
        byte[] h = new byte[40];
        h[0] = 0x60;
        put16(h, 4, payload.length);
        h[6] = (byte) nextHeader;
        h[7] = 55;
        System.arraycopy(SRC6, 0, h, 8, 16);
        System.arraycopy(DST6, 0, h, 24, 16);
        return concat(h, payload);
    }

    /** A generic IPv6 extension header of {@code (units + 1) * 8} bytes. */
    static byte[] ext(int next, int units) {
        byte[] h = new byte[(units + 1) * 8];
        h[0] = (byte) next;
        h[1] = (byte) units;
        return h;
    }

    /** IPv6 authentication header: length in 4-byte units minus 2. */
    static byte[] ah(int next) {
        byte[] h = new byte[24];
        h[0] = (byte) next;
        h[1] = 4;
        return h;
    }

    static byte[] fragment6(int next, int offsetBytes, boolean more, long id) {
        byte[] h = new byte[8];
        h[0] = (byte) next;
        put16(h, 2, offsetBytes | (more ? 1 : 0));
        put32(h, 4, id);
        return h;
    }

    // ---- link

    static byte[] ethernet(int etherType, byte[] payload) {
        byte[] h = new byte[14];
        h[0] = 2;
        h[6] = 4;
        put16(h, 12, etherType);
        return concat(h, payload);
    }

    /** Ethernet with tags given as (TPID, TCI) pairs, outermost first. */
    static byte[] ethernetTagged(int etherType, byte[] payload, int... tags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[12]);
        for (int i = 0; i < tags.length; i += 2) {
            byte[] t = new byte[4];
            put16(t, 0, tags[i]);
            put16(t, 2, tags[i + 1]);
            out.writeBytes(t);
        }
        byte[] type = new byte[2];
        put16(type, 0, etherType);
        out.writeBytes(type);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] sll(int protocol, byte[] payload) {
        byte[] h = new byte[16];
        put16(h, 2, 1);
        put16(h, 4, 6);
        put16(h, 14, protocol);
        return concat(h, payload);
    }

    static byte[] sll2(int protocol, byte[] payload) {
        byte[] h = new byte[20];
        put16(h, 0, protocol);
        put32(h, 4, 3);
        put16(h, 8, 1);
        h[11] = 6;
        return concat(h, payload);
    }

    static byte[] nullLittleEndian(int af, byte[] payload) {
        return concat(new byte[] {(byte) af, 0, 0, 0}, payload);
    }

    static byte[] nullBigEndian(int af, byte[] payload) {
        return concat(new byte[] {0, 0, 0, (byte) af}, payload);
    }
}
