package org.fenghuo.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.util.encoders.Hex;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Runs every vector of the Tongsuo (OpenSSL-format) test files in shared/data/crypto-vectors/tongsuo
 * that our API can express, through our API, and counts the rest by reason. Skipped as a whole
 * when the folder is absent.
 */
class TongsuoVectorsTest {

    /** One stanza: keys in file order, values as written (quotes kept); the PEM of a PrivateKey stanza in {@code pem}. */
    record Stanza(String file, int line, Map<String, String> fields, String pem) {
        String get(String key) {
            return fields.get(key);
        }

        String first() {
            return fields.keySet().iterator().next();
        }

        byte[] bytes(String key) {
            String value = fields.get(key);
            if (value.startsWith("\"") && value.endsWith("\"")) {
                return value.substring(1, value.length() - 1).getBytes(StandardCharsets.US_ASCII);
            }
            return Hex.decode(value.replace(" ", "").toLowerCase());
        }

        String where() {
            return file + ":" + line;
        }
    }

    static List<Stanza> parse(Path file) throws IOException {
        List<Stanza> stanzas = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder pem = null;
        int start = 0;
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "";
            if (pem != null) {
                pem.append(line).append('\n');
                if (line.startsWith("-----END")) {
                    stanzas.add(new Stanza(file.getFileName().toString(), start, fields, pem.toString()));
                    fields = new LinkedHashMap<>();
                    pem = null;
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (!fields.isEmpty()) {
                    stanzas.add(new Stanza(file.getFileName().toString(), start, fields, null));
                    fields = new LinkedHashMap<>();
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (fields.isEmpty()) {
                start = i + 1;
            }
            fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            if (line.startsWith("PrivateKey")) {
                pem = new StringBuilder();
            }
        }
        return stanzas;
    }

    private final Map<String, Integer> skipped = new TreeMap<>();
    private final Map<String, Integer> ran = new TreeMap<>();
    private final Map<String, PrivateKey> keys = new HashMap<>();

    private void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    private void ran(String kind) {
        ran.merge(kind, 1, Integer::sum);
    }

    @Test
    void everySupportedVectorPasses() throws IOException {
        Path dir = SharedData.require("crypto-vectors/tongsuo");
        for (String name : new String[] {"evpmd_sm3.txt", "evpciph_sm4.txt", "evpmac_sm3.txt", "evppkey_sm2.txt"}) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                skip("file " + name + " absent");
                continue;
            }
            for (Stanza stanza : parse(file)) {
                run(stanza);
            }
        }
        int total = ran.values().stream().mapToInt(Integer::intValue).sum();
        String summary = "ran " + total + " " + ran + ", skipped " + skipped;
        System.out.println("Tongsuo vectors: " + summary);
        assertThat(total).as(summary).isGreaterThanOrEqualTo(20);
        assertThat(ran.keySet()).as(summary).contains("SM3", "SM4-CBC", "SM4-CTR", "SM4-ECB", "SM4-GCM", "HMAC-SM3",
                "SM2 PEM key", "SM2 decrypt");
    }

    private void run(Stanza s) {
        switch (s.first()) {
            case "Title", "Availablein" -> {
                if (s.fields().size() > 1 && s.first().equals("Availablein")) {
                    runTest(new Stanza(s.file(), s.line(), withoutFirst(s.fields()), s.pem()));
                }
            }
            default -> runTest(s);
        }
    }

    private static Map<String, String> withoutFirst(Map<String, String> fields) {
        Map<String, String> rest = new LinkedHashMap<>(fields);
        rest.remove(fields.keySet().iterator().next());
        return rest;
    }

    private void runTest(Stanza s) {
        String result = s.get("Result");
        if (result != null) {
            skip("expects an OpenSSL error (" + result + ")");
            return;
        }
        switch (s.first()) {
            case "Digest" -> digest(s);
            case "Cipher" -> cipher(s);
            case "MAC" -> mac(s);
            case "PrivateKey" -> {
                keys.put(s.get("PrivateKey"), Sm2Pem.readPrivateKey(s.pem()));
                ran("SM2 PEM key");
            }
            case "Decrypt" -> sm2Decrypt(s);
            case "Verify", "Sign" -> skip("SM2 " + s.first().toLowerCase() + " of a pre-hashed e: our API hashes Z_A || M itself");
            case "KeyGen" -> skip("key generation: no expected value");
            default -> skip("unknown stanza " + s.first());
        }
    }

    private void digest(Stanza s) {
        if (!s.get("Digest").equalsIgnoreCase("SM3")) {
            skip("digest " + s.get("Digest") + " is not SM3");
            return;
        }
        assertThat(Hex.toHexString(Sm3.digest(s.bytes("Input")))).as(s.where()).isEqualTo(Hex.toHexString(s.bytes("Output")));
        ran("SM3");
    }

