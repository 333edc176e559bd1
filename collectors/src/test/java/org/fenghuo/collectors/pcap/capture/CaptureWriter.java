package org.fenghuo.collectors.pcap.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes small pcap and pcapng captures in either byte order, for tests; no validation on purpose. */
final class CaptureWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order;

    private CaptureWriter(ByteOrder order) {
        this.order = order;
    }

    /** A pcap file header; {@code magic} as written in big-endian terms (a1b2c3d4, a1b23c4d). */
    static CaptureWriter pcap(ByteOrder order, int magic, int snaplen, int linkTypeField) {
        CaptureWriter w = new CaptureWriter(order);
        w.put(buf(24, order).putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(snaplen).putInt(linkTypeField));
        return w;
    }

    /** A pcapng capture starting with a section header in the given order. */
    static CaptureWriter pcapng(ByteOrder order) {
        return new CaptureWriter(order).section(order);
    }

    CaptureWriter record(long seconds, long fraction, int inclLen, int origLen, byte[] data) {
        put(buf(16, order).putInt((int) seconds).putInt((int) fraction).putInt(inclLen).putInt(origLen));
        out.writeBytes(data);
        return this;
    }

    CaptureWriter record(long seconds, long fraction, byte[] data) {
        return record(seconds, fraction, data.length, data.length, data);
    }

    CaptureWriter section(ByteOrder newOrder) {
        order = newOrder;
        return block(PcapngReader.SECTION_HEADER,
                buf(16, order).putInt(PcapngReader.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0)
                        .putLong(-1L));
    }

    /** An IDB; tsresol or tsoffset below 0 leave that option out. */
    CaptureWriter interfaceDescription(int linkType, int snaplen, int tsresol, long tsoffset) {
        ByteBuffer b = buf(8 + 8 + 12 + 4, order).putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        if (tsresol >= 0) {
            b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
        }
        if (tsoffset >= 0) {
            b.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
        }
        b.putInt(0);
        return block(PcapngReader.INTERFACE_DESCRIPTION, b);
    }

    CaptureWriter enhancedPacket(int interfaceId, long ticks, byte[] data, int wireLength) {
        ByteBuffer b = buf(20 + padded(data.length), order).putInt(interfaceId).putInt((int) (ticks >>> 32))
                .putInt((int) ticks).putInt(data.length).putInt(wireLength).put(data);
        return block(PcapngReader.ENHANCED_PACKET, b);
    }

    CaptureWriter obsoletePacket(int interfaceId, long ticks, byte[] data) {
        ByteBuffer b = buf(20 + padded(data.length), order).putShort((short) interfaceId).putShort((short) 0)
                .putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(data.length).put(data);
        return block(PcapngReader.PACKET, b);
    }

    CaptureWriter simplePacket(byte[] data, int wireLength) {
        return block(PcapngReader.SIMPLE_PACKET, buf(4 + padded(data.length), order).putInt(wireLength).put(data));
    }

    /** Any block: type, total length, body (padded to 4), total length again. */
    CaptureWriter block(int type, ByteBuffer body) {
        int bodyLength = padded(body.position());
        return rawBlock(type, 12 + bodyLength, bodyLength, body.array());
    }

    /** A block whose length fields say {@code declaredLength} whatever the body is. */
    CaptureWriter rawBlock(int type, int declaredLength, int bodyLength, byte[] body) {
        ByteBuffer b = buf(12 + bodyLength, order).putInt(type).putInt(declaredLength);
        b.put(body, 0, Math.min(bodyLength, body.length));
        b.position(8 + bodyLength);
        b.putInt(declaredLength);
        put(b);
        return this;
    }

    CaptureWriter bytes(byte[] raw) {
        out.writeBytes(raw);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    static byte[] payload(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }

    private static ByteBuffer buf(int size, ByteOrder order) {
        return ByteBuffer.allocate(padded(size)).order(order);
    }

    private void put(ByteBuffer b) {
        out.write(b.array(), 0, b.array().length);
    }
}
