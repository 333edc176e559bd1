package org.fenghuo.collectors.pcap.flow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Deterministic ids, so reading the same capture twice gives the same documents (a replay
 * overwrites, never duplicates). 128 bits of SHA-256, base64url without padding (22 characters).
 */
public final class FlowIds {
    private static final byte[] FLOW_SCHEME = "fenghuo/pcap-flow/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_SCHEME = "fenghuo/pcap-flow-record/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** getInstance looks the provider up each time; a digest is reset by digest() and reused per thread. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(FlowIds::newSha256);

    private FlowIds() {
    }

    /**
     * The flow's id: its key (VLAN and QinQ inner VLANs, protocol, ordered endpoints; Community ID
     * leaves VLAN out, so it alone would merge flows of two VLANs) and its first packet's time,
     * which tells apart successive flows on one 5-tuple.
     */
    static String flowId(FlowKey key, long firstPacketNanos) {
        MessageDigest sha = sha256();
        sha.update(FLOW_SCHEME);
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(key.vlanId()).putInt(key.protocol()).putInt(key.addressLength());
        b.put(key.lowAddress(), 0, 16).put(key.highAddress(), 0, 16);
        b.putInt(key.lowPort()).putInt(key.highPort()).putLong(firstPacketNanos);
        if (key.innerVlans() != 0) {
            // only QinQ flows hash the inner VLANs, so every other flow keeps the id it always had
            b.putInt(key.innerVlans());
        }
        sha.update(b.array(), 0, b.position());
        return encode(sha.digest());
    }

    /** {@code event.id} of one record: flow id, segment, end reason and end time. */
    public static String eventId(FlowRecord r) {
        MessageDigest sha = sha256();
        sha.update(EVENT_SCHEME);
        byte[] flow = r.flowId().getBytes(StandardCharsets.US_ASCII);
        byte[] reason = r.endReason().action().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(24 + flow.length + reason.length);
        b.putInt(flow.length).put(flow).putInt(r.segment()).putInt(reason.length).put(reason).putLong(r.endNanos());
        sha.update(b.array());
        return encode(sha.digest());
    }

    private static String encode(byte[] digest) {
        return BASE64URL.encodeToString(Arrays.copyOf(digest, 16));
    }

    private static MessageDigest sha256() {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return sha;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
