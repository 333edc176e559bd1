package org.fenghuo.collectors.pcap.capture;

/**
 * Parses the pcapng blocks that describe interfaces or carry packets, once {@link PcapngReader}
 * has the whole block in its window. A bad block is reported and dropped; framing is not its job.
 */
final class PcapngPackets {
    private static final int OPT_END = 0;
    private static final int OPT_TSRESOL = 9;
    private static final int OPT_TSOFFSET = 14;

    private final ReadContext ctx;
    private final PcapngInterfaces interfaces;

    PcapngPackets(ReadContext ctx, PcapngInterfaces interfaces) {
        this.ctx = ctx;
        this.interfaces = interfaces;
    }

    void interfaceDescription(byte[] b, int p, int length, long offset, boolean big) {
        if (length < 20) {
            ctx.problem(ProblemKind.BAD_BLOCK, offset, "interface description of " + length + " bytes, at least 20 needed");
            return;
        }
        int linkType = Bytes.u16(b, p + 8, big);
        long snaplen = Bytes.u32(b, p + 12, big);
        int tsresol = PcapngInterfaces.DEFAULT_TSRESOL;
        long tsoffset = 0;
        int end = p + length - 4;
        int o = p + 16;
        while (o + 4 <= end) {
            int code = Bytes.u16(b, o, big);
            int len = Bytes.u16(b, o + 2, big);
            if (code == OPT_END) {
                break;
            }
            if (o + 4 + len > end) {
                ctx.problem(ProblemKind.BAD_BLOCK, offset + (o - p), "option " + code + " of " + len
                        + " bytes overruns its interface description");
                break;
            }
            if (code == OPT_TSRESOL) {
                tsresol = tsresol(b, o + 4, len, offset + (o - p), tsresol);
            } else if (code == OPT_TSOFFSET) {
                tsoffset = tsoffset(b, o + 4, len, offset + (o - p), big, tsoffset);
            }
            o += 4 + ((len + 3) & ~3);
        }
        int clamped = (int) Math.min(snaplen, Integer.MAX_VALUE);
        if (!interfaces.add(linkType, clamped, tsresol, tsoffset)) {
            ctx.problem(ProblemKind.BAD_BLOCK, offset, "more than " + PcapngInterfaces.MAX_INTERFACES
                    + " interfaces in one section; ignored");
        }
    }

    private int tsresol(byte[] b, int o, int len, long offset, int fallback) {
        int value = b[o] & 0xFF;
        if (len != 1 || !PcapngInterfaces.supported(value)) {
            ctx.problem(ProblemKind.BAD_BLOCK, offset, "if_tsresol of " + len + " bytes, value " + value
                    + " unusable; microseconds assumed");
            return fallback;
        }
        return value;
    }

    private long tsoffset(byte[] b, int o, int len, long offset, boolean big, long fallback) {
        if (len != 8) {
            ctx.problem(ProblemKind.BAD_BLOCK, offset, "if_tsoffset of " + len + " bytes, 8 expected; ignored");
            return fallback;
        }
        return Bytes.i64(b, o, big);
    }

    void enhancedPacket(byte[] b, int p, int length, long offset, boolean big) {
        if (length < 32) {
            ctx.problem(ProblemKind.BAD_BLOCK, offset, "enhanced packet block of " + length + " bytes, at least 32 needed");
            return;
        }
        long id = Bytes.u32(b, p + 8, big);
        deliver(b, p, length, offset, big, id, 28);
    }

    void obsoletePacket(byte[] b, int p, int length, long offset, boolean big) {
        if (length < 32) {
            ctx.problem(ProblemKind.BAD_BLOCK, offset, "packet block of " + length + " bytes, at least 32 needed");
            return;
        }
        int id = Bytes.u16(b, p + 8, big);
        deliver(b, p, length, offset, big, id, 28);
    }

    /** EPB and the obsolete PB share the layout from the timestamp on. */
    private void deliver(byte[] b, int p, int length, long offset, boolean big, long id, int dataStart) {
        if (!interfaces.known(id)) {
            ctx.problem(ProblemKind.UNKNOWN_INTERFACE, offset, "packet on interface " + id + ", section describes "
                    + interfaces.count());
            return;
        }
        long ticks = (Bytes.u32(b, p + 12, big) << 32) | Bytes.u32(b, p + 16, big);
        long captured = Bytes.u32(b, p + 20, big);
        long wire = Bytes.u32(b, p + 24, big);
        int room = length - dataStart - 4;
        if (captured > room || captured > CaptureReader.MAX_PACKET_LENGTH) {
            ctx.problem(ProblemKind.BAD_LENGTH, offset, "captured length " + captured + " exceeds "
                    + (captured > room ? "the block's " + room + " data bytes" : "the maximum of "
                    + CaptureReader.MAX_PACKET_LENGTH));
            return;
        }
        int i = (int) id;
        ctx.packet(interfaces.linkType(i), interfaces.nanos(i, ticks), (int) Math.min(wire, Integer.MAX_VALUE),
                b, p + dataStart, (int) captured);
    }

    void simplePacket(byte[] b, int p, int length, long offset, boolean big) {
        if (length < 16) {
            ctx.problem(ProblemKind.BAD_BLOCK, offset, "simple packet block of " + length + " bytes, at least 16 needed");
            return;
        }
        if (!interfaces.known(0)) {
            ctx.problem(ProblemKind.UNKNOWN_INTERFACE, offset, "simple packet block before any interface description");
            return;
        }
        long wire = Bytes.u32(b, p + 8, big);
        // The SPB has no captured length: it is the wire length cut to the snaplen and the block.
        long captured = Math.min(wire, length - 16);
        int snaplen = interfaces.snaplen(0);
        if (snaplen > 0) {
            captured = Math.min(captured, snaplen);
        }
        captured = Math.min(captured, CaptureReader.MAX_PACKET_LENGTH);
        // An SPB has no timestamp: like libpcap, give it tick 0 of interface 0 (its if_tsoffset).
        ctx.packet(interfaces.linkType(0), interfaces.nanos(0, 0L), (int) Math.min(wire, Integer.MAX_VALUE),
                b, p + 12, (int) captured);
    }
}
