package org.fenghuo.collectors.pcap.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * A large reusable window over a stream, so records are parsed in place and packets handed out
 * without a copy. {@link #ensure} makes up to {@link #capacity()} bytes contiguous; anything larger
 * is skipped, never buffered, which bounds memory whatever the lengths in the file claim. The
 * window may start smaller (a small file needs no 1 MiB array) and grows on demand up to the cap.
 */
final class CaptureInput {
    static final int CAPACITY = 1 << 20;
    static final int MIN_WINDOW = 64 << 10;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private long base;
    private boolean eof;

    CaptureInput(InputStream in, int initialWindow) {
        this.in = in;
        this.buf = new byte[Math.max(MIN_WINDOW, Math.min(initialWindow, CAPACITY))];
    }

    byte[] buffer() {
        return buf;
    }

    /** Index in {@link #buffer()} of the next unread byte. */
    int position() {
        return pos;
    }

    /** The most {@link #ensure} can make contiguous. */
    int capacity() {
        return CAPACITY;
    }

    /** Offset in the stream of the next unread byte. */
    long offset() {
        return base + pos;
    }

    /** Bytes buffered and not yet consumed. */
    int buffered() {
        return limit - pos;
    }

    /**
     * Makes {@code n} bytes (at most the capacity) available from {@link #position()}.
     *
     * @return false when the stream ends first; what is there stays buffered
     */
    boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (n > CAPACITY) {
            throw new IllegalArgumentException("window of " + CAPACITY + " cannot hold " + n);
        }
        if (pos + n > buf.length) {
            compact(n);
        }
        while (limit - pos < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    void advance(int n) {
        pos += n;
    }

    /**
     * Consumes up to {@code n} bytes without buffering them.
     *
     * @return the bytes actually skipped; fewer than asked only at the end of the stream
     */
    long skip(long n) throws IOException {
        int inBuffer = (int) Math.min(n, limit - pos);
        pos += inBuffer;
        long done = inBuffer;
        if (done < n) {
            // The window is empty: restart it at the current offset and skip in the stream itself.
            base += pos;
            pos = 0;
            limit = 0;
            done += skipStream(n - done);
            base += done - inBuffer;
        }
        return done;
    }

    // Reads instead of InputStream.skip: FileInputStream.skip happily seeks past the end, which
    // would hide a block that claims more bytes than the file has.
    private long skipStream(long n) throws IOException {
        long done = 0;
        while (done < n && !eof) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                eof = true;
            } else {
                done += r;
            }
        }
        return done;
    }

    private void compact(int needed) {
        int remaining = limit - pos;
        if (needed > buf.length) {
            byte[] bigger = new byte[Math.min(CAPACITY, Math.max(needed, buf.length * 2))];
            System.arraycopy(buf, pos, bigger, 0, remaining);
            buf = bigger;
        } else {
            System.arraycopy(buf, pos, buf, 0, remaining);
        }
        base += pos;
        pos = 0;
        limit = remaining;
    }
}
