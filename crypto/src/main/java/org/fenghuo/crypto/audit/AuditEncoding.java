package org.fenghuo.crypto.audit;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.sm.Sm3;

/**
 * The one byte encoding every hash and signature of the audit trail is computed over. It is
 * length-prefixed, so no two different entries encode alike, and it depends neither on JSON
 * whitespace, key order nor map iteration order: the JSON line is only a carrier.
 *
 * <pre>
 * entry      = str("fenghuo-audit/1") || u8 kind || u64 sequence || i64 epochSecond || u32 nano
 *              || 32 bytes previous hash || body
 * record     : kind 0x01, body = str actor || str action || str target || str outcome
 *              || u32 n || n x (str key || str value)   -- details sorted by the unsigned UTF-8 bytes of the key
 * checkpoint : kind 0x02, body = str keyId || u32 keyVersion || 32 bytes key fingerprint || bin signature
 * signed     = str("fenghuo-audit-checkpoint/2") || 16 bytes trail id || u64 sequence || i64 epochSecond || u32 nano
 *              || 32 bytes head hash (= the checkpoint's previous hash) || str keyId || u32 keyVersion
 *              || 32 bytes key fingerprint
 * str(s)     = u32 length of UTF-8(s) || UTF-8(s);  bin(b) = u32 length || b;  all integers big-endian
 * outcome    = "success" | "failure" | "denied"
 * genesis    = SM3(UTF-8 "fenghuo-audit/1 genesis"), the previous hash of sequence 1
 * </pre>
 */
public final class AuditEncoding {

    private static final HexFormat HEX = HexFormat.of();

    public static final String DOMAIN = "fenghuo-audit/1";
    /** Version 2 added the trail id: a checkpoint of one trail does not verify in another. */
    public static final String SIGNED_DOMAIN = "fenghuo-audit-checkpoint/2";
    public static final String GENESIS_HEX = hex(Sm3.digest((DOMAIN + " genesis").getBytes(StandardCharsets.UTF_8)));

    private static final byte KIND_RECORD = 0x01;
    private static final byte KIND_CHECKPOINT = 0x02;

    private AuditEncoding() {
    }

    public static byte[] canonical(AuditEntry entry) {
        Writer w = new Writer();
        w.str(DOMAIN);
        if (entry instanceof AuditRecord r) {
            w.u8(KIND_RECORD);
            header(w, r);
            w.str(r.actor()).str(r.action()).str(r.target()).str(r.outcome().wireName());
            w.u32(r.details().size());
            for (Map.Entry<byte[], byte[]> d : sortedUtf8(r.details())) {
                w.bin(d.getKey()).bin(d.getValue());
            }
        } else if (entry instanceof AuditCheckpoint c) {
            w.u8(KIND_CHECKPOINT);
            header(w, c);
            w.str(c.keyId()).u32(c.keyVersion()).raw(HEX.parseHex(c.keyFingerprint())).bin(c.signature());
        }
        return w.bytes();
    }

    /** The bytes an SM2 checkpoint signature covers. */
    public static byte[] signedMessage(TrailId trail, long sequence, java.time.Instant time, String headHash, String keyId,
                                       int keyVersion, String keyFingerprint) {
        Writer w = new Writer();
        w.str(SIGNED_DOMAIN).raw(trail.bytes()).u64(sequence).u64(time.getEpochSecond()).u32(time.getNano());
        w.raw(HEX.parseHex(headHash)).str(keyId).u32(keyVersion).raw(HEX.parseHex(keyFingerprint));
        return w.bytes();
    }

    public static byte[] signedMessage(TrailId trail, AuditCheckpoint c) {
        return signedMessage(trail, c.sequence(), c.time(), c.previousHash(), c.keyId(), c.keyVersion(), c.keyFingerprint());
    }

    public static String hashHex(AuditEntry entry) {
        return hex(Sm3.digest(canonical(entry)));
    }

    /** True when the hash stored in {@code entry} is the hash of its content. */
    public static boolean hashMatches(AuditEntry entry) {
        return sameHash(hashHex(entry), entry.hash());
    }

    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** SM3 of the uncompressed point {@code 04 || x || y}: the same for a key however its PEM was written. */
    public static String fingerprint(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_KEY_TYPE, "not an SM2 public key: " + key.getAlgorithm());
        }
        byte[] point = new byte[65];
        point[0] = 0x04;
        copyFixed(ec.getW().getAffineX(), point, 1);
        copyFixed(ec.getW().getAffineY(), point, 33);
        return hex(Sm3.digest(point));
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static void header(Writer w, AuditEntry e) {
        w.u64(e.sequence()).u64(e.time().getEpochSecond()).u32(e.time().getNano()).raw(HEX.parseHex(e.previousHash()));
    }

    private static List<Map.Entry<byte[], byte[]>> sortedUtf8(Map<String, String> details) {
        List<Map.Entry<byte[], byte[]>> out = new ArrayList<>(details.size());
        details.forEach((k, v) -> out.add(Map.entry(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8))));
        out.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
        return out;
    }

    private static void copyFixed(BigInteger value, byte[] out, int offset) {
        byte[] b = value.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Writer u8(int v) {
            out.write(v);
            return this;
        }

        Writer u32(int v) {
            return u8(v >>> 24).u8(v >>> 16).u8(v >>> 8).u8(v);
        }

        Writer u64(long v) {
            return u32((int) (v >>> 32)).u32((int) v);
        }

        Writer raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Writer bin(byte[] b) {
            return u32(b.length).raw(b);
        }

        Writer str(String s) {
            return bin(s.getBytes(StandardCharsets.UTF_8));
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
