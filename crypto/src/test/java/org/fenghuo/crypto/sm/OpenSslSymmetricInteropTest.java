package org.fenghuo.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SM3 and SM4-CBC/CTR against OpenSSL 3 both ways ({@code dgst -sm3}, {@code enc -sm4-cbc/-sm4-ctr -K -iv}). */
class OpenSslSymmetricInteropTest {

    @TempDir
    Path dir;

    private final Random random = new Random(20261124L);

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 64, 65, 100_000})
    void sm3DigestsEqualOpenSsl(int length) throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        byte[] data = bytes(length);
        openssl.write("data", data);
        byte[] theirs = openssl.run("dgst", "-sm3", "-binary", "data").stdout();
        assertThat(Hex.toHexString(Sm3.digest(data))).isEqualTo(Hex.toHexString(theirs));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 1000})
    void sm4CbcCiphertextCrossesBothWays(int length) throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        byte[] key = bytes(16);
        byte[] iv = bytes(16);
        byte[] plaintext = bytes(length);
        String k = Hex.toHexString(key);
        String v = Hex.toHexString(iv);

        openssl.write("ours.enc", Sm4Cbc.encrypt(key, iv, plaintext));
        openssl.run("enc", "-d", "-sm4-cbc", "-K", k, "-iv", v, "-in", "ours.enc", "-out", "ours.dec");
        assertThat(openssl.read("ours.dec")).isEqualTo(plaintext);

        openssl.write("plain", plaintext);
        openssl.run("enc", "-e", "-sm4-cbc", "-K", k, "-iv", v, "-in", "plain", "-out", "theirs.enc");
        byte[] theirs = openssl.read("theirs.enc");
        assertThat(theirs).isEqualTo(Sm4Cbc.encrypt(key, iv, plaintext));
        assertThat(Sm4Cbc.decrypt(key, iv, theirs)).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 33, 5000})
    void sm4CtrCiphertextCrossesBothWays(int length) throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        byte[] key = bytes(16);
        byte[] iv = bytes(16);
        crossCtr(openssl, key, iv, bytes(length));
    }

    /** The counter carries out of the low 64 bits exactly as OpenSSL's 128-bit counter does. */
    @Test
    void sm4CtrCounterCarriesLikeOpenSsl() throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        crossCtr(openssl, bytes(16), Hex.decode("0123456789abcdeffffffffffffffffe"), bytes(100));
    }

    private void crossCtr(OpenSsl openssl, byte[] key, byte[] iv, byte[] plaintext) throws Exception {
        String k = Hex.toHexString(key);
        String v = Hex.toHexString(iv);
        byte[] ours = Sm4Ctr.encrypt(key, iv, plaintext);
        assertThat(ours).hasSameSizeAs(plaintext);
        openssl.write("ours.enc", ours);
        openssl.run("enc", "-d", "-sm4-ctr", "-K", k, "-iv", v, "-in", "ours.enc", "-out", "ours.dec");
        assertThat(openssl.read("ours.dec")).isEqualTo(plaintext);

        openssl.write("plain", plaintext);
        openssl.run("enc", "-e", "-sm4-ctr", "-K", k, "-iv", v, "-in", "plain", "-out", "theirs.enc");
        byte[] theirs = openssl.read("theirs.enc");
        assertThat(theirs).isEqualTo(ours);
        assertThat(Sm4Ctr.decrypt(key, iv, theirs)).isEqualTo(plaintext);
    }
}
