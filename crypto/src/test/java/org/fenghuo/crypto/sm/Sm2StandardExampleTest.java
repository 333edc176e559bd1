package org.fenghuo.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.util.encoders.Hex;
import org.fenghuo.crypto.CryptoFailure;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of GB/T 32918 part 2 (signature) and part 4 (encryption), appendix A.
 * They use the standard's 256-bit prime test curve, not sm2p256v1 (the recommended curve of
 * GM/T 0003.5 has no worked example with fixed k in the standard), so they run through the
 * package-private overloads of {@link Sm2} on Bouncy Castle's custom-curve parameters; the public
 * methods refuse that curve, which the last test shows. sm2p256v1 is covered by the OpenSSL
 * interop tests and the Tongsuo vectors.
 */
class Sm2StandardExampleTest {

    private static final ECDomainParameters TEST_CURVE;

    static {
        BigInteger p = big("8542D69E 4C044F18 E8B92435 BF6FF7DE 45728391 5C45517D 722EDB8B 08F1DFC3");
        BigInteger a = big("787968B4 FA32C3FD 2417842E 73BBFEFF 2F3C848B 6831D7E0 EC65228B 3937E498");
        BigInteger b = big("63E4C6D3 B23B0C84 9CF84241 484BFE48 F61D59A5 B16BA06E 6E12D1DA 27C5249A");
        BigInteger n = big("8542D69E 4C044F18 E8B92435 BF6FF7DD 29772063 0485628D 5AE74EE7 C32E79B7");
        ECCurve curve = new ECCurve.Fp(p, a, b, n, BigInteger.ONE);
        TEST_CURVE = new ECDomainParameters(curve, curve.createPoint(
                big("421DEBD6 1B62EAB6 746434EB C3CC315E 32220B3B ADD50BDC 4C4E6C14 7FEDD43D"),
                big("0680512B CBB42C07 D47349D2 153B70C4 E5D7FDFC BFA36EA1 A85841B9 E46E09A2")), n);
    }

    private static BigInteger big(String hex) {
        return new BigInteger(hex.replace(" ", ""), 16);
    }

    private static ECPublicKeyParameters publicOf(ECPrivateKeyParameters key) {
        return new ECPublicKeyParameters(TEST_CURVE.getG().multiply(key.getD()).normalize(), TEST_CURVE);
    }

    private static final byte[] ALICE = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
    private static final ECPrivateKeyParameters SIGNER = new ECPrivateKeyParameters(
            big("128B2FA8 BD433C6C 068C8D80 3DFF7979 2A519A55 171B1B65 0C23661D 15897263"), TEST_CURVE);

    @Test
    void publicKeyAndZaOfTheSignatureExample() {
        ECPublicKeyParameters pub = publicOf(SIGNER);
        assertThat(pub.getQ().getAffineXCoord().toBigInteger())
                .isEqualTo(big("0AE4C779 8AA0F119 471BEE11 825BE462 02BB79E2 A5844495 E97C04FF 4DF2548A"));
        assertThat(pub.getQ().getAffineYCoord().toBigInteger())
                .isEqualTo(big("7C0240F8 8F1CD4E1 6352A73C 17B7F16F 07353E53 A176D684 A9FE0C6B B798E857"));
        assertThat(Hex.toHexString(Sm2.za(pub, ALICE)).toUpperCase())
                .isEqualTo("F4A38489E32B45B6F876E3AC2168CA392362DC8F23459C1D1146FC3DBFB7BC9A");
    }

    @Test
    void signatureExampleWithItsFixedK() throws Exception {
        byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Sm2.sign(SIGNER, ALICE, message,
                new FixedRandom("6CB28D99 385C175C 94F94E93 4817663F C176D925 DD72B727 260DBAAE 1FB2F96F"));
        ASN1Sequence rs = ASN1Sequence.getInstance(signature);
        assertThat(ASN1Integer.getInstance(rs.getObjectAt(0)).getValue())
                .isEqualTo(big("40F1EC59 F793D9F4 9E09DCEF 49130D41 94F79FB1 EED2CAA5 5BACDB49 C4E755D1"));
        assertThat(ASN1Integer.getInstance(rs.getObjectAt(1)).getValue())
                .isEqualTo(big("6FC6DAC3 2C5D5CF1 0C77DFB2 0F7C2EB6 67A45787 2FB09EC5 6327A67E C7DEEBE7"));
        assertThat(Sm2.verify(publicOf(SIGNER), ALICE, message, signature)).isTrue();
        assertThat(Sm2.verify(publicOf(SIGNER), Sm2.DEFAULT_ID, message, signature)).isFalse();
    }

