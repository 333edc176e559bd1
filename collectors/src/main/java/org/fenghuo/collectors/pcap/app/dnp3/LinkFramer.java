package org.fenghuo.collectors.pcap.app.dnp3;

/**
 * Cuts one direction's bytes into DNP3 link frames and checks their CRCs. Holds at most one frame
 * (292 bytes). Resynchronisation: bytes before a 0x05 0x64 start are skipped (reported once per
 * episode); a header with a bad CRC or length is reported and only its first byte is skipped, so
 * the scan resumes inside it; a frame with a good header but a bad data block CRC is reported and
 * skipped whole (its length is trusted, the header CRC having vouched for it). Every step consumes
 * at least one byte.
 */
final class LinkFramer {
    /** Start (2), length, control, destination (2), source (2), CRC (2). */
    static final int HEADER = 10;
    static final int MAX_FRAME = HEADER + 250 + 2 * 16;

    interface Sink {
        void frame(LinkFrame frame);

        void malformed(String reason, String detail, byte[] data, int off, int len, long ts);
    }

    private final byte[] buffer = new byte[MAX_FRAME];
    private int held;
    private boolean skipping;

    static boolean validHeader(byte[] b, int off) {
        return (b[off] & 0xff) == 0x05 && (b[off + 1] & 0xff) == 0x64 && (b[off + 2] & 0xff) >= 5
                && Dnp3Crc.check(b, off, 8);
    }

    /** The whole frame's size on the wire for link length {@code length}. */
    static int frameSize(int length) {
        int user = length - 5;
        return HEADER + user + 2 * ((user + 15) / 16);
    }

    void data(byte[] data, int off, int len, long ts, Sink sink) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (held < 2) {
                buffer[held++] = data[i++];
                if (held == 1 && (buffer[0] & 0xff) != 0x05 || held == 2 && (buffer[1] & 0xff) != 0x64) {
                    if (!skipping) {
                        skipping = true;
                        sink.malformed("no start bytes", null, buffer, 0, held, ts);
                    }
                    dropFirst();
                }
                continue;
            }
            if (held < HEADER) {
                int take = Math.min(HEADER - held, end - i);
                System.arraycopy(data, i, buffer, held, take);
                held += take;
                i += take;
                if (held < HEADER) {
                    return;
                }
                if (!validHeader(buffer, 0)) {
                    boolean crc = !Dnp3Crc.check(buffer, 0, 8);
                    sink.malformed(crc ? "bad crc" : "bad length", crc ? "link header" : "length " + (buffer[2] & 0xff),
                            buffer, 0, HEADER, ts);
                    skipping = true;
                    dropFirst();
                    continue;
                }
                skipping = false;
            }
            int total = frameSize(buffer[2] & 0xff);
            int take = Math.min(total - held, end - i);
            System.arraycopy(data, i, buffer, held, take);
            held += take;
            i += take;
            if (held == total) {
                held = 0;
                complete(total, ts, sink);
            }
        }
    }

    /** Bytes were lost: drop the partial frame and scan for the next start quietly. */
    void gap() {
        held = 0;
        skipping = true;
    }

    private void dropFirst() {
        System.arraycopy(buffer, 1, buffer, 0, held - 1);
        held--;
        // what is left may not start a frame either: the next bytes are checked as they come, and
        // a held remainder is re-checked by the caller's loop through held < 2 / header checks
        while (held > 0 && (buffer[0] & 0xff) != 0x05) {
            System.arraycopy(buffer, 1, buffer, 0, held - 1);
            held--;
        }
        if (held >= 2 && (buffer[1] & 0xff) != 0x64) {
            dropFirst();
        }
    }

    private void complete(int total, long ts, Sink sink) {
        int user = (buffer[2] & 0xff) - 5;
        byte[] out = new byte[user];
        int o = 0;
        for (int p = HEADER; p < total; ) {
            int block = Math.min(16, total - p - 2);
            if (!Dnp3Crc.check(buffer, p, block)) {
                sink.malformed("bad crc", "data block at " + (p - HEADER), buffer, 0, total, ts);
                return;
            }
            System.arraycopy(buffer, p, out, o, block);
            o += block;
            p += block + 2;
        }
        int dst = (buffer[4] & 0xff) | (buffer[5] & 0xff) << 8;
        int src = (buffer[6] & 0xff) | (buffer[7] & 0xff) << 8;
        sink.frame(new LinkFrame(buffer[3] & 0xff, dst, src, out, ts));
    }
}
