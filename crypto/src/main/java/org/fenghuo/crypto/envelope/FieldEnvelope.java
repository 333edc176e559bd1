package org.fenghuo.crypto.envelope;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.DataKey;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.sm.Sm4Gcm;

/**
 * Seals one field value with SM4-GCM under the key ring's current data key, as text that fits
 * in a JSON string: {@code sm4gcm:v1:<key id>:<key version>:<base64url(nonce || ciphertext || tag)>}.
 * The header names the key so rotation never strands old values; the context (e.g. field path
 * and document id) is the GCM associated data, so a value copied into another field or document
 * does not open. Not thread-safe: keep one per thread.
 */
public final class FieldEnvelope {

    public static final String PREFIX = "sm4gcm:v1:";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyRing keys;
    private final SecureRandom random;
    private final Map<String, Sm4Gcm> ciphers = new HashMap<>();

    public FieldEnvelope(KeyRing keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String plaintext, String context) {
        DataKey key = keys.currentDataKey();
        byte[] sealed = cipher(key).seal(plaintext.getBytes(StandardCharsets.UTF_8), aad(context));
        return PREFIX + key.id() + ':' + key.version() + ':' + ENCODER.encodeToString(sealed);
    }

    public String open(String sealed, String context) {
        Header header = header(sealed);
        byte[] body;
        try {
            body = DECODER.decode(sealed.substring(header.bodyStart()));
        } catch (IllegalArgumentException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "sealed value body is not base64url");
        }
        DataKey key = keys.dataKey(header.keyId(), header.keyVersion());
        return new String(cipher(key).open(body, aad(context)), StandardCharsets.UTF_8);
    }

    /** The key a sealed value names, e.g. to find values a rotation should re-encrypt. */
    public static Header header(String sealed) {
        if (!isSealed(sealed)) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "not a sealed value (no " + PREFIX + " prefix)");
        }
        int idEnd = sealed.indexOf(':', PREFIX.length());
        int versionEnd = idEnd < 0 ? -1 : sealed.indexOf(':', idEnd + 1);
        if (idEnd <= PREFIX.length() || versionEnd < 0) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "sealed value header lacks key id or version");
        }
        int version;
        try {
            version = Integer.parseInt(sealed, idEnd + 1, versionEnd, 10);
        } catch (NumberFormatException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "sealed value key version is not a number");
        }
        return new Header(sealed.substring(PREFIX.length(), idEnd), version, versionEnd + 1);
    }

    private Sm4Gcm cipher(DataKey key) {
        return ciphers.computeIfAbsent(key.id() + ':' + key.version(), k -> new Sm4Gcm(key.material(), random));
    }

    private static byte[] aad(String context) {
        return context.getBytes(StandardCharsets.UTF_8);
    }

    /** Key id and version named by a sealed value, and where its base64 body starts. */
    public record Header(String keyId, int keyVersion, int bodyStart) {
    }
}
