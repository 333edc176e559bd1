package org.fenghuo.collectors.syslog.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * A throw-away PKI for tests, made with the JDK's own {@code keytool} (no extra dependency, always
 * there): a CA, a server certificate for {@code syslog.test}/127.0.0.1 and a client certificate,
 * each as the PEM files a user would configure (certificate chain, PKCS#8 key), plus PKCS#12
 * stores for JSSE test clients.
 */
public final class TestPki {

    public static final String PASSWORD = "changeit";
    public static final String SERVER_NAME = "syslog.test";
    public static final String CLIENT_SUBJECT = "CN=edge-router-1,O=Fenghuo Test";
    public static final String CA_SUBJECT = "CN=Fenghuo Test CA";

    private static TestPki shared;

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /**
     * One PKI for all tests of this JVM (keytool runs take seconds), in a temporary folder that is
     * removed when the JVM exits.
     */
    public static synchronized TestPki shared() throws IOException, InterruptedException, GeneralSecurityException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("fenghuo-test-pki");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            shared = create(dir);
        }
        return shared;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up eventually
        }
        dir.toFile().delete();
    }

    /** The folder holding the files. */
    public Path dir() {
        return dir;
    }

    /** Creates CA, server and client material in {@code dir}; eight keytool runs. */
    public static TestPki create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        TestPki pki = new TestPki(dir);
        pki.keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", CA_SUBJECT,
                "-ext", "bc:c", "-validity", "30", "-keystore", "ca.p12");
        Files.writeString(dir.resolve("ca.pem"),
                pem("CERTIFICATE", pki.load("ca.p12").getCertificate("ca").getEncoded()));
        pki.issue("server", "CN=" + SERVER_NAME, "san=dns:" + SERVER_NAME + ",ip:127.0.0.1", "eku=serverAuth");
        pki.issue("client", CLIENT_SUBJECT, null, "eku=clientAuth");
        // a self-signed client nobody trusts
        pki.keytool("-genkeypair", "-alias", "rogue", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=Rogue Sender", "-validity", "30", "-keystore", "rogue.p12");
        return pki;
    }

    /** A key pair, a certificate for it signed by the CA, and the PEM files a user would configure. */
    private void issue(String name, String subject, String san, String eku)
            throws IOException, InterruptedException, GeneralSecurityException {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", subject,
                "-validity", "30", "-keystore", store);
        keytool("-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", "ca.p12",
                "-infile", name + ".csr", "-outfile", name + ".crt", "-rfc", "-validity", "30", "-ext", eku));
        if (san != null) {
            gencert.addAll(List.of("-ext", san));
        }
        keytool(gencert.toArray(String[]::new));
        // the chain: leaf first, then the CA, as a user's chain file has it
        Files.writeString(dir.resolve(name + "-chain.pem"),
                Files.readString(dir.resolve(name + ".crt")) + Files.readString(dir.resolve("ca.pem")));
        Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", key(store, name).getEncoded()));
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path serverChain() {
        return dir.resolve("server-chain.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path clientChain() {
        return dir.resolve("client-chain.pem");
    }

    public Path clientKey() {
        return dir.resolve("client.key");
    }

    /** A JSSE client context trusting the test CA, showing the client certificate when {@code withCert}. */
    public SSLContext clientContext(boolean withCert) throws GeneralSecurityException, IOException {
        return clientContext(withCert, trustingCa());
    }

    /**
     * A JSSE client context that shows a self-signed certificate the server does not trust. JSSE
     * would only offer a certificate from the issuers the server names, so the choice is forced.
     */
    public SSLContext rogueClientContext() throws GeneralSecurityException, IOException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load("rogue.p12"), PASSWORD.toCharArray());
        X509KeyManager base = (X509KeyManager) kmf.getKeyManagers()[0];
        X509ExtendedKeyManager forced = new X509ExtendedKeyManager() {
            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return "rogue";
            }

            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {"rogue"};
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return base.getCertificateChain(alias);
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return base.getPrivateKey(alias);
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {forced}, trustingCa().getTrustManagers(), null);
        return context;
    }

    private TrustManagerFactory trustingCa() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", PemFiles.certificates(caPem()).get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf;
    }

    private SSLContext clientContext(boolean withCert, TrustManagerFactory trust)
            throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = null;
        if (withCert) {
            // the client's key with its CA-signed chain, read back from the PEM files
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", PemFiles.privateKey(clientKey()), PASSWORD.toCharArray(),
                    PemFiles.certificates(clientChain()).toArray(X509Certificate[]::new));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
        }
        context.init(kmf == null ? null : kmf.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private KeyStore load(String store) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(store))) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private PrivateKey key(String store, String alias) throws GeneralSecurityException, IOException {
        return (PrivateKey) load(store).getKey(alias, PASSWORD.toCharArray());
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }
}
