package org.fenghuo.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorValuesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.0.2.1|IPV4|192.0.2.1",
        "2001:DB8:0:0:0:0:0:1|IPV6|2001:db8::1",
        "::ffff:192.0.2.1|IPV4|192.0.2.1",
        "2001:db8:0:0:1:0:0:1|IPV6|2001:db8::1:0:0:1",
        "10.1.2.3/8|CIDR|10.0.0.0/8",
        "10.1.2.3/32|IPV4|10.1.2.3",
        "2001:db8::ff/120|CIDR|2001:db8::/120",
        "::ffff:192.168.0.0/112|CIDR|192.168.0.0/16",
        "::FFFF:192.168.7.9/120|CIDR|192.168.7.0/24",
        "::ffff:192.0.2.7/128|IPV4|192.0.2.7",
        "::ffff:c000:0/100|CIDR|192.0.0.0/4",
        "1.2.3.4/1|CIDR|0.0.0.0/1",
        "Evil.Example.|DOMAIN|evil.example",
        "HTTPS://User@Host.Example:443|URL|https://User@host.example/",
        "http://h.example:8080/a#x|URL|http://h.example:8080/a",
        "http://h.example?q=1|URL|http://h.example/?q=1",
        "D41D8CD98F00B204E9800998ECF8427E|MD5|d41d8cd98f00b204e9800998ecf8427e",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709|SHA1|da39a3ee5e6b4b0d3255bfef95601890afd80709",
    })
    void detectsAndNormalises(String raw, IndicatorType type, String value) {
        IndicatorValues.Checked c = IndicatorValues.detect(raw);
        assertThat(c.error()).isNull();
        assertThat(c.type()).isEqualTo(type);
        assertThat(c.value()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "256.1.1.1|not a domain", "01.2.3.4|not a domain", "10.0.0.0/33|prefix length must be 0-32",
        "2001:db8::/129|prefix length must be 0-128", "1:2:3:4:5:6:7:8:9|not an IPv4 or IPv6",
        "domain bad.example|character ' '", "word|not an IP address", "a..b|empty or over-long label",
        "ftp://|not an absolute URL", "0.0.0.0/0|a /0 network matches every address",
        "10.1.2.3/00|a /0 network matches every address", "::/0|a /0 network matches every address",
        "::ffff:0.0.0.0/96|a /0 network matches every address"})
    void rejectsWithAReason(String raw, String reason) {
        IndicatorValues.Checked c = IndicatorValues.detect(raw);
        assertThat(c.ok()).isFalse();
        assertThat(c.error()).contains(reason);
    }

    @Test
    void ipv4MappedNetworksAndAddressesMatchIpv4Events() {
        // events carry IPv4 addresses as IPv4, so a mapped indicator must land in the IPv4 tables
        LoadResult r = IndicatorListLoader.load(new StringReader("::ffff:192.168.0.0/112\n::ffff:203.0.113.9/128\n"),
                "mapped.txt", "mapped");
        IndicatorIndex index = IndicatorIndex.of(List.of(r));
        long any = IndicatorIndex.ANY_TIME;
        assertThat(index.cidr4(IpAddresses.parseIpv4("192.168.1.1"), any)).isNotEqualTo(-1);
        assertThat(index.cidr4(IpAddresses.parseIpv4("192.169.1.1"), any)).isEqualTo(-1);
        assertThat(index.ipv4(IpAddresses.parseIpv4("203.0.113.9"), any)).isNotEqualTo(-1);
        // a mapped network shorter than /96 covers more than IPv4-mapped space: it stays IPv6
        assertThat(IndicatorValues.detect("::ffff:0:0/80").value()).isEqualTo("::/80");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[ipv4-addr:value = '1.2.3.4' OR domain-name:value = 'x.example']|2|",
        "([url:value = 'http://a/'] OR [file:hashes.'SHA-256' = 'ab'])|2|",
        "[ipv4-addr:value IN ('1.2.3.4', '5.6.7.8')]|2|",
        "[ipv4-addr:value ISSUBSET '10.0.0.0/8']|1|",
        "[file:name = 'it\\'s']|1|",
        "[a:b = 'x'] FOLLOWEDBY [c:d = 'y']|0|FOLLOWEDBY between observations",
        "[a:b = 'x'] WITHIN 5 SECONDS|0|qualifier WITHIN",
        "[a:b LIKE 'x%']|0|operator LIKE",
        "[a:b != 'x']|0|operator !=",
        "[a:b = 5]|0|non-string literal",
        "[NOT a:b = 'x']|0|NOT",
        "[a:b = 'x'|0|pattern syntax",
        "ipv4-addr:value = 'x'|0|pattern syntax"})
    void stixPatternSubset(String pattern, int comparisons, String error) {
        StixPattern.Result r = StixPattern.parse(pattern);
        assertThat(r.comparisons()).hasSize(comparisons);
        if (error == null) {
            assertThat(r.ok()).isTrue();
        } else {
            assertThat(r.error()).contains(error);
            assertThat(r.unsupported()).isEqualTo(!error.startsWith("pattern syntax"));
        }
    }
}
