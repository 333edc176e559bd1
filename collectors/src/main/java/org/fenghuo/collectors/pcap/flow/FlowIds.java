package org.fenghuo.collectors.pcap.flow;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Deterministic ids, so reading the same capture twice gives the same documents (a replay
 * overwrites, never duplicates). A flow id is 128 bits of SHA-256, base64url without padding
 * (22 characters); a record's id is built from its flow's.
 */
public final class FlowIds {
    /** Version 1 hashed an ASCII scheme name and fixed-width fields: two SHA-256 blocks. */
    private static final byte FLOW_ID_VERSION = 2;
    /** Version 2's layout with the inner VLANs always present, then the generation. */
    private static final byte FLOW_ID_VERSION_WITH_GENERATION = 3;
    /** Version, VLAN, protocol, address length, two IPv6 addresses, two ports, time, inner VLANs. */
    static final int MAX_FLOW_INPUT = 1 + 4 + 1 + 1 + 16 + 16 + 2 + 2 + 8 + 4;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** getInstance looks the provider up each time; a digest is reset by digest() and reused per thread. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(FlowIds::newSha256);

    private FlowIds() {
    }

    /**
     * The flow's id: its key (VLAN and QinQ inner VLANs, protocol, ordered endpoints; Community ID
     * leaves VLAN out, so it alone would merge flows of two VLANs) and its first packet's time,
     * which tells apart successive flows on one 5-tuple, and for a flow that starts in the same
     * instant (nanosecond) as an ended flow of its key started, a generation (1, 2...) that tells
     * those apart (version 3: a rare, two-block input). Otherwise the input is at most 55 bytes, so
     * SHA-256 compresses one block (C1, which {@code decode pcap} runs on, computes SHA-256 as plain
     * Java at about 0.5 us a block). Its first byte, the version (2, or 3 with a generation), keeps
     * it apart from every other id input, which starts with an ASCII scheme name.
     */
    static String flowId(FlowKey key, long firstPacketNanos, int generation) {
        int len = key.addressLength();
        ByteBuffer b = ByteBuffer.allocate(MAX_FLOW_INPUT + 4);
        b.put(generation == 0 ? FLOW_ID_VERSION : FLOW_ID_VERSION_WITH_GENERATION);
        b.putInt(key.vlanId()).put((byte) key.protocol()).put((byte) len);
        b.put(key.lowAddress(), 0, len).put(key.highAddress(), 0, len);
        b.putShort((short) key.lowPort()).putShort((short) key.highPort()).putLong(firstPacketNanos);
        if (generation != 0) {
            b.putInt(key.innerVlans()).putInt(generation);
        } else if (key.innerVlans() != 0) {
            // only QinQ flows hash the inner VLANs
            b.putInt(key.innerVlans());
        }
        MessageDigest sha = sha256();
        sha.update(b.array(), 0, b.position());
        return encode(sha.digest());
    }

    /**
     * {@code event.id} of one record: the flow id, a colon and the record's segment (0, then 1, 2...
     * after active timeouts), e.g. {@code 7ZENwXLD0w9guMTv2Arkvg:0}. Unique as long as flow ids
     * are, and apart from the flow's protocol events ({@code <flow id>.<n>}). No second hash: C1,
     * which {@code decode pcap} runs on, computes SHA-256 as plain Java.
     */
    public static String eventId(FlowRecord r) {
        return r.flowId() + ':' + r.segment();
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
