package org.fenghuo.collectors.syslog;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The deadlines of one connection, read by the listener's watchdog and moved by the connection's
 * own thread. Expiring closes the raw socket, which ends whatever read or handshake the
 * connection thread is blocked in; that is the only way to bound a blocking read from outside.
 */
final class ConnectionWatch {

    private static final long NONE = Long.MIN_VALUE;

    private final Socket raw;
    private final AtomicReference<ConnectionMetrics.Outcome> expired = new AtomicReference<>();
    private volatile long handshakeDeadline;
    private volatile long lastRead;
    private volatile long frameStarted = NONE;
    // set while the connection thread hands frames to the sink: that wait (a full spool holding the
    // sender back) is the collector's, not the peer's, so no deadline runs during it
    private volatile long handingSince = NONE;

    /** @param handshakeDeadline {@link System#nanoTime()} by which the stream must be open; NONE for TCP */
    private ConnectionWatch(Socket raw, long now, long handshakeDeadline) {
        this.raw = raw;
        this.lastRead = now;
        this.handshakeDeadline = handshakeDeadline;
    }

    static ConnectionWatch plain(Socket raw, long now) {
        return new ConnectionWatch(raw, now, NONE);
    }

    static ConnectionWatch withHandshake(Socket raw, long now, long handshakeNanos) {
        return new ConnectionWatch(raw, now, now + handshakeNanos);
    }

    /** The handshake is over: from now on the idle and frame deadlines apply. */
    void opened(long now) {
        lastRead = now;
        handshakeDeadline = NONE;
    }

    /** Bytes arrived and are about to be framed and handed to the sink, which may block. */
    void handing(long now) {
        handingSince = now;
    }

    /**
     * The bytes of the last read are handed over; {@code inFrame} says whether the framer is now
     * inside an unfinished frame. The time spent handing over does not count against the frame.
     */
    void read(long now, boolean inFrame) {
        long since = handingSince;
        if (since != NONE && frameStarted != NONE) {
            frameStarted += now - since;
        }
        handingSince = NONE;
        lastRead = now;
        if (!inFrame) {
            frameStarted = NONE;
        } else if (frameStarted == NONE) {
            // the frame may have begun a little earlier within this read: close enough for a timeout
            frameStarted = now;
        }
    }

    /** The outcome that closed this connection, or null while it has not expired. */
    ConnectionMetrics.Outcome expired() {
        return expired.get();
    }

    /** Which deadline {@code now} has passed, or null. */
    ConnectionMetrics.Outcome overdue(long now, long idleNanos, long frameNanos) {
        long handshake = handshakeDeadline;
        if (handshake != NONE) {
            return now - handshake > 0 ? ConnectionMetrics.Outcome.TLS_HANDSHAKE_TIMEOUT : null;
        }
        if (handingSince != NONE) {
            return null;
        }
        long started = frameStarted;
        if (started != NONE && now - started > frameNanos) {
            return ConnectionMetrics.Outcome.FRAME_TIMEOUT;
        }
        return now - lastRead > idleNanos ? ConnectionMetrics.Outcome.IDLE_TIMEOUT : null;
    }

    /** Closes the socket for {@code why}; true only for the first call, so the outcome is counted once. */
    boolean expire(ConnectionMetrics.Outcome why) {
        if (!expired.compareAndSet(null, why)) {
            return false;
        }
        close();
        return true;
    }

    /** Closes the raw socket without a TLS close_notify, which could block on a peer that reads nothing. */
    void close() {
        try {
            raw.close();
        } catch (IOException e) {
            // already closed or reset: nothing left to release
        }
    }
}
