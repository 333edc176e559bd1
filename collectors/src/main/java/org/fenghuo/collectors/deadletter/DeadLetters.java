package org.fenghuo.collectors.deadletter;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.fenghuo.events.DeadLetter;

/** Builds {@link DeadLetter}s with the raw bytes cut to a bound, keeping the original length. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * @param raw       the rejected bytes as far as they were kept
     * @param rawLength how many bytes the rejected input really had (may exceed {@code raw.length})
     * @param maxBytes  at most this many bytes are kept, base64-encoded
     */
    public static DeadLetter of(Instant time, String input, String origin, long offset, String reason,
            byte[] raw, long rawLength, int maxBytes) {
        int kept = Math.min(raw.length, Math.max(0, maxBytes));
        String base64 = Base64.getEncoder().encodeToString(kept == raw.length ? raw : Arrays.copyOf(raw, kept));
        return new DeadLetter(time, input, origin, offset, reason, base64, Math.max(rawLength, raw.length));
    }
}
