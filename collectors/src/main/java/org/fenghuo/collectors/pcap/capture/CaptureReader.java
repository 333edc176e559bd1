package org.fenghuo.collectors.pcap.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a pcap or pcapng capture, recognised from its first four bytes, and delivers every packet
 * to a {@link PacketHandler}. Bad input is reported to a {@link ProblemHandler} and counted, never
 * thrown; reading always terminates and never buffers more than a fixed window (1 MiB; less for
 * small files).
 *
 * <p>Both handlers are called on the caller's thread, in file order. The packet bytes live in the
 * reader's window and are overwritten after the call returns. An exception thrown by a handler
 * stops the read and propagates.
 */
public final class CaptureReader {
    /** Largest captured length accepted for one packet (libpcap's MAXIMUM_SNAPLEN, 256 KiB). */
    public static final int MAX_PACKET_LENGTH = 262_144;

    private CaptureReader() {
    }

    /**
     * Reads a capture file.
     *
     * @throws IOException only when the file cannot be opened; read errors become {@link ProblemKind#IO_ERROR}
     */
    public static CaptureStats read(Path file, PacketHandler packets, ProblemHandler problems) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            // A small file gets a small window; the window still grows for a large record.
            return read(in, packets, problems, (int) Math.min(size + 1, CaptureInput.CAPACITY));
        }
    }

    /** Reads a capture from a stream, which is left open. */
    public static CaptureStats read(InputStream stream, PacketHandler packets, ProblemHandler problems) {
        return read(stream, packets, problems, CaptureInput.CAPACITY);
    }

    static CaptureStats read(InputStream stream, PacketHandler packets, ProblemHandler problems, int window) {
        ReadContext ctx = new ReadContext(packets, problems);
        CaptureInput in = new CaptureInput(stream, window);
        CaptureFormat format = CaptureFormat.UNKNOWN;
        boolean complete = false;
        try {
            if (!in.ensure(4)) {
                ctx.problem(ProblemKind.TRUNCATED, 0, "input of " + in.buffered() + " bytes has no capture magic");
                in.advance(in.buffered());
                return ctx.stats(format, in.offset(), false);
            }
            int magic = Bytes.i32(in.buffer(), in.position(), true);
            format = detect(magic);
            switch (format) {
                case PCAP:
                    complete = new PcapReader(in, ctx, magic).read();
                    break;
                case PCAPNG:
                    complete = new PcapngReader(in, ctx).read();
                    break;
                default:
                    ctx.problem(ProblemKind.UNKNOWN_FORMAT, 0, "magic " + PcapngReader.hex(magic)
                            + " is neither pcap nor pcapng");
            }
        } catch (IOException e) {
            ctx.problem(ProblemKind.IO_ERROR, in.offset(), e.toString());
        } catch (InternalError e) {
            // A fault reading a memory-mapped file (cut shorter, or a disk error) that the JVM raised
            // after the copy instead of at it (see CaptureFileStream): the same I/O problem. Only for
            // a mapped input: from anything else this error is not about the file.
            if (!(stream instanceof CaptureFileStream) || !isMappedReadFault(e)) {
                throw e;
            }
            ctx.problem(ProblemKind.IO_ERROR, in.offset(), "fault reading the mapped file (the packet being "
                    + "handled may be partly counted): " + e.getMessage());
        }
        return ctx.stats(format, in.offset(), complete);
    }

    /** The JVM's words for a SIGBUS in an access to mapped memory (HotSpot 17). */
    static boolean isMappedReadFault(InternalError e) {
        return e.getMessage() != null && e.getMessage().contains("unsafe memory access operation");
    }

    /** The format announced by the first four bytes of a file, read big-endian. */
    public static CaptureFormat detect(int magic) {
        if (PcapReader.isMagicEitherOrder(magic)) {
            return CaptureFormat.PCAP;
        }
        return magic == PcapngReader.SECTION_HEADER ? CaptureFormat.PCAPNG : CaptureFormat.UNKNOWN;
    }
}
