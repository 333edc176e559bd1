package org.fenghuo.collectors.syslog.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsPkcs8KeysOfAnyJdkAlgorithm() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        Path ecKey = write("ec.key", TestPki.pem("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded()));
        assertThat(PemFiles.privateKey(ecKey).getAlgorithm()).isEqualTo("EC");
        Path edKey = write("ed.key", "comment lines before the block are fine\n" + TestPki.pem("PRIVATE KEY",
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded()));
        assertThat(PemFiles.privateKey(edKey).getAlgorithm()).isEqualTo("EdDSA");
    }

    @Test
    void refusesKeysItCannotUseSayingHowToConvertThem() throws Exception {
        Path pkcs1 = write("rsa.key", TestPki.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> PemFiles.privateKey(pkcs1))
                .hasMessageContaining("'RSA PRIVATE KEY' is not PKCS#8")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in " + pkcs1);
        Path legacyEncrypted = write("old.key", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemFiles.privateKey(legacyEncrypted)).hasMessageContaining("is not PKCS#8");
        Path encrypted = write("enc.key", TestPki.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> PemFiles.privateKey(encrypted)).hasMessageContaining("the key is encrypted");
        Path garbage = write("garbage.key", TestPki.pem("PRIVATE KEY", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> PemFiles.privateKey(garbage)).hasMessageContaining("a PKCS#8 key of none of");
    }

    @Test
    void certificateFilesMustHoldCertificates() throws Exception {
        Path broken = write("broken.pem", TestPki.pem("CERTIFICATE", new byte[] {48, 3, 1, 1, 1}));
        assertThatThrownBy(() -> PemFiles.certificates(broken)).hasMessageContaining("not a valid X.509 certificate");
        Path notBase64 = write("bad64.pem", "-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n");
        // the MIME decoder skips what is not base64, so this reads as an empty certificate
        assertThatThrownBy(() -> PemFiles.certificates(notBase64))
                .hasMessageContaining(notBase64 + ": not a valid X.509 certificate");
        assertThatThrownBy(() -> PemFiles.certificates(dir.resolve("absent.pem"))).hasMessageContaining("cannot be read");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
