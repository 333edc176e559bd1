package org.fenghuo.collectors.pcap.app.tls;

import java.util.List;
import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.events.SecurityEvent;

/** Builds the {@code tls-handshake} event from the hellos seen (either may be missing). */
final class TlsEvents {
    static final String ACTION = "tls-handshake";

    private TlsEvents() {
    }

    static AppEvent handshake(long ts, ClientHello client, ServerHello server) {
        int version = server == null ? -1 : server.negotiatedVersion();
        SecurityEvent.Tls tls = new SecurityEvent.Tls(versionNumber(version), versionProtocol(version),
                server == null ? null : CipherSuites.name(server.cipher()), null,
                client == null ? null : client.serverName(), client == null ? null : Ja3.hash(client),
                client == null ? null : Ja4.client(client), server == null ? null : Ja3.serverHash(server));
        AppEvent e = AppEvent.of(ts, TlsProtocol.NAME, ACTION).withTls(tls);
        if (client != null) {
            e = e.withField("tls.client.supported_ciphers",
                    client.ciphers().stream().filter(c -> !Grease.is(c)).map(CipherSuites::name).toList())
                    .withField("fenghuo.tls.client.alpn", nonEmpty(client.alpn()));
        }
        if (server != null) {
            e = e.withField("fenghuo.tls.server.alpn", nonEmpty(server.alpn()))
                    .withField("fenghuo.tls.server.ja4s", Ja4.server(server));
        }
        return e;
    }

    /** {@code tls.version}: "1.0" to "1.3", "3.0" for SSL 3; null when unknown. */
    static String versionNumber(int v) {
        return switch (v) {
            case 0x0300 -> "3.0";
            case 0x0301 -> "1.0";
            case 0x0302 -> "1.1";
            case 0x0303 -> "1.2";
            case 0x0304 -> "1.3";
            default -> null;
        };
    }

    static String versionProtocol(int v) {
        if (v == 0x0300) {
            return "ssl";
        }
        return v >= 0x0301 && v <= 0x0304 ? "tls" : null;
    }

    private static List<String> nonEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }
}
