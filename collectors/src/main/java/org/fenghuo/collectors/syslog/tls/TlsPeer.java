package org.fenghuo.collectors.syslog.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

/**
 * What a finished handshake tells about the sender, named after ECS {@code tls.*}.
 *
 * @param version         {@code 1.3}, {@code 1.2}
 * @param versionProtocol {@code tls}
 * @param cipher          IANA name of the negotiated suite
 * @param clientSubject   RFC 2253 subject of the sender's certificate; null when it showed none
 * @param clientIssuer    RFC 2253 issuer of that certificate; null when none
 * @param clientSha256    SHA-256 of that certificate's DER, upper-case hex; null when none
 */
public record TlsPeer(String version, String versionProtocol, String cipher, String clientSubject,
        String clientIssuer, String clientSha256) {

    public static TlsPeer of(SSLSession session) {
        String protocol = session.getProtocol();
        String version = protocol.startsWith("TLSv") ? protocol.substring(4) : protocol;
        String versionProtocol = protocol.startsWith("TLS") ? "tls" : protocol.toLowerCase(Locale.ROOT);
        X509Certificate client = clientCertificate(session);
        if (client == null) {
            return new TlsPeer(version, versionProtocol, session.getCipherSuite(), null, null, null);
        }
        return new TlsPeer(version, versionProtocol, session.getCipherSuite(),
                client.getSubjectX500Principal().getName(X500Principal.RFC2253),
                client.getIssuerX500Principal().getName(X500Principal.RFC2253), sha256(client));
    }

    private static X509Certificate clientCertificate(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
        } catch (SSLPeerUnverifiedException e) {
            // client_auth none, or want and the sender showed no certificate
            return null;
        }
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return null;
        }
    }
}
