package org.fenghuo.events;

import java.time.Instant;

/**
 * Input that could not be turned into an event, kept with the reason so nothing is lost
 * silently. Stored in Kafka {@code fenghuo.deadletter} and Elasticsearch {@code fenghuo-deadletter-*}.
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
}
