package org.fenghuo.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.fenghuo.crypto.CryptoFailure;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the standards, restated here: GB/T 32905 (SM3), GB/T 32907 (SM4),
 * GM/T 0042 appendix D (HMAC-SM3), RFC 8998 appendix A (SM4-GCM, SM4-CCM).
 */
class StandardVectorsTest {

    private static final String SM4_KEY = "0123456789abcdeffedcba9876543210";

    private static byte[] hex(String s) {
        return Hex.decode(s.replace(" ", ""));
    }

    @Test
    void sm3OfAbcIsTheExampleOfGbT32905() {
        assertThat(Hex.toHexString(Sm3.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm3OfThe512BitMessageIsTheSecondExample() {
        byte[] message = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);
        assertThat(message).hasSize(64);
        assertThat(Hex.toHexString(Sm3.digest(message)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void incrementalSm3MatchesOneShotAndResets() {
        byte[] message = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);
        Sm3.Incremental sm3 = Sm3.incremental();
        sm3.update(message, 0, 5).update(message, 5, 59);
        assertThat(Hex.toHexString(sm3.digest()))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
        assertThat(Hex.toHexString(sm3.update("abc".getBytes(StandardCharsets.US_ASCII)).digest()))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    /** One SM4 block through our CBC with a zero IV is the bare block cipher. */
    private static byte[] sm4Block(byte[] key, byte[] block) {
        byte[] out = new byte[16];
        System.arraycopy(Sm4Cbc.encrypt(key, new byte[16], block), 0, out, 0, 16);
        return out;
    }

    @Test
    void sm4ExampleOneOfGbT32907() {
        assertThat(Hex.toHexString(sm4Block(hex(SM4_KEY), hex(SM4_KEY))))
                .isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void sm4ExampleTwoEncryptsAMillionTimes() {
        byte[] key = hex(SM4_KEY);
        byte[] block = hex(SM4_KEY);
        for (int i = 0; i < 1_000_000; i++) {
            block = sm4Block(key, block);
        }
        assertThat(Hex.toHexString(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    @Test
    void hmacSm3ExamplesOfGmT0042() {
        byte[] key32 = hex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        byte[] abcd = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".repeat(2).getBytes(StandardCharsets.US_ASCII);
        assertThat(Hex.toHexString(new HmacSm3(key32).mac(abcd)))
                .isEqualTo("ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a");

        byte[] key37 = hex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425");
        byte[] cd = new byte[50];
        java.util.Arrays.fill(cd, (byte) 0xcd);
        assertThat(Hex.toHexString(new HmacSm3(key37).mac(cd)))
                .isEqualTo("220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae");

        byte[] key0b = new byte[32];
        java.util.Arrays.fill(key0b, (byte) 0x0b);
        HmacSm3 mac = new HmacSm3(key0b);
        byte[] hi = "Hi There".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = hex("c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e");
        assertThat(mac.mac(hi)).isEqualTo(expected);
        assertThat(mac.verify(hi, expected)).isTrue();
        expected[31] ^= 1;
        assertThat(mac.verify(hi, expected)).isFalse();
    }

    @Test
    void hmacSm3RefusesTheFourByteKeyOfTheJefeExample() {
        assertThatThrownBy(() -> new HmacSm3("Jefe".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(CryptoFailure.class)
                .extracting(e -> ((CryptoFailure) e).reason()).isEqualTo(CryptoFailure.Reason.WRONG_KEY_TYPE);
    }

    private static final String RFC8998_NONCE = "00001234567800000000abcd";
    private static final String RFC8998_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
    private static final String RFC8998_PLAINTEXT = "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
            + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa";

    @Test
    void sm4GcmExampleOfRfc8998() {
        String ciphertext = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d";
        String tag = "83de3541e4c2b58177e065a9bf7b62ec";
        Sm4GcmWithNonce gcm = new Sm4GcmWithNonce(hex(SM4_KEY));
        byte[] sealed = gcm.seal(hex(RFC8998_NONCE), hex(RFC8998_PLAINTEXT), hex(RFC8998_AAD));
        assertThat(Hex.toHexString(sealed)).isEqualTo(ciphertext + tag);
        assertThat(Hex.toHexString(gcm.open(hex(RFC8998_NONCE), sealed, hex(RFC8998_AAD)))).isEqualTo(RFC8998_PLAINTEXT);
    }

    /** We do not offer CCM; this checks Bouncy Castle's SM4 in CCM mode against RFC 8998 for completeness. */
    @Test
    void sm4CcmExampleOfRfc8998ThroughBouncyCastle() throws Exception {
        String expected = "48af93501fa62adbcd414cce6034d895dda1bf8f132f042098661572e7483094"
                + "fd12e518ce062c98acee28d95df4416bed31a2f04476c18bb40c84a74b97dc5b" + "16842d4fa186f56ab33256971fa110f4";
        CCMBlockCipher ccm = (CCMBlockCipher) CCMBlockCipher.newInstance(new SM4Engine());
        ccm.init(true, new AEADParameters(new KeyParameter(hex(SM4_KEY)), 128, hex(RFC8998_NONCE), hex(RFC8998_AAD)));
        byte[] plaintext = hex(RFC8998_PLAINTEXT);
        byte[] out = new byte[ccm.getOutputSize(plaintext.length)];
        int n = ccm.processBytes(plaintext, 0, plaintext.length, out, 0);
        ccm.doFinal(out, n);
        assertThat(Hex.toHexString(out)).isEqualTo(expected);
    }
}
