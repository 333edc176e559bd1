package org.fenghuo.collectors.pcap.app.modbus;

/**
 * Cuts one direction's byte stream into MBAP frames (ADUs), whatever pieces the stream came in.
 * Holds at most one ADU (260 bytes). On a header that is not MBAP (protocol id not 0, length
 * outside 2..254) it reports once and then slides one byte at a time until a valid header comes:
 * every step consumes a byte, so there is no loop without progress.
 */
final class MbapFramer {
    /** Transaction id, protocol id, length. The unit id is counted in the length. */
    static final int HEADER = 6;
    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 254;
    static final int MAX_ADU = HEADER + MAX_LENGTH;

    interface Sink {
        /** One whole ADU in {@code adu[0, len)}: MBAP header, unit id, PDU. */
        void adu(byte[] adu, int len, long ts);

        /** The stream lost MBAP framing at a header; called once per resynchronisation. */
        void badHeader(byte[] header, int len, long ts);
    }

    private final byte[] buffer = new byte[MAX_ADU];
    private int held;
    private boolean resyncing;

    static boolean validHeader(byte[] b, int off) {
        int protocolId = u16(b, off + 2);
        int length = u16(b, off + 4);
        return protocolId == 0 && length >= MIN_LENGTH && length <= MAX_LENGTH;
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    void data(byte[] data, int off, int len, long ts, Sink sink) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (held < HEADER) {
                int take = Math.min(HEADER - held, end - i);
                System.arraycopy(data, i, buffer, held, take);
                held += take;
                i += take;
                if (held < HEADER) {
                    return;
                }
                if (!validHeader(buffer, 0)) {
                    if (!resyncing) {
                        resyncing = true;
                        sink.badHeader(buffer, HEADER, ts);
                    }
                    System.arraycopy(buffer, 1, buffer, 0, HEADER - 1);
                    held = HEADER - 1;
                    continue;
                }
            }
            int total = HEADER + u16(buffer, 4);
            int take = Math.min(total - held, end - i);
            System.arraycopy(data, i, buffer, held, take);
            held += take;
            i += take;
            if (held == total) {
                held = 0;
                resyncing = false;
                sink.adu(buffer, total, ts);
            }
        }
    }

    /** Bytes of this direction were lost: drop the partial ADU and look for the next header quietly. */
    void gap() {
        held = 0;
        resyncing = true;
    }

    /** Whether a partial ADU is held. */
    boolean holdsPartial() {
        return held > 0;
    }
}
