package org.fenghuo.crypto.envelope;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.DataKey;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.sm.Sm4Gcm;

/**
 * Seals one field value with SM4-GCM under the key ring's current data key, as text that fits
 * in a JSON string: {@code sm4gcm:v1:<key id>:<key version>:<base64url(nonce || ciphertext || tag)>}.
 * The header names the key so rotation never strands old values. The GCM associated data is the
 * header text followed by the context (e.g. field path and document id):
 * {@code sm4gcm:v1:<key id>:<key version>:<context>}. The header ends at its second colon after the
 * prefix (key ids hold no colon), so header and context cannot trade bytes; a value copied into another
 * field or document, or whose header is edited to name another key version, does not open.
 *
 * <p>Every seal is counted against its data key in a {@link DataKeyUsage} (by default the
 * process-wide one) and refused with {@code KEY_EXHAUSTED} past its limit. Not thread-safe: keep
 * one per thread; they share the key ring and the usage counts.
 */
public final class FieldEnvelope {

    public static final String PREFIX = "sm4gcm:v1:";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyRing keys;
    private final SecureRandom random;
    private final DataKeyUsage usage;
    private final Map<String, Sm4Gcm> ciphers = new HashMap<>();
    private final Map<String, Sealer> sealers = new HashMap<>();
    /** The last key sealed with: key rings hand out the same instance until a rotation, so this skips the map. */
    private DataKey lastKey;
    private Sealer lastSealer;

    /** Counts seals in {@link DataKeyUsage#shared()}. */
    public FieldEnvelope(KeyRing keys, SecureRandom random) {
        this(keys, random, DataKeyUsage.shared());
    }

    public FieldEnvelope(KeyRing keys, SecureRandom random, DataKeyUsage usage) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** @throws CryptoFailure KEY_EXHAUSTED when the current data key has reached its seal limit */
    public String seal(String plaintext, String context) {
        DataKey key = keys.currentDataKey();
        Sealer sealer;
        if (key == lastKey) {
            sealer = lastSealer;
        } else {
            sealer = sealer(key);
            lastKey = key;
            lastSealer = sealer;
        }
        sealer.counter.acquire();
        byte[] sealed = sealer.cipher.seal(plaintext.getBytes(StandardCharsets.UTF_8), aad(sealer.header, context));
        return sealer.header + ENCODER.encodeToString(sealed);
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
        // the header as written, not as re-formatted from the key: any edit of it changes the associated data
        byte[] aad = aad(sealed.substring(0, header.bodyStart()), context);
        return new String(cipher(key).open(body, aad), StandardCharsets.UTF_8);
    }

    /** Seals counted per data-key version, shared with every envelope using the same {@link DataKeyUsage}. */
    public DataKeyUsage usage() {
        return usage;
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
        return new Header(sealed.substring(PREFIX.length(), idEnd), version(sealed, idEnd + 1, versionEnd), versionEnd + 1);
    }

    /** Digits only, no sign or leading zero: the one spelling {@link #seal} writes. */
    private static int version(String sealed, int start, int end) {
        boolean canonical = end > start && end - start <= 10 && sealed.charAt(start) != '0';
        for (int i = start; canonical && i < end; i++) {
            canonical = sealed.charAt(i) >= '0' && sealed.charAt(i) <= '9';
        }
        try {
            if (canonical) {
                return Integer.parseInt(sealed, start, end, 10);
            }
        } catch (NumberFormatException e) {
            // more than Integer.MAX_VALUE: reported below
        }
        throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "sealed value key version is not a number");
    }

    /** Only keys sealed with get a counter: opening old values counts nothing. */
    private Sealer sealer(DataKey key) {
        return sealers.computeIfAbsent(key.id() + ':' + key.version(),
                k -> new Sealer(PREFIX + k + ':', cipher(key), usage.counter(key)));
    }

    private Sm4Gcm cipher(DataKey key) {
        return ciphers.computeIfAbsent(key.id() + ':' + key.version(), k -> new Sm4Gcm(key.material(), random));
    }

    private static byte[] aad(String header, String context) {
        return (header + context).getBytes(StandardCharsets.UTF_8);
    }

    /** One data key's header text, cipher and seal counter. */
    private record Sealer(String header, Sm4Gcm cipher, DataKeyUsage.Counter counter) {
    }

    /** Key id and version named by a sealed value, and where its base64 body starts. */
    public record Header(String keyId, int keyVersion, int bodyStart) {
    }
}
