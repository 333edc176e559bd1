package org.fenghuo.collectors.pcap.app.dnp3;

import java.util.Arrays;

/**
 * Rebuilds application fragments of one direction from transport segments (FIR/FIN/sequence).
 * A fragment is at most {@link #MAX_FRAGMENT} bytes (the DNP3 limit); a longer one, a segment out
 * of sequence, or a middle segment without a first one drops what is held and is reported.
 */
final class TransportReassembler {
    static final int MAX_FRAGMENT = 2048;

    interface Sink {
        void fragment(LinkFrame last, byte[] data, int len);

        void malformed(String reason, String detail, byte[] data, int off, int len, long ts);
    }

    private final byte[] buffer = new byte[MAX_FRAGMENT];
    private int held;
    private boolean active;
    private int nextSequence;
    private int source;
    private int destination;

    void segment(LinkFrame frame, Sink sink) {
        byte[] u = frame.userData();
        int header = u[0] & 0xff;
        boolean fin = (header & 0x80) != 0;
        boolean fir = (header & 0x40) != 0;
        int seq = header & 0x3f;
        long ts = frame.timestampNanos();
        if (fir) {
            active = true;
            held = 0;
            source = frame.source();
            destination = frame.destination();
        } else if (!active || seq != nextSequence || frame.source() != source || frame.destination() != destination) {
            if (active) {
                sink.malformed("transport sequence", "expected " + nextSequence + " got " + seq, u, 0, u.length, ts);
            }
            active = false;
            return;
        }
        int n = u.length - 1;
        if (held + n > MAX_FRAGMENT) {
            sink.malformed("fragment too large", (held + n) + " bytes", u, 0, u.length, ts);
            active = false;
            return;
        }
        System.arraycopy(u, 1, buffer, held, n);
        held += n;
        nextSequence = (seq + 1) & 0x3f;
        if (fin) {
            active = false;
            sink.fragment(frame, Arrays.copyOf(buffer, held), held);
        }
    }

    void reset() {
        active = false;
        held = 0;
    }
}
