package org.fenghuo.collectors.input;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Deterministic {@code event.id}s. The id becomes the Elasticsearch document id, so reading the
 * same input twice must give the same ids (a replay overwrites) while two distinct receptions of
 * identical bytes must not collide.
 *
 * <ul>
 *   <li>file line: SHA-256 of (scheme, absolute path, byte offset of the line, raw line bytes);
 *   <li>network frame: SHA-256 of (scheme, input name, peer ip:port, receive time in epoch nanos,
 *       per-input sequence number, raw frame bytes).
 * </ul>
 * Every field is length-prefixed so no two field lists hash the same bytes. The id is the first
 * 128 bits of the digest, base64url without padding: 22 characters.
 */
public final class EventIds {

    static final int ID_BYTES = 16;
    private static final byte[] FILE_SCHEME = "fenghuo/file-line/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NETWORK_SCHEME = "fenghuo/network-frame/v1".getBytes(StandardCharsets.US_ASCII);

    // One digest and one number buffer per thread: MessageDigest.getInstance walks the provider list
    // on every call, a measurable share of a syslog line's cost. Inputs call this from their own threads.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(EventIds::newSha256);
    private static final ThreadLocal<byte[]> NUMBER = ThreadLocal.withInitial(() -> new byte[Long.BYTES]);

    private EventIds() {
    }

    /** The id of {@code raw[0, length)} read by {@code input} from {@code origin}. */
    public static String of(String input, FrameOrigin origin, byte[] raw, int length) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        if (origin instanceof FrameOrigin.FileLine file) {
            field(sha, FILE_SCHEME);
            field(sha, file.path().toString().getBytes(StandardCharsets.UTF_8));
            number(sha, file.offset());
        } else if (origin instanceof FrameOrigin.NetworkPeer peer) {
            field(sha, NETWORK_SCHEME);
            field(sha, input.getBytes(StandardCharsets.UTF_8));
            field(sha, (peer.peerIp() + " " + peer.peer().getPort()).getBytes(StandardCharsets.UTF_8));
            number(sha, epochNanos(peer));
            number(sha, peer.sequence());
        }
        number(sha, length);
        sha.update(raw, 0, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), ID_BYTES));
    }

    private static long epochNanos(FrameOrigin.NetworkPeer peer) {
        // Math.multiplyExact would throw past year 2262; the id only needs to be stable, not exact
        return peer.received().getEpochSecond() * 1_000_000_000L + peer.received().getNano();
    }

    private static void field(MessageDigest sha, byte[] bytes) {
        number(sha, bytes.length);
        sha.update(bytes);
    }

    private static void number(MessageDigest sha, long value) {
        byte[] b = NUMBER.get();
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            b[i] = (byte) value;
            value >>>= 8;
        }
        sha.update(b);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
