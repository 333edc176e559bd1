package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.syslog.SyslogTlsListenerTest.WAIT_MILLIS;
import static org.fenghuo.collectors.syslog.SyslogTlsListenerTest.tlsFields;
import static org.fenghuo.collectors.syslog.SyslogTlsListenerTest.waitUntil;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.syslog.SyslogTlsConfig.ClientAuth;
import org.fenghuo.collectors.syslog.tls.TestPki;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real senders, not hand-made bytes: util-linux {@code logger} over UDP and TCP (both framings,
 * both formats) and {@code rsyslogd} forwarding over UDP, TCP and TLS ({@code gtls}, with x509
 * name checking of our server and a client certificate). Every message must arrive exactly once.
 * Skipped with a message when the tool is not installed (Debian: bsdutils, rsyslog, rsyslog-gnutls).
 *
 * <p>UDP can lose datagrams in the kernel when the receive buffer overflows, so the UDP cases send
 * a few hundred small datagrams on loopback, which fit the listener's receive buffer many times
 * over; a failure message shows the socket's kernel drop counter from /proc/net/udp.
 */
class SyslogRealSendersTest {

    private static final int LOGGER_MESSAGES = 300;
    private static final int RSYSLOG_MESSAGES = 300;
    private static final String TAG = "fenghuo-test";

    static TestPki pki;

    @BeforeAll
    static void makePki() throws Exception {
        pki = TestPki.shared();
    }

