package org.fenghuo.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

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
        "ftp://|not an absolute URL"})
    void rejectsWithAReason(String raw, String reason) {
        IndicatorValues.Checked c = IndicatorValues.detect(raw);
        assertThat(c.ok()).isFalse();
        assertThat(c.error()).contains(reason);
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
