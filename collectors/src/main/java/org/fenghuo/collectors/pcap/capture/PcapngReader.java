package org.fenghuo.collectors.pcap.capture;

import java.io.IOException;

/**
 * Walks the blocks of a pcapng file after {@link CaptureReader} has seen a Section Header Block
 * type. Known blocks up to the window size are parsed in place; everything else is skipped by its
 * length, which is trusted only after it passed the framing checks.
 */
final class PcapngReader {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int INTERFACE_DESCRIPTION = 1;
    static final int PACKET = 2;
    static final int SIMPLE_PACKET = 3;
    static final int ENHANCED_PACKET = 6;

    private static final int MIN_BLOCK = 12;

    private final CaptureInput in;
    private final ReadContext ctx;
    private final PcapngInterfaces interfaces = new PcapngInterfaces();
    private final PcapngPackets packets;
    private boolean bigEndian;

    PcapngReader(CaptureInput in, ReadContext ctx) {
        this.in = in;
        this.ctx = ctx;
        this.packets = new PcapngPackets(ctx, interfaces);
    }

    /** @return true when the file ended cleanly at a block boundary */
    boolean read() throws IOException {
        while (true) {
            long offset = in.offset();
            if (!in.ensure(MIN_BLOCK)) {
                return endOfBlocks(offset);
            }
            byte[] b = in.buffer();
            int p = in.position();
            int type = Bytes.i32(b, p, bigEndian);
            if (type == SECTION_HEADER && !readByteOrder(offset)) {
                return false;
            }
            long length = Bytes.u32(b, p + 4, bigEndian);
            if (length < MIN_BLOCK || length % 4 != 0) {
                // Without a sane length there is no next block to find.
                ctx.problem(ProblemKind.BAD_LENGTH, offset, "block type " + hex(type) + " has length " + length
                        + " (must be a multiple of 4, at least " + MIN_BLOCK + "); rest of file not trusted");
                return false;
            }
            if (!readBlock(type, (int) Math.min(length, Integer.MAX_VALUE), length, offset)) {
                return false;
            }
        }
    }

    private boolean endOfBlocks(long offset) {
        int left = in.buffered();
        if (left == 0) {
            return true;
        }
        ctx.problem(ProblemKind.TRUNCATED, offset, "block header cut after " + left + " bytes");
        in.advance(left);
        return false;
    }

    /** Takes the byte order of a new section from its byte-order magic. */
    private boolean readByteOrder(long offset) {
        int magic = Bytes.i32(in.buffer(), in.position() + 8, true);
        if (magic == BYTE_ORDER_MAGIC) {
            bigEndian = true;
        } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            bigEndian = false;
        } else {
            ctx.problem(ProblemKind.UNKNOWN_FORMAT, offset + 8,
                    "section header byte-order magic " + hex(magic) + " is neither order of 1a2b3c4d");
            return false;
        }
        return true;
    }

    /** @return false when reading must stop */
    private boolean readBlock(int type, int length, long fullLength, long offset) throws IOException {
        boolean known = type == SECTION_HEADER || type == INTERFACE_DESCRIPTION || type == PACKET
                || type == SIMPLE_PACKET || type == ENHANCED_PACKET;
        if (!known || fullLength > in.capacity()) {
            if (known) {
                ctx.problem(ProblemKind.BAD_LENGTH, offset, "block type " + hex(type) + " of " + fullLength
                        + " bytes exceeds the maximum of " + in.capacity() + "; skipped");
            }
            return skip(fullLength, offset);
        }
        if (!in.ensure(length)) {
            ctx.problem(ProblemKind.TRUNCATED, offset, "block type " + hex(type) + " claims " + length
                    + " bytes, only " + in.buffered() + " remain");
            in.advance(in.buffered());
            return false;
        }
        byte[] b = in.buffer();
        int p = in.position();
        long trailer = Bytes.u32(b, p + length - 4, bigEndian);
        if (trailer != length) {
            ctx.problem(ProblemKind.BAD_BLOCK, offset, "block type " + hex(type) + " length " + length
                    + " but trailing length " + trailer);
        }
        boolean go = dispatch(type, b, p, length, offset);
        in.advance(length);
        return go;
    }

    private boolean dispatch(int type, byte[] b, int p, int length, long offset) {
        switch (type) {
            case SECTION_HEADER:
                return sectionHeader(b, p, length, offset);
            case INTERFACE_DESCRIPTION:
                packets.interfaceDescription(b, p, length, offset, bigEndian);
                return true;
            case ENHANCED_PACKET:
                packets.enhancedPacket(b, p, length, offset, bigEndian);
                return true;
            case PACKET:
                packets.obsoletePacket(b, p, length, offset, bigEndian);
                return true;
            case SIMPLE_PACKET:
                packets.simplePacket(b, p, length, offset, bigEndian);
                return true;
            default:
                return true;
        }
    }

    private boolean sectionHeader(byte[] b, int p, int length, long offset) {
        if (length < 28) {
            ctx.problem(ProblemKind.BAD_LENGTH, offset, "section header of " + length + " bytes, at least 28 needed");
            return false;
        }
        int major = Bytes.u16(b, p + 12, bigEndian);
        int minor = Bytes.u16(b, p + 14, bigEndian);
        if (major != 1) {
            ctx.problem(ProblemKind.UNKNOWN_FORMAT, offset + 12, "unsupported pcapng version " + major + "." + minor);
            return false;
        }
        // Interface ids are numbered per section.
        interfaces.clear();
        ctx.sections++;
        return true;
    }

    private boolean skip(long length, long offset) throws IOException {
        long skipped = in.skip(length);
        if (skipped < length) {
            ctx.problem(ProblemKind.TRUNCATED, offset, "block claims " + length + " bytes, only " + skipped + " remain");
            return false;
        }
        return true;
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value & 0xFFFF_FFFFL);
    }
}
