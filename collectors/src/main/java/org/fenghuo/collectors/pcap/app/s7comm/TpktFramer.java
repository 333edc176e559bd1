package org.fenghuo.collectors.pcap.app.s7comm;

import java.util.Arrays;
import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.flow.HexText;

/**
 * Cuts one direction's byte stream into TPKTs (RFC 1006: version 3, reserved 0, 16-bit length
 * counting the 4-octet header), whatever pieces it comes in. Holds at most one TPKT, so at most
 * 64 KB. On a bad header it reports once and scans for the next 0x03 0x00 with a length of at
 * least {@link #MIN_LENGTH}; every byte is consumed at most once, so no input can make it loop.
 */
final class TpktFramer {
    static final int VERSION = 3;
    /** TPKT header plus the shortest COTP TPDU (LI, type, one octet). */
    static final int MIN_LENGTH = 7;
    /** Giving up on a direction after this many bytes without one sound TPKT. */
    static final long MAX_SCAN_BYTES = 64 * 1024;

    interface Sink {
        void tpkt(byte[] tpkt, int length, long timestampNanos);
    }

    private byte[] buf = new byte[512];
    private int fill;
    private int need;
    private boolean scanning;
    private long scanned;

    boolean alive() {
        return scanned < MAX_SCAN_BYTES;
    }

    /** Bytes went missing: drop the partial TPKT and look quietly for the next one. */
    void gap() {
        fill = 0;
        scanning = true;
    }

    void feed(byte[] data, int off, int len, long ts, AppOutput out, Sink sink) {
        int end = off + len;
        int i = off;
        while (i < end && alive()) {
            int b = data[i] & 0xFF;
            if (fill == 0) {
                if (b != VERSION) {
                    bad("bad tpkt version", HexText.prefixedHex(b, 2), ts, data, i, end - i, out);
                    i++;
                } else {
                    buf[fill++] = (byte) b;
                    i++;
                }
            } else if (fill == 1) {
                if (b != 0) {
                    bad("bad tpkt reserved octet", HexText.prefixedHex(b, 2), ts, data, i, end - i, out);
                    fill = 0; // this octet may be the next version octet
                } else {
                    buf[fill++] = 0;
                    i++;
                }
            } else if (fill < 4) {
                buf[fill++] = (byte) b;
                i++;
                if (fill == 4) {
                    need = (buf[2] & 0xFF) << 8 | (buf[3] & 0xFF);
                    if (need < MIN_LENGTH) {
                        bad("bad tpkt length", Integer.toString(need), ts, buf, 0, 4, out);
                        fill = 0;
                    } else if (buf.length < need) {
                        buf = Arrays.copyOf(buf, need);
                    }
                }
            } else {
                int n = Math.min(need - fill, end - i);
                System.arraycopy(data, i, buf, fill, n);
                fill += n;
                i += n;
                if (fill == need) {
                    fill = 0;
                    scanning = false;
                    scanned = 0;
                    sink.tpkt(buf, need, ts);
                }
            }
        }
    }

    private void bad(String reason, String detail, long ts, byte[] data, int off, int len, AppOutput out) {
        scanned++;
        if (!scanning) {
            out.malformed(S7commProtocol.NAME, reason, detail, ts, data, off, len);
            scanning = true;
        }
    }
}
