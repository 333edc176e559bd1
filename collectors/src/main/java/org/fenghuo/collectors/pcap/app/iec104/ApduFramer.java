package org.fenghuo.collectors.pcap.app.iec104;

import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.flow.HexText;

/**
 * Cuts one direction's byte stream into APDUs, whatever pieces it comes in. Holds at most one
 * APDU (255 octets). On a bad start octet, length or control field it reports once, then scans
 * for the next 0x68 followed by a plausible length; every byte is consumed at most once, so no
 * input can make it loop.
 */
final class ApduFramer {
    /** Giving up on a direction after this many bytes without one sound APDU. */
    static final long MAX_SCAN_BYTES = 64 * 1024;

    interface Sink {
        void apdu(Apdu apdu, long timestampNanos);
    }

    private final byte[] buf = new byte[2 + Apdu.MAX_LENGTH];
    private int fill;
    private boolean scanning;
    private long scanned;

    /** False once this direction showed {@link #MAX_SCAN_BYTES} of garbage in a row. */
    boolean alive() {
        return scanned < MAX_SCAN_BYTES;
    }

    /** Bytes went missing: drop the partial APDU and look quietly for the next one. */
    void gap() {
        fill = 0;
        scanning = true;
    }

    void feed(byte[] data, int off, int len, long ts, AppOutput out, Sink sink) {
        int end = off + len;
        int i = off;
        while (i < end && alive()) {
            if (fill == 0) {
                if ((data[i] & 0xFF) != Apdu.START) {
                    bad("bad start octet", HexText.prefixedHex(data[i] & 0xFF, 2), ts, data, i, end - i, out);
                    scanned++;
                    i++;
                } else {
                    buf[fill++] = data[i++];
                }
            } else if (fill == 1) {
                if (!Apdu.plausibleLength(data[i] & 0xFF)) {
                    bad("bad apdu length", Integer.toString(data[i] & 0xFF), ts, data, i, end - i, out);
                    scanned++;
                    fill = 0; // the octet itself may start the next APDU
                } else {
                    buf[fill++] = data[i++];
                }
            } else {
                int need = 2 + (buf[1] & 0xFF);
                int n = Math.min(need - fill, end - i);
                System.arraycopy(data, i, buf, fill, n);
                fill += n;
                i += n;
                if (fill == need) {
                    fill = 0;
                    complete(need, ts, out, sink);
                }
            }
        }
    }

    private void complete(int length, long ts, AppOutput out, Sink sink) {
        String problem = Apdu.check(buf, 0);
        if (problem != null) {
            bad(problem, "control " + HexText.prefixedHex(buf[2] & 0xFF, 2) + ", length " + (buf[1] & 0xFF), ts, buf, 0,
                    length, out);
            scanned += length;
            return;
        }
        scanning = false;
        scanned = 0;
        sink.apdu(Apdu.parse(buf, 0), ts);
    }

    private void bad(String reason, String detail, long ts, byte[] data, int off, int len, AppOutput out) {
        if (!scanning) {
            out.malformed(Iec104Protocol.NAME, reason, detail, ts, data, off, len);
            scanning = true;
        }
    }
}
