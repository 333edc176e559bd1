package org.fenghuo.crypto.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.sm.Sm2Pem;

/**
 * Reads the SM2 public keys that verify checkpoints from SPKI PEM ({@code -----BEGIN PUBLIC
 * KEY-----}, as {@code openssl pkey -pubout} writes it). A file may hold several blocks, as
 * {@code fenghuo keys export-public --all} writes after a rotation (text between blocks is
 * ignored); each block is parsed by {@link Sm2Pem}, the one PEM reader of the module, so anything
 * but an EC key on the sm2p256v1 curve is refused.
 */
public final class AuditPublicKeyPem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----.*?-----END \\1-----", Pattern.DOTALL);

    private AuditPublicKeyPem() {
    }

    /** The single key of {@code file}. @throws CryptoFailure {@code MALFORMED_KEY} (also for several keys) or {@code WRONG_ALGORITHM}, naming the file */
    public static PublicKey read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /** Every key of {@code file}, in file order. @throws CryptoFailure naming the file and the block */
    public static List<PublicKey> readAll(Path file) throws IOException {
        return parseAll(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /** @param name what to call the PEM in messages (e.g. its file name) */
    public static PublicKey parse(String pem, String name) {
        List<PublicKey> keys = parseAll(pem, name);
        if (keys.size() != 1) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, name + ": " + keys.size()
                    + " public keys where one was expected");
        }
        return keys.get(0);
    }

    /** Every PUBLIC KEY block of {@code pem} (curve parameter blocks are skipped); at least one. */
    public static List<PublicKey> parseAll(String pem, String name) {
        List<PublicKey> keys = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        int block = 0;
        while (m.find()) {
            block++;
            if (m.group(1).endsWith(" PARAMETERS")) {
                continue;
            }
            try {
                keys.add(Sm2Pem.readPublicKey(m.group()));
            } catch (CryptoFailure e) {
                String message = e.getMessage().substring(e.reason().name().length() + 2);
                throw new CryptoFailure(e.reason(), name + " (PEM block " + block + "): " + message);
            }
        }
        if (keys.isEmpty()) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, name + ": no PUBLIC KEY (SPKI) block");
        }
        return keys;
    }
}
