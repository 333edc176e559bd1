package org.fenghuo.collectors.pcap.capture;

import java.io.IOException;

/**
 * Reads the records of a libpcap file after {@link CaptureReader} has recognised its magic.
 * Packets are handed out straight from the input window: no copy, no object per packet.
 */
final class PcapReader {
    static final int MAGIC_MICROS = 0xA1B2C3D4;
    static final int MAGIC_NANOS = 0xA1B23C4D;
    /** Alexey Kuznetzov's patched libpcap: 8 more bytes per record header (ifindex, protocol, type). */
    static final int MAGIC_MODIFIED = 0xA1B2CD34;

    private static final int FILE_HEADER = 24;
    // The upper bits of the link-type field carry the FCS length (libpcap's LT_LINKTYPE mask).
    private static final int LINK_TYPE_MASK = 0x03FF_FFFF;

    private final CaptureInput in;
    private final ReadContext ctx;
    private final boolean bigEndian;
    private final long fractionToNanos;
    private final int recordHeader;
    private int linkType;
    private int snaplen;

    /** @param magic the first four bytes read big-endian; must be one of the magics, in either order */
    PcapReader(CaptureInput in, ReadContext ctx, int magic) {
        this.in = in;
        this.ctx = ctx;
        this.bigEndian = isMagic(magic);
        int canonical = bigEndian ? magic : Integer.reverseBytes(magic);
        this.fractionToNanos = canonical == MAGIC_NANOS ? 1 : 1000;
        this.recordHeader = canonical == MAGIC_MODIFIED ? 24 : 16;
    }

    static boolean isMagic(int magic) {
        return magic == MAGIC_MICROS || magic == MAGIC_NANOS || magic == MAGIC_MODIFIED;
    }

    static boolean isMagicEitherOrder(int magic) {
        return isMagic(magic) || isMagic(Integer.reverseBytes(magic));
    }

    /** @return true when the file ended cleanly at a record boundary */
    boolean read() throws IOException {
        if (!readFileHeader()) {
            return false;
        }
        ctx.sections = 1;
        while (true) {
            long offset = in.offset();
            if (!in.ensure(recordHeader)) {
                return endOfRecords(offset);
            }
            if (!readRecord(offset)) {
                return false;
            }
        }
    }

    private boolean readFileHeader() throws IOException {
        if (!in.ensure(FILE_HEADER)) {
            ctx.problem(ProblemKind.TRUNCATED, 0,
                    "pcap file header cut after " + in.buffered() + " of " + FILE_HEADER + " bytes");
            in.advance(in.buffered());
            return false;
        }
        byte[] b = in.buffer();
        int p = in.position();
        int major = Bytes.u16(b, p + 4, bigEndian);
        int minor = Bytes.u16(b, p + 6, bigEndian);
        if (major != 2) {
            ctx.problem(ProblemKind.UNKNOWN_FORMAT, 4, "unsupported pcap version " + major + "." + minor);
            return false;
        }
        long headerSnaplen = Bytes.u32(b, p + 16, bigEndian);
        // As libpcap: a zero or oversized snaplen is a writer's bug, not a limit on the records.
        snaplen = headerSnaplen == 0 || headerSnaplen > CaptureReader.MAX_PACKET_LENGTH
                ? CaptureReader.MAX_PACKET_LENGTH : (int) headerSnaplen;
        linkType = Bytes.i32(b, p + 20, bigEndian) & LINK_TYPE_MASK;
        in.advance(FILE_HEADER);
        return true;
    }

    private boolean endOfRecords(long offset) {
        int left = in.buffered();
        if (left == 0) {
            return true;
        }
        ctx.problem(ProblemKind.TRUNCATED, offset,
                "record header cut after " + left + " of " + recordHeader + " bytes");
        in.advance(left);
        return false;
    }

    /** @return false when the rest of the file cannot be read */
    private boolean readRecord(long offset) throws IOException {
        byte[] b = in.buffer();
        int p = in.position();
        long seconds = Bytes.u32(b, p, bigEndian);
        long fraction = Bytes.u32(b, p + 4, bigEndian);
        long inclLen = Bytes.u32(b, p + 8, bigEndian);
        long origLen = Bytes.u32(b, p + 12, bigEndian);
        if (inclLen > CaptureReader.MAX_PACKET_LENGTH) {
            // Nothing after a bogus length can be framed: the next "record" would be packet bytes.
            ctx.problem(ProblemKind.BAD_LENGTH, offset, "incl_len " + inclLen + " exceeds the maximum of "
                    + CaptureReader.MAX_PACKET_LENGTH + "; rest of file not trusted");
            return false;
        }
        int total = recordHeader + (int) inclLen;
        if (!in.ensure(total)) {
            ctx.problem(ProblemKind.TRUNCATED, offset,
                    "record cut after " + in.buffered() + " of " + total + " bytes");
            in.advance(in.buffered());
            return false;
        }
        int captured = (int) inclLen;
        if (captured > snaplen) {
            // libpcap delivers such records cut to the snaplen and goes on; so do we, but say so.
            ctx.problem(ProblemKind.BAD_LENGTH, offset, "incl_len " + inclLen + " exceeds snaplen " + snaplen);
            captured = snaplen;
        }
        b = in.buffer();
        p = in.position();
        long nanos = seconds * 1_000_000_000L + fraction * fractionToNanos;
        int wire = (int) Math.min(origLen, Integer.MAX_VALUE);
        ctx.packet(linkType, nanos, wire, b, p + recordHeader, captured);
        in.advance(total);
        return true;
    }
}
