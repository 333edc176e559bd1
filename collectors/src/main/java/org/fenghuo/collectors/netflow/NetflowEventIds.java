package org.fenghuo.collectors.netflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Deterministic {@code event.id}s: {@code <datagram id>-<set>-<record>}, where the datagram id is
 * the first 128 bits of SHA-256 over (scheme, exporter address, datagram bytes), base64url, and set
 * and record are the record's place in that datagram. Decoding the same export twice (a replay, the
 * same capture) gives the same ids, so the store overwrites; a record held for its template keeps
 * the id of the datagram it came in. One digest per datagram, not per record: the hash stays a
 * small share of decoding. SHA-256 rather than a fast hash because a crafted datagram must not be
 * able to collide with, and so overwrite, another exporter's documents.
 */
final class NetflowEventIds {
    private static final byte[] SCHEME = "fenghuo/netflow-datagram/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final MessageDigest sha;

    NetflowEventIds() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    String datagramId(String exporter, byte[] data, int offset, int length) {
        sha.reset();
        sha.update(SCHEME);
        byte[] address = exporter.getBytes(StandardCharsets.US_ASCII);
        sha.update((byte) address.length);
        sha.update(address);
        sha.update(data, offset, length);
        return BASE64URL.encodeToString(Arrays.copyOf(sha.digest(), 16));
    }

    static String recordId(String datagramId, int set, int record) {
        return datagramId + '-' + set + '-' + record;
    }
}
