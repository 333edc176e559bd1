package org.fenghuo.collectors.pcap.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts one direction of a TCP connection back in order. In-order bytes go straight from the
 * packet to the receiver (no copy); a segment that arrives ahead of a hole is copied and held,
 * up to {@code maxHeldBytes}; retransmitted and overlapping bytes are delivered once (the first
 * copy wins, as most stacks do). When the held bytes exceed the budget, or the flow ends with a
 * hole, the hole is reported as a gap and delivery resumes after it, so memory per direction is
 * bounded and a lost segment never stalls the stream for good.
 */
final class TcpStream {
    /** Receives bytes in order, or the size of a hole. */
    interface Receiver {
        void bytes(byte[] data, int off, int len, long timestampNanos);

        void gap(long missing, long timestampNanos);
    }

    private static final long MASK = 0xFFFF_FFFFL;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    /** A segment further ahead than this is not held: it is treated as belonging elsewhere (bogus seq). */
    private static final int MAX_AHEAD = 1 << 24;
    /** A SYN this far behind the stream is a late retransmission, not a new connection. */
    private static final int RETRANSMITTED_SYN_WINDOW = 1 << 16;
    /** Segments in a row out of window after which the stream is re-anchored on them. */
    static final int RESYNC_AFTER = 8;
    /** Held segments at most, whatever their size: many tiny segments cost more than their bytes. */
    static final int MAX_HELD_SEGMENTS = 1024;
    /** What a held segment costs beyond its bytes (objects, list slot), counted against the budget. */
    private static final int HELD_OVERHEAD = 64;

    private final int maxHeldBytes;
    private final HeldBudget shared;
    private final List<Held> held = new ArrayList<>();
    private boolean started;
    private long nextSeq;
    private int heldBytes;
    private long gaps;
    private long gapBytes;
    private long discarded;
    /** Segments in a row outside any plausible window of nextSeq. */
    private int outOfWindowRun;

    /** {@code declared} may exceed the captured {@code data} when the snap length cut the segment. */
    private record Held(long seq, byte[] data, int declared) {
    }

    TcpStream(int maxHeldBytes) {
        this(maxHeldBytes, new HeldBudget(Long.MAX_VALUE));
    }

    /** @param shared what all streams of the capture may hold together */
    TcpStream(int maxHeldBytes, HeldBudget shared) {
        this.maxHeldBytes = maxHeldBytes;
        this.shared = shared;
    }

    /**
     * One segment of this direction.
     *
     * @param declared the payload length the IP header declares (at least {@code len}; more when
     *                 the snap length cut the packet)
     */
    void segment(long seq, int flags, byte[] data, int off, int len, int declared, long ts, Receiver to) {
        if (!started) {
            if ((flags & RST) != 0 && declared == 0) {
                return;
            }
            started = true;
            nextSeq = (flags & SYN) != 0 ? (seq + 1) & MASK : seq;
            if ((flags & SYN) != 0) {
                seq = (seq + 1) & MASK; // data on a SYN (TCP Fast Open) starts after it
            }
        } else if ((flags & SYN) != 0) {
            int moved = (int) (((seq + 1) & MASK) - nextSeq);
            if (moved > 0 || moved < -RETRANSMITTED_SYN_WINDOW) {
                // a new connection on the same tuple (the old one never closed both ways): start over
                finish(ts, to);
                nextSeq = (seq + 1) & MASK;
            }
            seq = (seq + 1) & MASK;
        }
        if (declared <= 0) {
            return;
        }
        int ahead = (int) (seq - nextSeq);
        boolean outOfWindow = ahead == Integer.MIN_VALUE || ahead >= MAX_AHEAD || ahead <= -MAX_AHEAD;
        if (outOfWindow && ++outOfWindowRun >= RESYNC_AFTER) {
            // the anchor itself was bogus (a stray or forged first segment): follow the stream as it is now
            finish(ts, to);
            gap((seq - nextSeq) & MASK, ts, to); // everything between is unknown to us
            nextSeq = seq;
            ahead = 0;
            outOfWindow = false;
        }
        if (outOfWindow) {
            // half the sequence space away is neither ahead nor behind: as bogus as too far ahead
            discarded++;
            return;
        }
        outOfWindowRun = 0;
        if (ahead > 0) {
            hold(seq, data, off, len, declared, ts, to);
            return;
        }
        deliver(seq, data, off, len, declared, ts, to);
        drain(ts, to);
    }

