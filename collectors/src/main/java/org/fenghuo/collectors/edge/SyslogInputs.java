package org.fenghuo.collectors.edge;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import org.fenghuo.collectors.syslog.SyslogTcpListener;
import org.fenghuo.collectors.syslog.SyslogTlsConfig;
import org.fenghuo.collectors.syslog.SyslogTlsListener;
import org.fenghuo.collectors.syslog.SyslogUdpListener;
import org.fenghuo.collectors.syslog.payload.PayloadRules;
import org.fenghuo.collectors.syslog.tls.TlsServerContext;

/**
 * {@code syslog_udp}, {@code syslog_tcp} and {@code syslog_tls}: the listeners, bound to the
 * output, each with its payload rules ({@link PayloadRulesConfig}).
 */
final class SyslogInputs {

    private SyslogInputs() {
    }

    /** UDP cannot push back: a full spool drops and counts ({@code output.lossy()}). */
    static InputFactory udp() {
        return (name, settings) -> {
            SyslogInputConfig config = read(name, settings, false, SyslogInputConfig.DEFAULT_PORT);
            PayloadRules rules = PayloadRulesConfig.read(settings);
            return config == null || rules == null ? null : (output, registry) -> {
                SyslogUdpListener listener = SyslogUdpListener.start(config, output.lossy(), registry,
                        Clock.systemUTC(), rules);
                return InputFactory.Running.of("syslog_udp " + name + " on udp://" + listener.localAddress(), listener);
            };
        };
    }

    /** Called on each connection's thread: a full spool stops reading, so the sender's TCP window closes. */
    static InputFactory tcp() {
        return (name, settings) -> {
            SyslogInputConfig config = read(name, settings, true, SyslogInputConfig.DEFAULT_PORT);
            PayloadRules rules = PayloadRulesConfig.read(settings);
            return config == null || rules == null ? null : (output, registry) -> {
                SyslogTcpListener listener = SyslogTcpListener.start(config, output, registry, Clock.systemUTC(), rules);
                return InputFactory.Running.of("syslog_tcp " + name + " on tcp://" + listener.localAddress(), listener);
            };
        };
    }

    /**
     * RFC 5425. Like TCP, each connection's events are handed over on its own read thread, so a
     * full spool closes the sender's TCP window. The certificate files are loaded and checked at
     * start-up (every problem named by key), not on the first connection.
     */
    static InputFactory tls() {
        return (name, settings) -> {
            SyslogInputConfig config = read(name, settings, true, SyslogTlsConfig.DEFAULT_PORT);
            PayloadRules rules = PayloadRulesConfig.read(settings);
            SyslogTlsConfig tls = readTls(settings);
            return config == null || rules == null || tls == null ? null : (output, registry) -> {
                SyslogTlsListener listener = SyslogTlsListener.start(config, tls, output, registry, Clock.systemUTC(),
                        rules);
                return InputFactory.Running.of("syslog_tls " + name + " on tls://" + listener.localAddress(), listener);
            };
        };
    }

    private static SyslogTlsConfig readTls(ConfigNode settings) {
        Path certificate = settings.file("certificate");
        Path key = settings.file("key");
        String clientAuthText = settings.string("client_auth", "none");
        Path clientCa = settings.file("client_ca");
        Duration handshake = settings.duration("handshake_timeout", SyslogTlsConfig.DEFAULT_HANDSHAKE_TIMEOUT,
                Duration.ofMillis(1));
        SyslogTlsConfig.ClientAuth clientAuth = SyslogTlsConfig.ClientAuth.parse(clientAuthText);
        boolean ok = true;
        if (certificate == null) {
            settings.problem("certificate", "is required: the PEM file of the server certificate chain");
            ok = false;
        }
        if (key == null) {
            settings.problem("key", "is required: the PEM file of the server's PKCS#8 private key");
            ok = false;
        }
        if (clientAuth == null) {
            settings.problem("client_auth", "must be none, want or need");
            ok = false;
        } else if (clientAuth != SyslogTlsConfig.ClientAuth.NONE && clientCa == null) {
            settings.problem("client_ca", "is required with client_auth " + clientAuthText
                    + ": the PEM file of the CAs that sign sender certificates");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        try {
            SyslogTlsConfig tls = new SyslogTlsConfig(certificate, key, clientAuth, clientCa, settings.strings("protocols"),
                    settings.strings("cipher_suites"), handshake);
            // loads and cross-checks the files now, so a bad certificate fails start-up with its key
            TlsServerContext.of(tls);
            return tls;
        } catch (IllegalArgumentException e) {
            settings.problem("certificate", "TLS settings refused: " + e.getMessage());
            return null;
        }
    }

    private static SyslogInputConfig read(String name, ConfigNode settings, boolean tcp, int defaultPort) {
        String host = settings.string("host", SyslogInputConfig.DEFAULT_HOST);
        int port = settings.port("port", defaultPort, true);
        int maxFrame = settings.integer("max_frame_bytes", SyslogInputConfig.DEFAULT_MAX_FRAME_BYTES, 1,
                SyslogInputConfig.LIMIT_MAX_FRAME_BYTES, "is not a frame size (1.." + SyslogInputConfig.LIMIT_MAX_FRAME_BYTES
                        + " bytes)");
        int maxConnections = tcp ? settings.integer("max_connections", SyslogInputConfig.DEFAULT_MAX_CONNECTIONS, 1,
                100_000, "is not a connection count (1..100000)") : SyslogInputConfig.DEFAULT_MAX_CONNECTIONS;
        String zone = settings.string("time_zone", "UTC");
        ZoneId timeZone = ZoneId.of("UTC");
        try {
            timeZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            settings.problem("time_zone", "is not a time zone id (UTC, Asia/Shanghai, +08:00)");
            return null;
        }
        try {
            return new SyslogInputConfig(name, host, port, maxFrame, maxConnections, timeZone);
        } catch (IllegalArgumentException e) {
            // every field was checked above; this only happens if the record adds a rule
            settings.problem("type", "has settings the syslog input refuses: " + e.getMessage());
            return null;
        }
    }
}
