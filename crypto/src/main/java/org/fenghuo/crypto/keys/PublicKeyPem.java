package org.fenghuo.crypto.keys;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

/** A public key as SPKI PEM ({@code BEGIN PUBLIC KEY}), the form {@code openssl pkey -pubin} reads. */
public final class PublicKeyPem {

    private PublicKeyPem() {
    }

    public static String encode(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }
}
