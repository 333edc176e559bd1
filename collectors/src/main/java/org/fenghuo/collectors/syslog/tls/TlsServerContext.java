package org.fenghuo.collectors.syslog.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.fenghuo.collectors.syslog.SyslogTlsConfig;

/**
 * The server side of TLS for one input: an {@link SSLContext} built from PEM files plus the
 * protocols, cipher suites and client-certificate policy every accepted socket gets. Built once at
 * start-up, where every problem of the settings is reported together; thread-safe afterwards.
 */
public final class TlsServerContext {

    private static final char[] IN_MEMORY_PASSWORD = "fenghuo".toCharArray();

    private final SSLContext context;
    private final SSLParameters parameters;

    private TlsServerContext(SSLContext context, SSLParameters parameters) {
        this.context = context;
        this.parameters = parameters;
    }

    /**
     * @throws IllegalArgumentException naming every unreadable file, key/certificate mismatch and
     *         unsupported protocol or cipher suite, each with its key
     */
    public static TlsServerContext of(SyslogTlsConfig config) {
        List<String> problems = new ArrayList<>();
        List<X509Certificate> chain = attempt("certificate", () -> PemFiles.certificates(config.certificateChain()),
                problems);
        PrivateKey key = attempt("key", () -> PemFiles.privateKey(config.privateKey()), problems);
        List<X509Certificate> clientCas = config.clientAuth() == SyslogTlsConfig.ClientAuth.NONE ? null
                : attempt("client_ca", () -> PemFiles.certificates(config.clientCa()), problems);
        if (chain != null && key != null && !belongTogether(key, chain.get(0).getPublicKey())) {
            problems.add("key: " + config.privateKey() + " is not the key of the first certificate in "
                    + config.certificateChain() + " (" + chain.get(0).getSubjectX500Principal() + ")");
        }
        SSLContext context = null;
        if (problems.isEmpty()) {
            try {
                context = SSLContext.getInstance("TLS");
                context.init(keyManagers(key, chain).getKeyManagers(),
                        clientCas == null ? null : trustManagers(clientCas).getTrustManagers(), new SecureRandom());
            } catch (GeneralSecurityException | IOException e) {
                problems.add("certificate: cannot build a TLS context from " + config.certificateChain() + " and "
                        + config.privateKey() + ": " + e.getMessage());
            }
        }
        SSLParameters parameters = context == null ? null : parameters(context, config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid syslog TLS settings: " + String.join("; ", problems));
        }
        return new TlsServerContext(context, parameters);
    }

    /**
     * Server-side TLS over an accepted socket; {@code consumed} holds bytes already read from it
     * (the first byte, read to tell TLS from plain text). Closing the TLS socket closes {@code raw}.
     */
    public SSLSocket wrap(Socket raw, InputStream consumed) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, consumed, true);
        socket.setSSLParameters(parameters);
        return socket;
    }

    private static SSLParameters parameters(SSLContext context, SyslogTlsConfig config, List<String> problems) {
        SSLParameters supported = context.getSupportedSSLParameters();
        List<String> protocols = Arrays.asList(supported.getProtocols());
        for (String protocol : config.protocols()) {
            if (!protocols.contains(protocol)) {
                problems.add("protocols: '" + protocol + "' is not supported by this Java runtime");
            }
        }
        List<String> suites = Arrays.asList(supported.getCipherSuites());
        List<String> unknown = config.cipherSuites().stream().filter(s -> !suites.contains(s)).toList();
        if (!unknown.isEmpty()) {
            problems.add("cipher_suites: " + unknown + " are not supported by this Java runtime");
        }
        SSLParameters parameters = new SSLParameters(config.cipherSuites().toArray(String[]::new),
                config.protocols().toArray(String[]::new));
        switch (config.clientAuth()) {
            case NEED -> parameters.setNeedClientAuth(true);
            case WANT -> parameters.setWantClientAuth(true);
            case NONE -> { }
            default -> throw new IllegalStateException(config.clientAuth().toString());
        }
        // the server's order, so a client that lists a weak suite first still gets a strong one
        parameters.setUseCipherSuitesOrder(true);
        return parameters;
    }

    private static KeyManagerFactory keyManagers(PrivateKey key, List<X509Certificate> chain)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, IN_MEMORY_PASSWORD, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, IN_MEMORY_PASSWORD);
        return factory;
    }

    private static TrustManagerFactory trustManagers(List<X509Certificate> cas)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    /** Signs a random challenge and verifies it with the certificate's key. */
    private static boolean belongTogether(PrivateKey key, PublicKey certified) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null) {
            // no cheap check for this key type; the first handshake will tell
            return true;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static <T> T attempt(String key, Supplier<T> read, List<String> problems) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }
}