    /** The flow ended: whatever is held behind a hole is delivered after reporting the hole. */
    void finish(long ts, Receiver to) {
        while (!held.isEmpty()) {
            skipToFirstHeld(ts, to);
            drain(ts, to);
        }
    }

    /** Drops what is held without delivering it (the flow is abandoned), returning it to the budget. */
    void release() {
        shared.give(heldBytes);
        heldBytes = 0;
        held.clear();
    }

    long gaps() {
        return gaps;
    }

    long gapBytes() {
        return gapBytes;
    }

    /** Segments thrown away because their sequence number was out of any plausible window. */
    long discarded() {
        return discarded;
    }

    /** Delivers the part of a segment at or after nextSeq; {@code seq} is at or before nextSeq. */
    private void deliver(long seq, byte[] data, int off, int len, int declared, long ts, Receiver to) {
        int already = (int) (nextSeq - seq);
        if (already < 0 || already >= declared) {
            return; // a pure retransmission (callers pass no segment ahead of nextSeq)
        }
        if (already < len) {
            to.bytes(data, off + already, len - already, ts);
        }
        int missing = declared - Math.max(already, len);
        if (missing > 0) {
            // cut by the snap length: those bytes were on the wire but are not in the capture
            gap(missing, ts, to);
        }
        nextSeq = (seq + declared) & MASK;
    }

    private void hold(long seq, byte[] data, int off, int len, int declared, long ts, Receiver to) {
        if (!shared.take(len + HELD_OVERHEAD)) {
            // the capture's budget is spent: stop waiting for this stream's hole, go on after it
            finish(ts, to);
            int missing = (int) (seq - nextSeq);
            if (missing > 0) {
                gap(missing, ts, to);
                nextSeq = seq;
            }
            deliver(seq, data, off, len, declared, ts, to);
            return;
        }
        held.add(new Held(seq, Arrays.copyOfRange(data, off, off + len), declared));
        heldBytes += len + HELD_OVERHEAD;
        while ((heldBytes > maxHeldBytes || held.size() > MAX_HELD_SEGMENTS) && !held.isEmpty()) {
            skipToFirstHeld(ts, to);
            drain(ts, to);
        }
    }

    /** Delivers every held segment that now touches nextSeq. */
    private void drain(long ts, Receiver to) {
        boolean progress = true;
        while (progress && !held.isEmpty()) {
            progress = false;
            for (int i = 0; i < held.size(); i++) {
                Held h = held.get(i);
                if ((int) (h.seq - nextSeq) <= 0) {
                    held.remove(i);
                    heldBytes -= h.data.length + HELD_OVERHEAD;
                    shared.give(h.data.length + HELD_OVERHEAD);
                    deliver(h.seq, h.data, 0, h.data.length, h.declared, ts, to);
                    progress = true;
                    break;
                }
            }
        }
    }

    private void skipToFirstHeld(long ts, Receiver to) {
        long nearest = Long.MAX_VALUE;
        for (Held h : held) {
            nearest = Math.min(nearest, (int) (h.seq - nextSeq) & MASK);
        }
        gap(nearest, ts, to);
        nextSeq = (nextSeq + nearest) & MASK;
    }

    private void gap(long missing, long ts, Receiver to) {
        gaps++;
        gapBytes += missing;
        to.gap(missing, ts);
    }
}