    @ParameterizedTest(name = "logger --{0} {1} --{2}")
    @CsvSource({"udp, , rfc5424", "udp, , rfc3164", "tcp, --octet-count, rfc5424", "tcp, , rfc3164",
            "tcp, --octet-count, rfc3164"})
    void loggerSendsAndEveryMessageArrivesOnce(String transport, String framing, String format) throws Exception {
        Path logger = SyslogRealSendersTest.tool("logger", "util-linux logger (Debian bsdutils)");
        CollectingEventSink sink = new CollectingEventSink();
        String prefix = "logger-" + transport + "-" + (framing == null ? "lf" : "oc") + "-" + format + "-";
        List<String> expected = bodies(prefix, LOGGER_MESSAGES);
        try (AutoCloseable listener = "udp".equals(transport)
                ? SyslogUdpListener.start(SyslogInputConfig.udp().withAddress("127.0.0.1", 0), sink,
                        new SimpleMeterRegistry())
                : SyslogTcpListener.start(SyslogInputConfig.tcp().withAddress("127.0.0.1", 0), sink,
                        new SimpleMeterRegistry())) {
            int port = listener instanceof SyslogUdpListener udp ? udp.localPort()
                    : ((SyslogTcpListener) listener).localPort();
            List<String> command = new ArrayList<>(List.of(logger.toString(), "--server", "127.0.0.1", "--port",
                    Integer.toString(port), "--" + transport, "--" + format, "-t", TAG, "-p", "user.notice"));
            if (framing != null) {
                command.add(framing);
            }
            // no message argument: one message per line of stdin
            run(command, String.join("\n", expected) + "\n");
            boolean all = sink.awaitTotal(LOGGER_MESSAGES, WAIT_MILLIS);
            assertThat(all).as("all %d arrived; kernel drops on the UDP socket: %s", LOGGER_MESSAGES,
                    "udp".equals(transport) ? udpDrops(port) : "n/a").isTrue();
        }
        assertThat(sink.deadLetters()).isEmpty();
        assertThat(sink.events()).allSatisfy(e -> {
            assertThat(e.process().name()).isEqualTo(TAG);
            assertThat(e.log().syslog().severityCode()).isEqualTo(5);
        });
        assertThat(bodies(sink)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void rsyslogForwardsOverUdpTcpAndTlsAndEveryMessageArrivesOnceOnEach(@TempDir Path work) throws Exception {
        Path rsyslogd = tool("rsyslogd", "rsyslog (Debian rsyslog)");
        Path logger = tool("logger", "util-linux logger (Debian bsdutils)");
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so"))
                || Files.exists(Path.of("/usr/lib/rsyslog/lmnsd_gtls.so")),
                "rsyslog's gtls stream driver is not installed (Debian rsyslog-gnutls)");
        boolean devLogBefore = Files.exists(Path.of("/dev/log"));
        CollectingEventSink udpSink = new CollectingEventSink();
        CollectingEventSink tcpSink = new CollectingEventSink();
        CollectingEventSink tlsSink = new CollectingEventSink();
        SyslogTlsConfig tls = SyslogTlsConfig.of(pki.serverChain(), pki.serverKey())
                .withClientAuth(ClientAuth.NEED, pki.caPem());
        List<String> expected = bodies("rsyslog-", RSYSLOG_MESSAGES);
        Process daemon = null;
        try (SyslogUdpListener udp = SyslogUdpListener.start(SyslogInputConfig.udp().withAddress("127.0.0.1", 0),
                        udpSink, new SimpleMeterRegistry());
                SyslogTcpListener tcp = SyslogTcpListener.start(SyslogInputConfig.tcp().withAddress("127.0.0.1", 0),
                        tcpSink, new SimpleMeterRegistry());
                SyslogTlsListener tlsListener = SyslogTlsListener.start(
                        SyslogInputConfig.tls().withAddress("127.0.0.1", 0), tls, tlsSink,
                        new SimpleMeterRegistry())) {
            Path socket = work.resolve("in.sock");
            Path config = work.resolve("rsyslog.conf");
            Files.writeString(config, rsyslogConfig(work, socket, udp.localPort(), tcp.localPort(),
                    tlsListener.localPort()));
            daemon = new ProcessBuilder(rsyslogd.toString(), "-n", "-f", config.toString(), "-i",
                    work.resolve("rsyslogd.pid").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("rsyslogd.out").toFile()).start();
            Process started = daemon;
            waitUntil(() -> Files.exists(socket) || !started.isAlive());
            assertThat(Files.exists(socket)).as("rsyslogd opened its private socket; its output: %s",
                    readQuietly(work.resolve("rsyslogd.out"))).isTrue();
            run(List.of(logger.toString(), "-u", socket.toString(), "-t", TAG, "-p", "user.notice"),
                    String.join("\n", expected) + "\n");

            for (CollectingEventSink sink : List.of(udpSink, tcpSink, tlsSink)) {
                assertThat(sink.awaitTotal(RSYSLOG_MESSAGES, WAIT_MILLIS))
                        .as("udp drops %s; rsyslogd said: %s", udpDrops(udp.localPort()),
                                readQuietly(work.resolve("rsyslogd.out")))
                        .isTrue();
            }
            assertThat(tlsListener.connectionStats().tlsHandshakeFailed()).isZero();
        } finally {
            if (daemon != null) {
                daemon.destroy();
                daemon.waitFor(30, TimeUnit.SECONDS);
            }
        }
        for (CollectingEventSink sink : List.of(udpSink, tcpSink, tlsSink)) {
            assertThat(sink.deadLetters()).isEmpty();
            assertThat(bodies(sink)).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(tlsSink.events()).allSatisfy(e -> {
            Map<String, Object> fields = tlsFields(e);
            assertThat(fields).containsEntry("version_protocol", "tls");
            assertThat(fields.get("version")).isIn("1.2", "1.3");
            assertThat(fields.get("client").toString()).contains("subject=" + TestPki.CLIENT_SUBJECT);
        });
        assertThat(Files.exists(Path.of("/dev/log"))).as("the system's /dev/log is left alone")
                .isEqualTo(devLogBefore);
    }

    /**
     * A private rsyslog: its own work directory and input socket, no system socket, no default
     * configuration; our messages are forwarded three ways, anything else rsyslog logs stays in
     * the work directory.
     */
    private static String rsyslogConfig(Path work, Path socket, int udpPort, int tcpPort, int tlsPort) {
        return String.join("\n",
                "global(workDirectory=\"" + work + "\"",
                "       defaultNetstreamDriverCAFile=\"" + pki.caPem() + "\"",
                "       defaultNetstreamDriverCertFile=\"" + pki.clientChain() + "\"",
                "       defaultNetstreamDriverKeyFile=\"" + pki.clientKey() + "\")",
                "module(load=\"imuxsock\" SysSock.Use=\"off\")",
                "input(type=\"imuxsock\" Socket=\"" + socket + "\" RateLimit.Interval=\"0\")",
                "if $programname == \"" + TAG + "\" then {",
                "  action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + udpPort + "\" protocol=\"udp\"",
                "         template=\"RSYSLOG_SyslogProtocol23Format\")",
                "  action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + tcpPort + "\" protocol=\"tcp\"",
                "         TCP_Framing=\"octet-counted\" template=\"RSYSLOG_SyslogProtocol23Format\")",
                // LF framing and the traditional format over TLS: what rsyslog sends unless told otherwise
                "  action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + tlsPort + "\" protocol=\"tcp\"",
                "         StreamDriver=\"gtls\" StreamDriverMode=\"1\" StreamDriverAuthMode=\"x509/name\"",
                "         StreamDriverPermittedPeers=\"" + TestPki.SERVER_NAME + "\")",
                "  stop",
                "}",
                "action(type=\"omfile\" file=\"" + work.resolve("rsyslog-own.log") + "\")",
                "");
    }

    private static List<String> bodies(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    /** rsyslog's RFC 5424 template puts a space before the message; not part of the body. */
    private static List<String> bodies(CollectingEventSink sink) {
        return sink.events().stream().map(SecurityEvent::message).map(String::strip).toList();
    }

    private static void run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s exit status; output: %s", command, output).isZero();
    }

    /** The executable on PATH (or in /usr/sbin, /sbin), or the test is skipped saying what to install. */
    static Path tool(String name, String what) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin"));
        for (String d : dirs) {
            Path candidate = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort(what + " is not installed: " + name + " not found on PATH");
        return null;
    }

    /** The kernel's drop counter of the UDP socket bound to {@code port} (the last column of /proc/net/udp). */
    private static String udpDrops(int port) {
        String suffix = String.format(Locale.ROOT, ":%04X", port);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/udp"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 2 && f[1].endsWith(suffix)) {
                    return f[f.length - 1];
                }
            }
            return "socket not found";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no output)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
