package org.fenghuo.collectors.syslog.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx (Debian's, skipped when it is not installed) serves requests on 127.0.0.1 and
 * writes its default {@code combined} access log; every line it wrote must parse, with the fields
 * of the request that was sent: a quote in the user agent (nginx writes {@code \x22}), a basic-auth
 * user, a 404, and TLS bytes sent to the plain-HTTP port (a 400 with a garbage request line).
 */
class NginxAccessLogTest {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path dir;

    @Test
    void everyLineNginxWritesParses() throws Exception {
        assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (apt-get install nginx): skipping");
        int port = freePort();
        Process nginx = start(port);
        try {
            awaitListening(nginx, port);
            request(port, "GET /index.html?lang=zh HTTP/1.1\r\nHost: x\r\nUser-Agent: Evil \"quoted\" agent\r\n"
                    + "Referer: https://example.com/start\r\nConnection: close\r\n\r\n");
            request(port, "GET /missing HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YWxpY2U6c2VjcmV0\r\n"
                    + "Connection: close\r\n\r\n");
            request(port, "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\r\n\r\n");
            awaitLogLines(3);
        } finally {
            nginx.destroy();
            nginx.waitFor();
        }
        List<String> lines = Files.readAllLines(dir.resolve("access.log"), StandardCharsets.ISO_8859_1);
        List<EcsFields> parsed = new ArrayList<>();
        AccessLogParser parser = new AccessLogParser();
        for (String line : lines) {
            PayloadResult result = parser.parse(new PayloadInput(null, null, line));
            assertThat(result).as(line).isInstanceOf(PayloadResult.Parsed.class);
            parsed.add(((PayloadResult.Parsed) result).fields());
        }

        assertThat(parsed).hasSize(3);
        assertThat(parsed.get(0).asMap()).containsEntry("source.ip", "127.0.0.1")
                .containsEntry("http.request.method", "GET").containsEntry("url.original", "/index.html?lang=zh")
                .containsEntry("url.query", "lang=zh").containsEntry("http.version", "1.1")
                .containsEntry("http.response.status_code", 200L).containsEntry("event.outcome", "success")
                .containsEntry("http.request.referrer", "https://example.com/start")
                .containsEntry("user_agent.original", "Evil \\x22quoted\\x22 agent");
        assertThat(parsed.get(1).asMap()).containsEntry("user.name", "alice")
                .containsEntry("http.response.status_code", 404L).containsEntry("event.outcome", "failure");
        assertThat(parsed.get(2).asMap()).containsEntry("http.response.status_code", 400L)
                .containsKey("fenghuo.access.request").doesNotContainKey("http.request.method");
    }

    private Process start(int port) throws IOException {
        String d = dir.toAbsolutePath().toString();
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 16; }
                http {
                    access_log %1$s/access.log combined;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    lingering_close off;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / { return 200 "ok\\n"; }
                        location /missing { return 404; }
                    }
                }
                """.formatted(d, port));
        return new ProcessBuilder(NGINX.toString(), "-p", d, "-c", d + "/nginx.conf", "-e", d + "/error.log")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Until nginx accepts a connection; fails with nginx's own output when it exits instead. */
    private void awaitListening(Process nginx, int port) throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            assertThat(nginx.isAlive()).as("nginx exited: %s", Files.readString(dir.resolve("nginx.out"))).isTrue();
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("nginx did not listen on port " + port);
    }

    /**
     * nginx writes a request's log line when it frees the request, which for a bad request can come
     * after the client already saw the connection close (lingering close); stopping nginx before then
     * loses the line, so wait for it (the assertions below still fail if it never comes).
     */
    private void awaitLogLines(int expected) throws Exception {
        Path log = dir.resolve("access.log");
        for (int attempt = 0; attempt < 500; attempt++) {
            if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.ISO_8859_1).size() >= expected) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /** Sends raw bytes (ISO-8859-1, so any byte can be written) and reads until nginx closes. */
    private static void request(int port, String raw) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // drain the response: nginx logs the request once it has answered
            }
        }
    }
}
