package org.fenghuo.collectors.input;

import java.util.Objects;

/**
 * Why one frame could not be parsed. Parsers return it instead of throwing, so one bad line
 * never stops an input.
 *
 * @param kind       the closed category (metric tag)
 * @param reason     human-readable detail, e.g. {@code invalid UTF-8 at byte 17}
 * @param offset     byte offset inside the frame where the problem was found
 * @param firstBytes the first bytes of the frame, printable ASCII with other bytes as {@code \xNN},
 *                   for logs; the dead letter keeps the real bytes
 */
public record ParseError(ErrorKind kind, String reason, int offset, String firstBytes) {

    /** How many bytes of the frame {@link #firstBytes()} shows. */
    public static final int EXCERPT_BYTES = 48;

    public ParseError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    public static ParseError of(ErrorKind kind, String reason, int offset, byte[] frame) {
        return new ParseError(kind, reason, offset, excerpt(frame, frame.length));
    }

    /** Printable excerpt of the first {@link #EXCERPT_BYTES} of {@code bytes[0, length)}. */
    public static String excerpt(byte[] bytes, int length) {
        int n = Math.min(Math.min(length, bytes.length), EXCERPT_BYTES);
        StringBuilder out = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        if (length > n) {
            out.append("...");
        }
        return out.toString();
    }
}
