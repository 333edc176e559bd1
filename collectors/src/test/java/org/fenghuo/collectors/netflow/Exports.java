package org.fenghuo.collectors.netflow;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Builds NetFlow v5, v9 and IPFIX datagrams byte by byte for tests. */
final class Exports {
    /** 2024-01-01T00:00:00Z. */
    static final long EXPORT_SECONDS = 1_704_067_200L;

    private Exports() {
    }

    /** A growing big-endian byte sequence. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v >>> 8).u8(v & 0xff);
        }

        Bytes u32(long v) {
            return u16((int) (v >>> 16) & 0xffff).u16((int) v & 0xffff);
        }

        Bytes u64(long v) {
            return u32(v >>> 32).u32(v & 0xffffffffL);
        }

        Bytes ip(int a, int b, int c, int d) {
            return u8(a).u8(b).u8(c).u8(d);
        }

        Bytes raw(byte[] bytes) {
            out.write(bytes, 0, bytes.length);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }

    /** A set: id, length (header included), body. */
    static byte[] set(int id, Bytes body) {
        byte[] b = body.toBytes();
        return new Bytes().u16(id).u16(b.length + 4).raw(b).toBytes();
    }

    /** A v9 datagram of these sets. */
    static byte[] v9(long sequence, long sourceId, long uptimeMillis, byte[]... sets) {
        Bytes d = new Bytes().u16(9).u16(sets.length).u32(uptimeMillis).u32(EXPORT_SECONDS).u32(sequence).u32(sourceId);
        for (byte[] s : sets) {
            d.raw(s);
        }
        return d.toBytes();
    }

    /** An IPFIX message of these sets. */
    static byte[] ipfix(long sequence, long domain, byte[]... sets) {
        int length = 16;
        for (byte[] s : sets) {
            length += s.length;
        }
        Bytes d = new Bytes().u16(10).u16(length).u32(EXPORT_SECONDS).u32(sequence).u32(domain);
        for (byte[] s : sets) {
            d.raw(s);
        }
        return d.toBytes();
    }

    /** v9 template 256: src/dst IPv4, ports, protocol, bytes, packets, first/last switched, input/output if, tcp flags. */
    static Bytes v9FlowTemplate(int id) {
        int[][] fields = {{8, 4}, {12, 4}, {7, 2}, {11, 2}, {4, 1}, {1, 4}, {2, 4}, {22, 4}, {21, 4}, {10, 2},
                {14, 2}, {6, 1}};
        Bytes t = new Bytes().u16(id).u16(fields.length);
        for (int[] f : fields) {
            t.u16(f[0]).u16(f[1]);
        }
        return t;
    }

    /** One record of {@link #v9FlowTemplate}: 10.0.0.{n} -> 192.0.2.1:443 tcp. */
    static Bytes v9FlowRecord(Bytes into, int n, long bytes, long packets) {
        return into.ip(10, 0, 0, n).ip(192, 0, 2, 1).u16(40000 + n).u16(443).u8(6).u32(bytes).u32(packets)
                .u32(9_000).u32(9_500).u16(3).u16(7).u8(0x1b);
    }

    static ByteBuffer v5Header(int count, long sequence, int sampling) {
        ByteBuffer b = ByteBuffer.allocate(24 + 48 * count);
        b.putShort((short) 5).putShort((short) count).putInt(10_000).putInt((int) EXPORT_SECONDS).putInt(0)
                .putInt((int) sequence).put((byte) 1).put((byte) 2).putShort((short) sampling);
        return b;
    }

    static void v5Record(ByteBuffer b, int n) {
        b.put(new byte[] {10, 1, 1, (byte) n}).put(new byte[] {10, 2, 2, 2}).put(new byte[] {10, 0, 0, (byte) 254})
                .putShort((short) 5).putShort((short) 6).putInt(3).putInt(180).putInt(4_000).putInt(9_000)
                .putShort((short) 5353).putShort((short) 53).put((byte) 0).put((byte) 0).put((byte) 17).put((byte) 0)
                .putShort((short) 64512).putShort((short) 64513).put((byte) 24).put((byte) 16).putShort((short) 0);
    }
}