    private void mac(Stanza s) {
        if (!"HMAC".equals(s.get("MAC")) || !"SM3".equals(s.get("Algorithm"))) {
            skip("MAC " + s.get("MAC") + "/" + s.get("Algorithm") + " is not HMAC-SM3");
            return;
        }
        byte[] key = s.bytes("Key");
        if (key.length < HmacSm3.MIN_KEY_BYTES) {
            skip("HMAC-SM3 key of " + key.length + " bytes: shorter keys are refused by design");
            return;
        }
        assertThat(new HmacSm3(key).mac(s.bytes("Input"))).as(s.where()).isEqualTo(s.bytes("Output"));
        ran("HMAC-SM3");
    }

    private void cipher(Stanza s) {
        String mode = s.get("Cipher").toUpperCase();
        byte[] key = s.bytes("Key");
        byte[] plaintext = s.bytes("Plaintext");
        byte[] ciphertext = s.bytes("Ciphertext");
        switch (mode) {
            case "SM4-ECB" -> {
                // ECB is not offered; one block of CBC under a zero IV is the bare block cipher
                for (int i = 0; i < plaintext.length; i += 16) {
                    byte[] block = java.util.Arrays.copyOfRange(plaintext, i, i + 16);
                    byte[] out = java.util.Arrays.copyOf(Sm4Cbc.encrypt(key, new byte[16], block), 16);
                    assertThat(out).as(s.where()).isEqualTo(java.util.Arrays.copyOfRange(ciphertext, i, i + 16));
                }
            }
            case "SM4-CBC" -> {
                // the vectors are unpadded; ours adds one PKCS#7 block after the same ciphertext
                byte[] ours = Sm4Cbc.encrypt(key, s.bytes("IV"), plaintext);
                assertThat(java.util.Arrays.copyOf(ours, ciphertext.length)).as(s.where()).isEqualTo(ciphertext);
                assertThat(Sm4Cbc.decrypt(key, s.bytes("IV"), ours)).as(s.where()).isEqualTo(plaintext);
            }
            case "SM4-CTR" -> {
                assertThat(Sm4Ctr.encrypt(key, s.bytes("IV"), plaintext)).as(s.where()).isEqualTo(ciphertext);
                assertThat(Sm4Ctr.decrypt(key, s.bytes("IV"), ciphertext)).as(s.where()).isEqualTo(plaintext);
            }
            case "SM4-GCM" -> {
                byte[] sealed = org.bouncycastle.util.Arrays.concatenate(ciphertext, s.bytes("Tag"));
                byte[] aad = s.fields().containsKey("AAD") ? s.bytes("AAD") : new byte[0];
                assertThat(new Sm4GcmWithNonce(key).seal(s.bytes("IV"), plaintext, aad)).as(s.where()).isEqualTo(sealed);
                assertThat(new Sm4GcmWithNonce(key).open(s.bytes("IV"), sealed, aad)).as(s.where()).isEqualTo(plaintext);
            }
            case "SM4-CCM" -> {
                // not offered by our API: checks Bouncy Castle's SM4-CCM, so a switch to CCM would start from a known base
                assertThat(ccmThroughBouncyCastle(key, s.bytes("IV"), s.bytes("AAD"), plaintext)).as(s.where())
                        .isEqualTo(org.bouncycastle.util.Arrays.concatenate(ciphertext, s.bytes("Tag")));
                mode = "SM4-CCM (Bouncy Castle)";
            }
            default -> {
                skip("mode " + mode + " is not offered");
                return;
            }
        }
        ran(mode);
    }

    private static byte[] ccmThroughBouncyCastle(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        var ccm = org.bouncycastle.crypto.modes.CCMBlockCipher.newInstance(new org.bouncycastle.crypto.engines.SM4Engine());
        ccm.init(true, new org.bouncycastle.crypto.params.AEADParameters(
                new org.bouncycastle.crypto.params.KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[ccm.getOutputSize(plaintext.length)];
        int n = ccm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            ccm.doFinal(out, n);
        } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private void sm2Decrypt(Stanza s) {
        String ctrl = s.get("Ctrl");
        if (ctrl != null && !ctrl.equalsIgnoreCase("digest:SM3")) {
            skip("SM2 decryption with " + ctrl + ": only SM3 is SM2");
            return;
        }
        PrivateKey key = keys.get(s.get("Decrypt"));
        assertThat(key).as(s.where() + " key " + s.get("Decrypt")).isNotNull();
        byte[] plaintext = Sm2.decrypt(key, Sm2Ciphertext.asn1ToC1c3c2(s.bytes("Input")));
        assertThat(plaintext).as(s.where()).isEqualTo(s.bytes("Output"));
        ran("SM2 decrypt");
    }
}
