package org.fenghuo.collectors.pcap.app.dns;

/**
 * Cuts one direction of a DNS-over-TCP stream into messages by their 2-byte length prefix
 * (RFC 1035 4.2.2), across however the bytes arrive. Holds at most one message (65535 bytes).
 */
final class DnsTcpFramer {
    /** Receives each whole message; the array is only valid during the call. */
    interface Sink {
        void message(byte[] data, int off, int len, long timestampNanos);
    }

    private int prefixHave;
    private int prefixHigh;
    /** Length of the message being read, once both prefix bytes are in. */
    private int need;
    private int have;
    private byte[] buffer;
    /** Bytes of a message damaged by a gap that still have to go by before the next prefix. */
    private long skip;
    /** After a gap that may have held a length prefix: the next bytes must look like a message. */
    private boolean resync;
    private boolean lost;

    void data(byte[] data, int off, int len, long ts, Sink sink) {
        int end = off + len;
        if (resync && off < end) {
            resync = false;
            lost = !startsLikeMessage(data, off, len);
        }
        while (off < end && !lost) {
            if (skip > 0) {
                int n = (int) Math.min(skip, end - off);
                skip -= n;
                off += n;
            } else if (prefixHave < 2) {
                int c = data[off++] & 0xff;
                if (prefixHave++ == 0) {
                    prefixHigh = c;
                } else {
                    need = prefixHigh << 8 | c;
                    have = 0;
                    if (need == 0) {
                        prefixHave = 0;
                        sink.message(data, off, 0, ts); // reported as malformed by the parser
                    }
                }
            } else {
                int n = Math.min(need - have, end - off);
                if (have == 0 && n == need) {
                    // the whole message is in this call: parse it in place, no copy
                    prefixHave = 0;
                    sink.message(data, off, n, ts);
                } else {
                    if (buffer == null || buffer.length < need) {
                        buffer = new byte[need];
                    }
                    System.arraycopy(data, off, buffer, have, n);
                    have += n;
                    if (have == need) {
                        prefixHave = 0;
                        have = 0;
                        sink.message(buffer, 0, need, ts);
                    }
                }
                off += n;
            }
        }
    }

    /**
     * {@code missing} stream bytes were never seen. When they fall inside the message being read
     * its end is still known: that message is dropped and framing goes on after it. Otherwise a
     * length prefix may have been lost. Delivery resumes at a segment start and DNS peers
     * normally start a segment with a message, so framing resumes there if those bytes pass the
     * same header check as recognition; if not, the direction stops rather than invent messages
     * from arbitrary bytes.
     *
     * @return false when this direction can no longer be followed
     */
    boolean gap(long missing) {
        if (lost) {
            return false;
        }
        if (skip > 0 && missing <= skip) {
            skip -= missing;
            return true;
        }
        if (skip == 0 && prefixHave == 2 && missing <= need - have) {
            skip = need - have - missing;
            prefixHave = 0;
            have = 0;
            return true;
        }
        skip = 0;
        prefixHave = 0;
        have = 0;
        resync = true;
        return true;
    }

    private static boolean startsLikeMessage(byte[] data, int off, int len) {
        return len >= 2 && DnsParser.plausibleHeader(data, off + 2, len - 2, (data[off] & 0xff) << 8 | data[off + 1] & 0xff);
    }

    boolean lost() {
        return lost;
    }

    /** Whether part of a message is held (the stream ended inside it). */
    boolean partial() {
        return !lost && skip == 0 && prefixHave > 0;
    }

    /** The bytes of the partial message held so far. */
    byte[] held() {
        return buffer == null || have == 0 ? new byte[0] : java.util.Arrays.copyOf(buffer, have);
    }
}
