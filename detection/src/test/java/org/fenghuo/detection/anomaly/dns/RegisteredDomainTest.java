package org.fenghuo.detection.anomaly.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegisteredDomainTest {
    @Test
    void lastTwoLabelsOrThreeUnderASecondLevelPublicSuffix() {
        assertThat(RegisteredDomain.of("a.b.example.com")).isEqualTo("example.com");
        assertThat(RegisteredDomain.of("WWW.Example.COM.")).isEqualTo("example.com");
        assertThat(RegisteredDomain.of("x.y.beijing.gov.cn")).isEqualTo("beijing.gov.cn");
        assertThat(RegisteredDomain.of("news.sina.com.cn")).isEqualTo("sina.com.cn");
        assertThat(RegisteredDomain.of("www.city.gd.cn")).isEqualTo("city.gd.cn");
        assertThat(RegisteredDomain.of("www.bbc.co.uk")).isEqualTo("bbc.co.uk");
        assertThat(RegisteredDomain.of("example.com")).isEqualTo("example.com");
        assertThat(RegisteredDomain.of("com.cn")).isNull();
        assertThat(RegisteredDomain.of("localhost")).isNull();
        assertThat(RegisteredDomain.of("4.3.2.1.in-addr.arpa")).isNull();
        assertThat(RegisteredDomain.of("")).isNull();
        assertThat(RegisteredDomain.subdomain("a.b.example.com", "example.com")).isEqualTo("a.b");
        assertThat(RegisteredDomain.subdomain("example.com", "example.com")).isEmpty();
    }

    @Test
    void shannonEntropyInBitsPerCharacterIgnoringDots() {
        assertThat(RegisteredDomain.entropy("")).isZero();
        assertThat(RegisteredDomain.entropy("aaaa")).isZero();
        assertThat(RegisteredDomain.entropy("a.b")).isCloseTo(1.0, within(1e-12));
        assertThat(RegisteredDomain.entropy("abcd")).isCloseTo(2.0, within(1e-12));
        assertThat(RegisteredDomain.entropy("abcdefghijklmnopqrstuvwxyz234567")).isCloseTo(5.0, within(1e-12));
    }
}
