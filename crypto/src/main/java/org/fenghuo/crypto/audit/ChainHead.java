package org.fenghuo.crypto.audit;

import java.util.Objects;

/**
 * An anchor kept outside the trail: the sequence and hash of one entry, written {@code SEQ:HASH}.
 * {@link AuditTrail#head()} and {@code fenghuo audit verify} print it; given back to the verifier
 * ({@code --expect-head}) it catches a trail that was cut back to before it, or rewritten (even
 * padded back to the same length) since it was noted.
 */
public record ChainHead(long sequence, String hash) {

    public ChainHead {
        AuditLimits.checkSequence(sequence);
        AuditLimits.checkHash("hash", hash);
    }

    /** Parses {@code SEQ:HASH}; {@link IllegalArgumentException} naming the problem otherwise. */
    public static ChainHead parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("expected SEQUENCE:HASH, e.g. 42:<64 hex digits>");
        }
        long sequence;
        try {
            sequence = Long.parseLong(text.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected SEQUENCE:HASH; the sequence is not a number");
        }
        return new ChainHead(sequence, text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return sequence + ":" + hash;
    }
}
