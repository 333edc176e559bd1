package org.fenghuo.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class IndicatorIndexTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    static Indicator ind(String value, String source) {
        IndicatorValues.Checked c = IndicatorValues.detect(value);
        assertThat(c.ok()).as(c.error()).isTrue();
        return new Indicator(c.type(), c.value(), source, source + ":" + value, null, null, null, null, null, null,
                List.of(), "test", 0);
    }

    static Indicator windowed(String value, String from, String until) {
        Indicator i = ind(value, "w");
        return new Indicator(i.type(), i.value(), i.source(), i.id(), null, null,
                from == null ? null : Instant.parse(from), until == null ? null : Instant.parse(until), null, null,
                List.of(), "test", 0);
    }

    private static List<String> values(IndicatorIndex index, SecurityEvent e) {
        return IocMatches.find(index, e).stream().map(m -> m.field() + "=" + m.indicator().value()).toList();
    }

    private static SecurityEvent dst(String ip) {
        return SecurityEvent.builder().timestamp(T).destination(new SecurityEvent.Endpoint(ip, null, null, null, null,
                null, null)).build();
    }

    private static SecurityEvent dns(String name) {
        return SecurityEvent.builder().timestamp(T).dns(new SecurityEvent.Dns(null, null, null, name, null, null, null,
                null, null, null)).build();
    }

    @Test
    void exactIpv4AndLongestValidPrefix() {
        IndicatorIndex index = IndicatorIndex.of(List.of(ind("10.1.2.3", "a"), ind("10.0.0.0/8", "a"),
                ind("10.1.0.0/16", "a"), ind("10.1.2.0/24", "b")));
        long t = IndicatorIndex.ANY_TIME;
        assertThat(index.indicator(index.cidr4(IpAddresses.parseIpv4("10.1.2.3"), t)).value()).isEqualTo("10.1.2.0/24");
        assertThat(index.indicator(index.cidr4(IpAddresses.parseIpv4("10.1.3.3"), t)).value()).isEqualTo("10.1.0.0/16");
        assertThat(index.indicator(index.cidr4(IpAddresses.parseIpv4("10.200.0.1"), t)).value()).isEqualTo("10.0.0.0/8");
        assertThat(index.cidr4(IpAddresses.parseIpv4("11.0.0.1"), t)).isEqualTo(-1);
        // an event reports the exact address and every listed network, longest first, so feed b's /24
        // does not hide feed a's /16 and /8
        assertThat(values(index, dst("10.1.2.3"))).containsExactly("destination.ip=10.1.2.3",
                "destination.ip=10.1.2.0/24", "destination.ip=10.1.0.0/16", "destination.ip=10.0.0.0/8");
        assertThat(values(index, dst("10.200.0.1"))).containsExactly("destination.ip=10.0.0.0/8");
        assertThat(values(index, dst("11.0.0.1"))).isEmpty();
        assertThat(values(index, dst("::ffff:10.1.2.3"))).hasSize(4); // IPv4-mapped IPv6 is the IPv4 address
        assertThat(values(index, dst("not an ip"))).isEmpty();
    }

    @Test
    void ipv6ExactAndLongestPrefix() {
        IndicatorIndex index = IndicatorIndex.of(List.of(ind("2001:db8::1", "a"), ind("2001:db8::/32", "a"),
                ind("2001:db8:1::/48", "a"), ind("2001:db8:1:2:3:4:5:0/127", "a")));
        assertThat(values(index, dst("2001:DB8:0:0:0:0:0:1"))).containsExactly("destination.ip=2001:db8::1",
                "destination.ip=2001:db8::/32");
        assertThat(values(index, dst("2001:db8:1::9"))).containsExactly("destination.ip=2001:db8:1::/48",
                "destination.ip=2001:db8::/32");
        long[] bits = new long[2];
        IpAddresses.parseIpv6("2001:db8:1:2:3:4:5:1", 0, 20, bits);
        assertThat(index.indicator(index.cidr6(bits[0], bits[1], IndicatorIndex.ANY_TIME)).value())
                .isEqualTo("2001:db8:1:2:3:4:5:0/127");
        assertThat(values(index, dst("2001:db9::1"))).isEmpty();
    }

    @Test
    void domainMatchesItselfAndSubdomainsButNotLookalikes() {
        IndicatorIndex index = IndicatorIndex.of(List.of(ind("evil.com", "a"), ind("b.evil.com", "a"),
                ind("exämple.cn", "a")));
        assertThat(index.indicator(index.domain("a.b.evil.com", IndicatorIndex.ANY_TIME)).value()).isEqualTo("b.evil.com");
        assertThat(values(index, dns("a.b.evil.com"))).containsExactly("dns.question.name=b.evil.com",
                "dns.question.name=evil.com");
        assertThat(values(index, dns("x.Evil.COM."))).containsExactly("dns.question.name=evil.com");
        assertThat(values(index, dns("evil.com"))).containsExactly("dns.question.name=evil.com");
        assertThat(values(index, dns("notevil.com"))).isEmpty();
        assertThat(values(index, dns("evil.com.cn"))).isEmpty();
        assertThat(values(index, dns("com"))).isEmpty();
        assertThat(values(index, dns("www.EXÄMPLE.cn"))).containsExactly("dns.question.name=exämple.cn");
    }

    @Test
    void urlsAreNormalisedOnBothSides() {
        IndicatorIndex index = IndicatorIndex.of(List.of(ind("http://Phish.Example/Login?a=1", "a")));
        SecurityEvent e = SecurityEvent.builder().timestamp(T)
                .url(new SecurityEvent.Url(null, "HTTP://phish.example.:80/Login?a=1#frag", null, null, null, null, null))
                .build();
        assertThat(values(index, e)).containsExactly("url.full=http://phish.example/Login?a=1");
        SecurityEvent otherPath = SecurityEvent.builder().timestamp(T)
                .url(new SecurityEvent.Url("http://phish.example/login?a=1", null, null, null, null, null, null)).build();
        assertThat(values(index, otherPath)).as("the path keeps its case").isEmpty();
    }

    @Test
    void hashesByTypeFromFileHashFields() throws Exception {
        String md5 = "d41d8cd98f00b204e9800998ecf8427e";
        String sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        IndicatorIndex index = IndicatorIndex.of(List.of(ind(md5, "a"), ind(sha256, "a")));
        SecurityEvent e = org.fenghuo.events.EcsJsonCodec.fromJson("{\"@timestamp\":\"2026-03-01T12:00:00Z\","
                + "\"file\":{\"hash\":{\"md5\":\"" + md5.toUpperCase() + "\",\"sha256\":\"" + sha256 + "\",\"sha1\":\""
                + "0".repeat(40) + "\"}}}");
        assertThat(values(index, e)).containsExactlyInAnyOrder("file.hash.md5=" + md5, "file.hash.sha256=" + sha256);
        assertThat(index.hash(IndicatorType.SHA1, md5, IndicatorIndex.ANY_TIME)).isEqualTo(-1);
    }

    @Test
    void validityWindowIsJudgedAtTheEventsTime() {
        IndicatorIndex index = IndicatorIndex.of(List.of(
                windowed("192.0.2.1", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
                windowed("192.0.2.1", "2026-02-01T00:00:00Z", null),
                windowed("192.0.2.0/24", "2026-04-01T00:00:00Z", null),
                windowed("192.0.0.0/16", null, "2026-06-01T00:00:00Z")));
        long jan = Instant.parse("2026-01-15T00:00:00Z").toEpochMilli();
        long feb1 = Instant.parse("2026-02-01T00:00:00Z").toEpochMilli();
        long may = Instant.parse("2026-05-01T00:00:00Z").toEpochMilli();
        long july = Instant.parse("2026-07-01T00:00:00Z").toEpochMilli();
        long ip = IpAddresses.parseIpv4("192.0.2.1");
        assertThat(index.indicator(index.ipv4(ip, jan)).validUntil()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(index.indicator(index.ipv4(ip, feb1)).validFrom()).as("until is exclusive, from inclusive")
                .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        // the /24 is not valid yet in January: the longest *valid* prefix is the /16
        assertThat(index.indicator(index.cidr4(ip, jan)).value()).isEqualTo("192.0.0.0/16");
        assertThat(index.indicator(index.cidr4(ip, may)).value()).isEqualTo("192.0.2.0/24");
        assertThat(index.cidr4(IpAddresses.parseIpv4("192.0.9.9"), july)).isEqualTo(-1);
        assertThat(index.cidr4(IpAddresses.parseIpv4("192.0.9.9"), IndicatorIndex.ANY_TIME)).isNotEqualTo(-1);
        assertThat(IocMatches.find(index, dst("192.0.2.1").toBuilder().timestamp(Instant.ofEpochMilli(july)).build()))
                .extracting(m -> m.indicator().value()).containsExactly("192.0.2.1", "192.0.2.0/24");
    }

    @Test
    void everySourceListingAValueIsReported() {
        IndicatorIndex index = IndicatorIndex.of(List.of(ind("evil.com", "a"), ind("evil.com", "b"), ind("evil.com", "c")));
        List<String> sources = new ArrayList<>();
        IocMatches.find(index, dns("www.evil.com")).forEach(m -> sources.add(m.indicator().source()));
        assertThat(sources).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void everyMatchedFieldIsNamed() {
        IndicatorIndex index = IndicatorIndex.of(List.of(ind("198.51.100.7", "a"), ind("evil.com", "a")));
        SecurityEvent e = SecurityEvent.builder().timestamp(T)
                .source(new SecurityEvent.Endpoint("198.51.100.7", null, null, null, null, null, null))
                .dns(new SecurityEvent.Dns(null, null, null, "x.evil.com", null, null, null, null, null,
                        List.of("192.0.2.1", "198.51.100.7")))
                .tls(new SecurityEvent.Tls(null, null, null, null, "evil.com", null, null, null))
                .url(new SecurityEvent.Url(null, null, null, "cdn.evil.com", null, null, null)).build();
        assertThat(values(index, e)).containsExactlyInAnyOrder("source.ip=198.51.100.7",
                "dns.question.name=evil.com", "dns.resolved_ip=198.51.100.7", "tls.client.server_name=evil.com",
                "url.domain=evil.com");
    }
}
