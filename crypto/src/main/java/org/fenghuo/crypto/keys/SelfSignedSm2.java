package org.fenghuo.crypto.keys;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed SM3withSM2 certificate a key entry needs: the keystore format stores private
 * keys only with a certificate chain. It asserts nothing beyond "this public key belongs to this
 * entry"; verifiers trust the exported public key, not the certificate.
 */
final class SelfSignedSm2 {

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    /** Audit records must verify for as long as they are kept; the certificate is no expiry mechanism. */
    private static final Duration VALIDITY = Duration.ofDays(100L * 365);

    private SelfSignedSm2() {
    }

    static X509Certificate certificate(KeyPair pair, EntryAlias alias, Instant created, SecureRandom random) {
        X500Name subject = new X500Name("CN=Fenghuo audit signing " + alias.id() + " v" + alias.version());
        BigInteger serial = new BigInteger(64, random).setBit(63);
        try {
            var builder = new JcaX509v3CertificateBuilder(subject, serial, Date.from(created),
                    Date.from(created.plus(VALIDITY)), subject, pair.getPublic());
            var signer = new JcaContentSignerBuilder("SM3withSM2").setProvider(PROVIDER).setSecureRandom(random)
                    .build(pair.getPrivate());
            return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(builder.build(signer));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("Bouncy Castle cannot make an SM3withSM2 certificate", e);
        }
    }
}
