package org.fenghuo.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixtures and golden-file helpers shared by the tests. */
final class TestEvents {
    /** {@code -Dfenghuo.regenerate=true} rewrites the golden files from the current output. */
    static final boolean REGENERATE = Boolean.getBoolean("fenghuo.regenerate");
    /** Tests compare JSON semantically; databind is only used here, never by the codec. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private TestEvents() {
    }

    /** Every component and every modelled field set, with values that differ from one another. */
    static SecurityEvent full() {
        Map<String, Map<String, String>> sd = new LinkedHashMap<>();
        sd.put("origin", Map.of("ip", "10.0.0.5"));
        sd.put("meta@32473", new LinkedHashMap<>(Map.of("sequenceId", "17")));
        sd.put("empty@32473", Map.of());
        return SecurityEvent.builder()
                .timestamp(Instant.parse("2026-11-23T10:00:00.123Z"))
                .message("sshd[4242]: Failed password for root from 203.0.113.9 port 52814 ssh2 — 登录失败")
                .tags("fenghuo", "syslog")
                .labels(Map.of("env", "prod", "city", "hangzhou"))
                .event(new SecurityEvent.EventInfo("ev-0001", "event", List.of("authentication", "network"),
                        List.of("start", "denied"), "ssh_login", "failure", "syslog", "syslog.rfc5424", "sshd", 6,
                        "<38>1 2026-11-23T10:00:00.123Z gw sshd 4242 - - Failed password",
                        Instant.parse("2026-11-23T10:00:01Z"), Instant.parse("2026-11-23T10:00:02.5Z"),
                        Instant.parse("2026-11-23T09:59:59.000001Z"), Instant.parse("2026-11-23T10:00:00.000000001Z"),
                        1_000_000_001L))
                .source(new SecurityEvent.Endpoint("203.0.113.9", 52814, "203.0.113.9", "attacker.example",
                        "00-11-22-33-44-55", 3_000_000_000L, 12L))
                .destination(new SecurityEvent.Endpoint("10.0.0.1", 22, "gw.city.local", "city.local",
                        "66-77-88-99-AA-BB", 4096L, 9L))
                .network(new SecurityEvent.Network("tcp", "ipv4", "ssh", "openssh", "inbound",
                        "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", "6", 3_000_004_096L, 21L, "42"))
                .observer(new SecurityEvent.Observer("collector-1", java.util.List.of("10.0.0.254"), "syslog-udp", "collector",
                        "Fenghuo", "fenghuo-collectors"))
                .host(new SecurityEvent.Host("gw", "gw.city.local", List.of("10.0.0.1", "fe80::1")))
                .user(new SecurityEvent.User("root", "0", "CITY"))
                .process(new SecurityEvent.Process("sshd", 4242L))
                .log(new SecurityEvent.Log("info", "auth", "/var/log/auth.log", 123_456L,
                        new SecurityEvent.Syslog(4, "auth", 6, "informational", 38, "gw", "sshd", "4242", "ID47",
                                "1", sd)))
                .dns(new SecurityEvent.Dns("4711", "answer", "QUERY", "www.example.cn", "A", "IN", "NOERROR",
                        List.of("RD", "RA"),
                        List.of(new SecurityEvent.DnsAnswer("www.example.cn", "CNAME", "IN", "cdn.example.cn", 300L),
                                new SecurityEvent.DnsAnswer("cdn.example.cn", "A", "IN", "198.51.100.7", 60L)),
                        List.of("198.51.100.7")))
                .http(new SecurityEvent.Http("1.1", "POST", "https://portal.city.local/", 512L, 403, 1024L,
                        "text/html"))
                .url(new SecurityEvent.Url("/login?next=%2F", "https://portal.city.local:8443/login?next=%2F",
                        "https", "portal.city.local", 8443, "/login", "next=%2F"))
                .userAgent("Mozilla/5.0 (X11; Linux x86_64)")
                .tls(new SecurityEvent.Tls("1.3", "tls", "TLS_AES_128_GCM_SHA256", true, "portal.city.local",
                        "771,4865-4866,0-23,29-23,0", "t13d1516h2_8daaf6152771_02713d6af862",
                        "771,4865,51-43"))
                .fenghuo(new SecurityEvent.FenghuoFields("syslog-udp", "flow-9f2c",
                        new SecurityEvent.Ics("modbus", "1", 16, "Write Multiple Registers", true, "0x02", 40001L,
                                10L)))
                .build();
    }

    static String resource(String name) {
        try (InputStream in = TestEvents.class.getResourceAsStream("/ecs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource ecs/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares {@code actual} with the golden file semantically, or rewrites it when regenerating. */
    static JsonNode golden(String name, String actual) {
        if (REGENERATE) {
            try {
                Path file = Path.of("src/test/resources/ecs", name);
                Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(actual)) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tree(resource(name));
    }
}
