package org.fenghuo.collectors.syslog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TLS settings of a syslog-over-TLS input (RFC 5425), beside its {@link SyslogInputConfig}. The
 * record checks shapes; whether the files exist, parse and match each other is checked when the
 * listener starts, each problem naming its key and file.
 *
 * @param certificateChain PEM file: the server's X.509 certificate first, then its intermediates
 * @param privateKey       PEM file: the server's unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY})
 * @param clientAuth       whether senders must show a certificate; default {@link ClientAuth#NONE}
 * @param clientCa         PEM file of the CA certificates that sign sender certificates; required
 *                         unless {@code clientAuth} is {@code NONE}
 * @param protocols        TLS versions offered; default TLSv1.3 and TLSv1.2 (nothing older)
 * @param cipherSuites     IANA cipher suite names offered; default {@link #DEFAULT_CIPHER_SUITES}
 * @param handshakeTimeout a connection that has not finished its handshake this long after it
 *                         was accepted is closed and counted; default 10 s
 */
public record SyslogTlsConfig(Path certificateChain, Path privateKey, ClientAuth clientAuth, Path clientCa,
        List<String> protocols, List<String> cipherSuites, Duration handshakeTimeout) {

    /** RFC 5425's port for syslog over TLS. */
    public static final int DEFAULT_PORT = 6514;
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /**
     * TLS 1.3's suites and TLS 1.2's forward-secret AEAD ones, RFC 9662's mandatory
     * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 among them; RFC 5425's old TLS_RSA_WITH_AES_128_CBC_SHA
     * has neither property and is left out.
     */
    public static final List<String> DEFAULT_CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Whether the server asks senders for a certificate. */
    public enum ClientAuth {
        /** No certificate is asked for. */
        NONE,
        /** A certificate is asked for; a sender without one is still served, one with a bad one is not. */
        WANT,
        /** A sender without a certificate signed by {@code clientCa} is refused in the handshake. */
        NEED;

        /** {@code none}, {@code want} or {@code need}, any case; null for anything else. */
        public static ClientAuth parse(String text) {
            if (text == null) {
                return null;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "want" -> WANT;
                case "need" -> NEED;
                default -> null;
            };
        }
    }

    public SyslogTlsConfig {
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        protocols = protocols == null || protocols.isEmpty() ? DEFAULT_PROTOCOLS : List.copyOf(protocols);
        cipherSuites = cipherSuites == null || cipherSuites.isEmpty() ? DEFAULT_CIPHER_SUITES
                : List.copyOf(cipherSuites);
        handshakeTimeout = handshakeTimeout == null ? DEFAULT_HANDSHAKE_TIMEOUT : handshakeTimeout;
        List<String> problems = new ArrayList<>();
        if (certificateChain == null) {
            problems.add("certificate: missing; the PEM file of the server certificate chain");
        }
        if (privateKey == null) {
            problems.add("key: missing; the PEM file of the server's PKCS#8 private key");
        }
        if (clientAuth != ClientAuth.NONE && clientCa == null) {
            problems.add("client_ca: missing; client_auth " + clientAuth.name().toLowerCase(Locale.ROOT)
                    + " needs the PEM file of the CAs that sign sender certificates");
        }
        for (String protocol : protocols) {
            if (!ALLOWED_PROTOCOLS.contains(protocol)) {
                problems.add("protocols: '" + protocol + "' is not one of " + ALLOWED_PROTOCOLS);
            }
        }
        SyslogInputConfig.checkPositive("handshake_timeout", handshakeTimeout, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid syslog TLS settings: " + String.join("; ", problems));
        }
    }

    /** Server certificate and key only; everything else takes its default. */
    public static SyslogTlsConfig of(Path certificateChain, Path privateKey) {
        return new SyslogTlsConfig(certificateChain, privateKey, ClientAuth.NONE, null, null, null, null);
    }

    /** Asks senders for certificates signed by the CAs in {@code newClientCa}. */
    public SyslogTlsConfig withClientAuth(ClientAuth newClientAuth, Path newClientCa) {
        return new SyslogTlsConfig(certificateChain, privateKey, newClientAuth, newClientCa, protocols, cipherSuites,
                handshakeTimeout);
    }

    public SyslogTlsConfig withProtocols(List<String> newProtocols) {
        return new SyslogTlsConfig(certificateChain, privateKey, clientAuth, clientCa, newProtocols, cipherSuites,
                handshakeTimeout);
    }

    public SyslogTlsConfig withCipherSuites(List<String> newCipherSuites) {
        return new SyslogTlsConfig(certificateChain, privateKey, clientAuth, clientCa, protocols, newCipherSuites,
                handshakeTimeout);
    }

    public SyslogTlsConfig withHandshakeTimeout(Duration newTimeout) {
        return new SyslogTlsConfig(certificateChain, privateKey, clientAuth, clientCa, protocols, cipherSuites,
                newTimeout);
    }
}
