package org.fenghuo.correlation.scenario;

import java.nio.ByteBuffer;
import java.util.Base64;

/** Deterministic {@code event.id}s shaped like the collectors' (16 bytes, base64url, 22 characters). */
final class EventIds {
    private EventIds() {
    }

    /** The id of event {@code n} of stream {@code stream} (background 0, attack 1) of seed {@code seed}. */
    static String of(long seed, int stream, long n) {
        long a = mix(seed * 0x9E3779B97F4A7C15L + stream);
        long b = mix(a ^ n);
        long c = mix(b + 0x632BE59BD9B4E019L);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(16).putLong(b).putLong(c)
                .array());
    }

    /** SplitMix64's finaliser: a bijection, so distinct inputs give distinct ids. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
