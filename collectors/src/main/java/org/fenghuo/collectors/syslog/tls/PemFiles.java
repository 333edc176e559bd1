package org.fenghuo.collectors.syslog.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files with the JDK alone: X.509 certificates and unencrypted PKCS#8 private keys.
 * Every failure is an {@link IllegalArgumentException} that names the file and says what to do.
 */
public final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([\\s\\S]*?)-----END \\1-----");
    /** Algorithms a PKCS#8 key may be for; the first whose factory accepts the bytes wins. */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

    private PemFiles() {
    }

    /** One {@code -----BEGIN type-----} block, decoded. */
    record Block(String type, byte[] der) {
    }

    /** Every certificate in the file, in file order; at least one. */
    public static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file)) {
                if (block.type().equals("CERTIFICATE")) {
                    certificates.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + ": not a valid X.509 certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(file + ": holds no '-----BEGIN CERTIFICATE-----' block");
        }
        return certificates;
    }

    /** The file's one private key, which must be unencrypted PKCS#8. */
    public static PrivateKey privateKey(Path file) {
        for (Block block : blocks(file)) {
            switch (block.type()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, block.der());
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(file
                        + ": the key is encrypted; give an unencrypted PKCS#8 key readable only by the"
                        + " collector (openssl pkcs8 -in " + file + " -out server.key)");
                case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" -> throw new IllegalArgumentException(file
                        + ": '" + block.type() + "' is not PKCS#8; convert it with"
                        + " openssl pkcs8 -topk8 -nocrypt -in " + file + " -out server.key");
                default -> { }
            }
        }
        throw new IllegalArgumentException(file + ": holds no '-----BEGIN PRIVATE KEY-----' block");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: PKCS#8 names its algorithm by OID, so let each factory try
            }
        }
        throw new IllegalArgumentException(file + ": a PKCS#8 key of none of the algorithms " + KEY_ALGORITHMS);
    }

    static List<Block> blocks(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e, e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            if (body.contains(":")) {
                // RFC 1421 headers (Proc-Type: 4,ENCRYPTED): an old-style encrypted key, refused by type
                blocks.add(new Block(m.group(1), new byte[0]));
                continue;
            }
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": a '" + m.group(1) + "' block is not base64: "
                        + e.getMessage(), e);
            }
        }
        return blocks;
    }
}
