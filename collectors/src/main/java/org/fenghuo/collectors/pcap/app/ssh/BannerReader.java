package org.fenghuo.collectors.pcap.app.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one side's lines until its identification line. The server may send other lines first
 * (RFC 4253 4.2); they are skipped, but only {@link #MAX_LINES} of them, as a peer that never
 * identifies itself is not SSH.
 */
final class BannerReader {
    /** RFC 4253: the identification line is at most 255 bytes with its CR LF. */
    static final int MAX_LINE = 255;
    static final int MAX_LINES = 32;

    enum Status { NEED_MORE, FOUND, BAD }

    private final byte[] line = new byte[MAX_LINE];
    private int length;
    private int lines;
    private Status status = Status.NEED_MORE;
    private Banner banner;
    private String reason;

    Status status() {
        return status;
    }

    Banner banner() {
        return banner;
    }

    /** A fixed phrase once {@link Status#BAD}. */
    String reason() {
        return reason;
    }

    /** The bytes of the current (unfinished or refused) line, for a dead letter. */
    byte[] bytes() {
        return Arrays.copyOf(line, length);
    }

    void consume(byte[] data, int off, int len) {
        for (int i = off; i < off + len && status == Status.NEED_MORE; i++) {
            byte b = data[i];
            if (b == '\n') {
                lineEnded();
            } else if (length == MAX_LINE) {
                bad(isBannerSoFar() ? "banner too long" : "line too long");
            } else {
                line[length++] = b;
            }
        }
    }

    void bad(String why) {
        status = Status.BAD;
        reason = why;
    }

    private void lineEnded() {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length; // bare LF is tolerated (RFC 4253 4.2)
        String text = new String(line, 0, end, StandardCharsets.ISO_8859_1);
        if (isBannerSoFar()) {
            banner = Banner.parse(text);
            if (banner == null) {
                bad("bad banner");
            } else {
                status = Status.FOUND;
            }
            return;
        }
        length = 0;
        if (++lines > MAX_LINES) {
            bad("no banner");
        }
    }

    private boolean isBannerSoFar() {
        return length >= 4 && line[0] == 'S' && line[1] == 'S' && line[2] == 'H' && line[3] == '-';
    }
}
