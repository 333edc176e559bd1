package org.fenghuo.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Input that could not be turned into an event, kept with the reason so nothing is lost
 * silently. Stored in Kafka {@code fenghuo.deadletter} and Elasticsearch {@code fenghuo-deadletter-*}.
 * JSON form: {@link DeadLetterJson}.
 *
 * @param timestamp {@code @timestamp}: when the input was rejected
 * @param input     {@code fenghuo.input}: the collector input or pipeline stage that rejected it
 * @param origin    where the bytes came from: a file path or a peer address
 * @param offset    byte offset in the file or stream where the bad input starts, -1 if unknown
 * @param reason    why it was rejected, e.g. {@code invalid UTF-8 at byte 17}
 * @param rawBase64 the raw bytes (possibly cut at the frame limit), base64
 * @param rawLength the length of the raw input before any cut
 */
public record DeadLetter(
        Instant timestamp,
        String input,
        String origin,
        long offset,
        String reason,
        String rawBase64,
        long rawLength) {

    /**
     * A dead letter keeping at most {@code maxRawBytes} of {@code raw} (a hostile frame must not
     * become a huge document), with {@code rawLength} recording the full length.
     */
    public static DeadLetter of(Instant timestamp, String input, String origin, long offset, String reason,
                                byte[] raw, int maxRawBytes) {
        if (maxRawBytes < 0) {
            throw new IllegalArgumentException("maxRawBytes must be >= 0, got " + maxRawBytes);
        }
        String base64 = null;
        long length = 0;
        if (raw != null) {
            length = raw.length;
            byte[] kept = raw.length <= maxRawBytes ? raw : Arrays.copyOf(raw, maxRawBytes);
            base64 = Base64.getEncoder().encodeToString(kept);
        }
        return new DeadLetter(timestamp, input, origin, offset, reason, base64, length);
    }

    /** The kept raw bytes, decoded; empty when there are none. */
    public byte[] rawBytes() {
        return rawBase64 == null ? new byte[0] : Base64.getDecoder().decode(rawBase64);
    }

    /** True when {@link #rawBytes()} is shorter than the input was. */
    public boolean truncated() {
        return rawBytes().length < rawLength;
    }
}
