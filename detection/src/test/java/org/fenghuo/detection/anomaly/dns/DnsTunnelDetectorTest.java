package org.fenghuo.detection.anomaly.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.anomaly.SyntheticTraffic.byTime;
import static org.fenghuo.detection.anomaly.SyntheticTraffic.dnsQuery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.detection.anomaly.SyntheticTraffic.KeyDriver;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class DnsTunnelDetectorTest {
    private static final long S = 1_000;
    private static final long T0 = 1_790_000_000_000L;
    private static final String HOST = "10.0.0.7";
    private static final String RESOLVER = "10.0.0.53";
    private static final String B32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final List<String> POPULAR = List.of("www.baidu.com", "www.qq.com", "api.weixin.qq.com",
            "www.taobao.com", "g.alicdn.com", "www.google.com", "clients4.google.com", "www.gov.cn",
            "www.beijing.gov.cn", "mail.163.com", "www.bbc.co.uk", "news.sina.com.cn", "s.weibo.com",
            "update.microsoft.com", "ocsp.digicert.com", "time.windows.com", "cdn.jsdelivr.net", "github.com",
            "api.github.com", "avatars.githubusercontent.com");

    private static DnsTunnelDetector detector(String yaml) {
        return new DnsTunnelDetector(DnsTunnelConfig.fromYaml(yaml, "test").orThrow());
    }

    /** Base32 (RFC 4648 alphabet, lower case, no padding) of {@code bytes} random bytes. */
    static String base32(Random r, int bytes) {
        StringBuilder b = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < bytes; i++) {
            buffer = (buffer << 8) | r.nextInt(256);
            bits += 8;
            while (bits >= 5) {
                b.append(B32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return b.toString();
    }

    /** One query a second: 35-byte chunks as 56 base32 characters in a 30 and a 26 character label, mostly TXT. */
    private static List<SecurityEvent> tunnel(Random r, String parent, long fromMillis, int queries) {
        List<SecurityEvent> out = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            String chunk = base32(r, 35);
            String name = chunk.substring(0, 30) + "." + chunk.substring(30) + "." + i % 7 + "." + parent;
            out.add(dnsQuery("tun-" + i, fromMillis + i * S + r.nextInt(300), HOST, RESOLVER, name,
                    i % 4 == 0 ? "A" : "TXT"));
        }
        return out;
    }

    /** Normal resolution: popular names, repeated, A and AAAA, a query every few seconds per host. */
    private static List<SecurityEvent> normal(Random r, String host, long fromMillis, long untilMillis) {
        List<SecurityEvent> out = new ArrayList<>();
        long t = fromMillis;
        int i = 0;
        while (t < untilMillis) {
            String name = POPULAR.get(Math.min(POPULAR.size() - 1, (int) Math.abs(r.nextGaussian() * 6)));
            out.add(dnsQuery("n-" + host + "-" + i++, t, host, RESOLVER, name, r.nextBoolean() ? "A" : "AAAA"));
            t += (long) (-Math.log(1 - r.nextDouble()) * 4 * S);
        }
        return out;
    }

    @Test
    void firesOncePerWindowOnABase32TunnelUnderOneParent() {
        Random r = new Random(20261124);
        List<SecurityEvent> events = new ArrayList<>(tunnel(r, "t.exfil-example.com.cn", T0, 25 * 60));
        events.addAll(normal(r, HOST, T0, T0 + 25 * 60 * S));

        List<Alert> alerts = DetectorRunner.run(detector(""), byTime(events));

        assertThat(alerts).hasSize(3); // windows of 10 min from the first query: 0-10, 10-20, 20-25
        Alert a = alerts.get(0);
        assertThat(a.ruleId()).isEqualTo("fenghuo.anomaly.dns_tunnel");
        assertThat(a.category()).isEqualTo(IncidentCategory.NETWORK_ATTACK);
        assertThat(a.tactics()).containsExactly(AttackTactic.COMMAND_AND_CONTROL, AttackTactic.EXFILTRATION);
        assertThat(a.techniques()).extracting(t -> t.id()).containsExactly("T1071.004", "T1048");
        assertThat(a.entities().sourceIps()).containsExactly(HOST);
        assertThat(a.entities().destinationIps()).containsExactly(RESOLVER);
        assertThat(a.eventIds()).hasSize(20).allMatch(id -> id.startsWith("tun-"));
        // parent is the registrable domain under com.cn; fires at query 40 (40 distinct subdomains), score 2+1+1+0+1
        assertThat(a.message()).contains("40 queries under exfil-example.com.cn", "40 distinct subdomains",
                "score 5 of 6");
    }

    @Test
    void quietOnNormalResolutionOfPopularDomains() {
        Random r = new Random(11);
        List<SecurityEvent> events = new ArrayList<>();
        for (int h = 1; h <= 30; h++) {
            events.addAll(normal(r, "10.0.2." + h, T0, T0 + 3600 * S));
        }
        // CDN-style hashed host names: many distinct, short, under one parent
        for (int i = 0; i < 200; i++) {
            events.add(dnsQuery("cdn" + i, T0 + i * 5 * S, "10.0.2.1", RESOLVER,
                    "r" + (1 + i % 20) + "---sn-" + base32(r, 5) + ".googlevideo.com", "A"));
        }
        assertThat(events).hasSizeGreaterThan(25_000);
        assertThat(DetectorRunner.run(detector(""), byTime(events))).isEmpty();
    }

    /** 40 queries with long random subdomains: unique (2) + long (1) + entropy (1) = 4; one name repeated = 39 unique. */
    @Test
    void minUniqueSubdomainsIsTheBoundaryOfTheScore() {
        Random r = new Random(12);
        List<SecurityEvent> forty = new ArrayList<>();
        List<SecurityEvent> thirtyNine = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = base32(r, 30) + ".example.org";
            forty.add(dnsQuery("q" + i, T0 + i * S, HOST, RESOLVER, name, "A"));
            thirtyNine.add(dnsQuery("q" + i, T0 + i * S, HOST, RESOLVER,
                    i == 39 ? thirtyNine.get(0).dns().questionName() : name, "A"));
        }
        assertThat(DetectorRunner.run(detector(""), forty)).extracting(Alert::message)
                .singleElement().asString().contains("score 4 of 6");
        assertThat(DetectorRunner.run(detector(""), thirtyNine)).isEmpty();
        assertThat(DetectorRunner.run(detector("min_score: 5"), forty)).isEmpty();
    }

    @Test
    void ignoredParentsReverseLookupsAndAnswersAreNotJudged() {
        DnsTunnelDetector d = detector("ignore_parents: [sophosxl.net]");
        assertThat(d.key(dnsQuery("1", T0, HOST, RESOLVER, "abcd1234.x.sophosxl.net", "A"))).isNull();
        assertThat(d.key(dnsQuery("2", T0, HOST, RESOLVER, "4.3.2.1.in-addr.arpa", "PTR"))).isNull();
        assertThat(d.key(dnsQuery("3", T0, HOST, RESOLVER, "printer.local", "A"))).isNull();
        SecurityEvent answer = dnsQuery("4", T0, HOST, RESOLVER, "a.example.com", "A");
        answer = answer.toBuilder().dns(new SecurityEvent.Dns("1", "answer", "QUERY", "a.example.com", "A", "IN",
                "NOERROR", null, null, null)).build();
        assertThat(d.key(answer)).isNull();
        assertThat(d.key(dnsQuery("5", T0, HOST, RESOLVER, "A.Example.COM.", "A"))).isEqualTo(HOST + "|example.com");
    }

    @Test
    void distinctSubdomainsAreCappedPerWindow() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DnsTunnelDetector d = new DnsTunnelDetector(
                DnsTunnelConfig.fromYaml("max_tracked_subdomains: 16\nmin_unique_subdomains: 16", "t").orThrow(), registry);
        KeyDriver<DnsTunnelState> driver = new KeyDriver<>(d, HOST + "|example.org");
        Random r = new Random(13);
        for (int i = 0; i < 100; i++) {
            driver.accept(dnsQuery("c" + i, T0 + i * S, HOST, RESOLVER, base32(r, 30) + ".example.org", "A"));
        }
        assertThat(driver.state.uniqueSubdomains()).isEqualTo(16);
        assertThat(driver.state.queries()).isEqualTo(100);
        assertThat(registry.get("fenghuo.anomaly.state_overflow").tag("what", "subdomains").counter().count()).isEqualTo(1);
        assertThat(driver.alerts).hasSize(1);
        assertThat(driver.alerts.get(0).message()).contains("16+ distinct");
    }

    @Test
    void aKeyIsForgottenWhenItsWindowEnds() {
        DetectorRunner<DnsTunnelState> runner = new DetectorRunner<>(detector("window: 1m"), 0, a -> { });
        runner.accept(dnsQuery("1", T0, HOST, RESOLVER, "www.example.com", "A"));
        runner.accept(dnsQuery("2", T0 + 30 * S, "10.0.0.8", RESOLVER, "www.example.com", "A"));
        assertThat(runner.keys()).isEqualTo(2);
        runner.accept(dnsQuery("3", T0 + 61 * S, "10.0.0.9", RESOLVER, "www.example.com", "A"));
        assertThat(runner.keys()).isEqualTo(2); // the first one's window ended
        runner.finish();
        assertThat(runner.keys()).isZero();
        assertThat(runner.pendingTimers()).isZero();
    }

    @Test
    void aNewWindowReplacesTheTimerOfTheOldOne() {
        KeyDriver<DnsTunnelState> driver = new KeyDriver<>(detector("window: 1m"), HOST + "|example.com");
        driver.accept(dnsQuery("1", T0, HOST, RESOLVER, "www.example.com", "A"));
        driver.accept(dnsQuery("2", T0 + 70 * S, HOST, RESOLVER, "www.example.com", "A")); // before the watermark passed T0+60
        assertThat(driver.timers).containsExactly(T0 + 130 * S);
        assertThat(driver.state.queries()).isEqualTo(1);
        assertThat(driver.fireNextTimer()).isTrue();
    }

    @Test
    void aTimerThatOutlivedItsStateDoesNotKeepTheKey() {
        KeyDriver<DnsTunnelState> driver = new KeyDriver<>(detector(""), HOST + "|example.com");
        driver.registerTimer(T0);
        assertThat(driver.fireNextTimer()).isTrue();
    }
}
