package org.fenghuo.collectors.pcap.app.http;

/**
 * Skips one message body as its framing says (RFC 9112 6): a known length, chunks with optional
 * trailers, or everything until the connection closes. Only counts the bytes: bodies are not kept.
 */
final class BodyReader {
    /** Longest chunk-size line (size, extensions) or trailer section accepted. */
    static final int MAX_LINE = 4096;

    private enum State { LENGTH, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER, UNTIL_CLOSE, DONE }

    private State state;
    private long remaining;
    private long bodyBytes;
    private final StringBuilder line = new StringBuilder();
    private int trailerBytes;
    private String error;

    private BodyReader(State state, long remaining) {
        this.state = state;
        this.remaining = remaining;
    }

    static BodyReader length(long length) {
        return new BodyReader(length == 0 ? State.DONE : State.LENGTH, length);
    }

    static BodyReader chunked() {
        return new BodyReader(State.CHUNK_SIZE, 0);
    }

    static BodyReader untilClose() {
        return new BodyReader(State.UNTIL_CLOSE, 0);
    }

    boolean done() {
        return state == State.DONE;
    }

    /** A fixed reason when the framing broke (the body's end can no longer be found), else null. */
    String error() {
        return error;
    }

    /** Body bytes so far, without chunk framing. */
    long bodyBytes() {
        return bodyBytes;
    }

    /** Takes body bytes until the body ends or the framing breaks; returns how many were used. */
    int consume(byte[] data, int off, int len) {
        int i = 0;
        while (i < len && state != State.DONE && error == null) {
            switch (state) {
                case LENGTH, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, len - i);
                    i += n;
                    remaining -= n;
                    bodyBytes += n;
                    if (remaining == 0) {
                        state = state == State.LENGTH ? State.DONE : State.CHUNK_END;
                    }
                }
                case UNTIL_CLOSE -> {
                    bodyBytes += len - i;
                    i = len;
                }
                case CHUNK_END -> {
                    byte b = data[off + i++];
                    if (b == '\n') {
                        state = State.CHUNK_SIZE;
                    } else if (b != '\r') {
                        error = "bad chunk";
                    }
                }
                case CHUNK_SIZE, TRAILER -> i += line(data, off + i, len - i);
                default -> throw new IllegalStateException(state.name());
            }
        }
        return i;
    }

    /**
     * {@code missing} bytes were never seen. Returns whether the body's end can still be found:
     * only when the hole lies inside data of known length (or the body lasts until close).
     */
    boolean skip(long missing) {
        if (state == State.UNTIL_CLOSE) {
            return true;
        }
        if ((state == State.LENGTH || state == State.CHUNK_DATA) && missing < remaining
                || state == State.LENGTH && missing == remaining) {
            remaining -= missing;
            if (remaining == 0) {
                state = State.DONE;
            }
            return true;
        }
        return false;
    }

    private int line(byte[] data, int off, int len) {
        for (int i = 0; i < len; i++) {
            byte b = data[off + i];
            if (b != '\n') {
                if (b != '\r') {
                    line.append((char) (b & 0xff));
                }
                if (line.length() > MAX_LINE || state == State.TRAILER && ++trailerBytes > HeadReader.MAX_HEAD_BYTES) {
                    error = state == State.TRAILER ? "trailer too large" : "bad chunk size";
                    return i + 1;
                }
                continue;
            }
            if (state == State.CHUNK_SIZE) {
                chunkSize();
            } else if (line.length() == 0) {
                state = State.DONE; // the empty line ending the trailer section
            }
            line.setLength(0);
            return i + 1;
        }
        return len;
    }

    private void chunkSize() {
        String text = line.toString();
        int semicolon = text.indexOf(';');
        String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).trim();
        if (hex.isEmpty() || hex.length() > 15) {
            error = "bad chunk size";
            return;
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                error = "bad chunk size";
                return;
            }
            size = size * 16 + digit;
        }
        remaining = size;
        state = size == 0 ? State.TRAILER : State.CHUNK_DATA;
    }
}
