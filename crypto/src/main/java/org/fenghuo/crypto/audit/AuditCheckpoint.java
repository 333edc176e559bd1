package org.fenghuo.crypto.audit;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An SM2 signature over the chain head: entry {@code sequence} signs {@link #previousHash()}, the
 * hash of entry {@code sequence - 1}, which covers every entry before it. The signed bytes are
 * {@link AuditEncoding#signedMessage(TrailId, AuditCheckpoint)}; the checkpoint is itself a link of the
 * chain, so removing or editing it breaks the chain like any record.
 *
 * @param keyId          id of the signing key (as the keystore names it)
 * @param keyVersion     version of that key, from 1
 * @param keyFingerprint lower-case hex SM3 of the uncompressed public point {@code 04 || x || y}
 * @param signature      DER SM2 signature (default signer ID), base64 in JSON
 */
public record AuditCheckpoint(long sequence, Instant time, String keyId, int keyVersion, String keyFingerprint,
                              byte[] signature, String previousHash, String hash) implements AuditEntry {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A DER SM2 signature is at most 72 bytes; leave room, refuse nonsense. */
    static final int MAX_SIGNATURE_BYTES = 128;

    public AuditCheckpoint {
        AuditLimits.checkSequence(sequence);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(keyId, "keyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must be 1-64 of [A-Za-z0-9._-]");
        }
        if (keyVersion < 1) {
            throw new IllegalArgumentException("key version must be >= 1: " + keyVersion);
        }
        AuditLimits.checkHash("keyFingerprint", keyFingerprint);
        Objects.requireNonNull(signature, "signature");
        if (signature.length == 0 || signature.length > MAX_SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature must be 1-" + MAX_SIGNATURE_BYTES + " bytes");
        }
        signature = signature.clone();
        AuditLimits.checkHash("previousHash", previousHash);
        AuditLimits.checkHash("hash", hash);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    AuditCheckpoint withHash(String newHash) {
        return new AuditCheckpoint(sequence, time, keyId, keyVersion, keyFingerprint, signature, previousHash, newHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditCheckpoint c && c.sequence == sequence && c.time.equals(time) && c.keyId.equals(keyId)
                && c.keyVersion == keyVersion && c.keyFingerprint.equals(keyFingerprint)
                && java.util.Arrays.equals(c.signature, signature) && c.previousHash.equals(previousHash)
                && c.hash.equals(hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, hash);
    }

    @Override
    public String toString() {
        return "AuditCheckpoint[" + sequence + " " + time + " key " + keyId + " v" + keyVersion + " signature "
                + Base64.getEncoder().encodeToString(signature) + " hash " + hash + "]";
    }
}