    private static final ECPrivateKeyParameters RECIPIENT = new ECPrivateKeyParameters(
            big("1649AB77 A00637BD 5E2EFE28 3FBF3535 34AA7F7C B89463F2 08DDBC29 20BB0DA0"), TEST_CURVE);
    private static final String ENCRYPTION_K = "4C62EEFD 6ECFC2B9 5B92FD6C 3D957514 8AFA1742 5546D490 18E5388D 49DD7B4F";
    private static final String C1 = "04"
            + "245C26FB68B1DDDDB12C4B6BF9F2B6D5FE60A383B0D18D1C4144ABF17F6252E7"
            + "76CB9264C2A7E88E52B19903FDC47378F605E36811F5C07423A24B84400F01B8";
    private static final String C2 = "650053A89B41C418B0C3AAD00D886C00286467";
    private static final String C3 = "9C3D7360C30156FAB7C80A0276712DA9D8094A634B766D3A285E07480653426D";

    @Test
    void encryptionExampleWithItsFixedKComesOutInC1C3C2() {
        byte[] message = "encryption standard".getBytes(StandardCharsets.US_ASCII);
        byte[] ours = Sm2.encrypt(publicOf(RECIPIENT), message, new FixedRandom(ENCRYPTION_K));
        assertThat(Hex.toHexString(ours).toUpperCase()).isEqualTo(C1 + C3 + C2);
        assertThat(Sm2.decrypt(RECIPIENT, ours)).isEqualTo(message);
        assertThat(Hex.toHexString(Sm2Ciphertext.c1c3c2ToC1c2c3(ours)).toUpperCase()).isEqualTo(C1 + C2 + C3);
    }

    @Test
    void bouncyCastlesDefaultOrderIsC1C2C3() throws Exception {
        byte[] message = "encryption standard".getBytes(StandardCharsets.US_ASCII);
        SM2Engine defaultEngine = new SM2Engine();
        defaultEngine.init(true, new ParametersWithRandom(publicOf(RECIPIENT), new FixedRandom(ENCRYPTION_K)));
        byte[] bc = defaultEngine.processBlock(message, 0, message.length);
        assertThat(Hex.toHexString(bc).toUpperCase()).isEqualTo(C1 + C2 + C3);
        assertThat(Hex.toHexString(Sm2Ciphertext.c1c2c3ToC1c3c2(bc)).toUpperCase()).isEqualTo(C1 + C3 + C2);
    }

    @Test
    void publicMethodsRefuseKeysOffTheSm2Curve() throws Exception {
        java.security.KeyPairGenerator p256 = java.security.KeyPairGenerator.getInstance("EC", Sm2.PROVIDER);
        p256.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair other = p256.generateKeyPair();
        byte[] message = {1};
        assertThatThrownBy(() -> Sm2.sign(other.getPrivate(), message, new SecureRandom()))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("WRONG_KEY_TYPE").hasMessageContaining("sm2p256v1");
        assertThatThrownBy(() -> Sm2.encrypt(other.getPublic(), message, new SecureRandom()))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("WRONG_KEY_TYPE");
        assertThatThrownBy(() -> Sm2.za(other.getPublic(), Sm2.DEFAULT_ID))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("WRONG_KEY_TYPE");
    }

    @Test
    void zaDependsOnTheIdAndTheIdLengthIsBounded() {
        KeyPair keys = Sm2.generateKeyPair(new SecureRandom());
        byte[] za = Sm2.za(keys.getPublic(), Sm2.DEFAULT_ID);
        assertThat(za).hasSize(32).isNotEqualTo(Sm2.za(keys.getPublic(), ALICE));
        assertThatThrownBy(() -> Sm2.za(keys.getPublic(), new byte[Sm2.MAX_ID_BYTES + 1]))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("MALFORMED_INPUT");
    }
}
