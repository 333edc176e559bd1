package org.fenghuo.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One million indicators: every kind of lookup answers right (speed is measured in bench/). */
class IndicatorIndexScaleTest {
    private static final int N = 1_000_000;
    private static final long ANY = IndicatorIndex.ANY_TIME;
    private static IndicatorIndex index;

    @BeforeAll
    static void build() {
        index = IndicatorIndex.of(SyntheticIndicators.generate(N, "synthetic"));
    }

    @Test
    void sizesByType() {
        assertThat(index.size()).isEqualTo(N);
        assertThat(index.count(IndicatorType.IPV4)).isEqualTo(500_000);
        assertThat(index.count(IndicatorType.CIDR)).isEqualTo(100_000);
        assertThat(index.count(IndicatorType.DOMAIN)).isEqualTo(300_000);
        assertThat(index.count(IndicatorType.SHA256)).isEqualTo(100_000);
    }

    @Test
    void everyListedAddressIsFoundAndUnlistedOnesAreNot() {
        for (int i = 0; i < SyntheticIndicators.ipv4Count(N); i++) {
            String ip = SyntheticIndicators.ipv4(i);
            int slot = index.ipv4(IpAddresses.parseIpv4(ip), ANY);
            assertThat(slot).as(ip).isNotNegative();
            assertThat(index.indicator(slot).value()).isEqualTo(ip);
        }
        for (int i = 0; i < 100_000; i++) {
            long miss = 0xC8000000L | ((i * 7919L) & 0xFFFFFF);
            assertThat(index.ipv4(miss, ANY)).isEqualTo(-1);
            assertThat(index.cidr4(miss, ANY)).isEqualTo(-1);
        }
    }

    @Test
    void networksAnswerLongestPrefixThenTheSupernet() {
        for (int j = 0; j < 65_536; j++) {
            long address = IpAddresses.parseIpv4(SyntheticIndicators.inCidr(j));
            int slot = index.cidr4(address, ANY);
            assertThat(index.indicator(slot).value()).isEqualTo(SyntheticIndicators.cidr(j));
            int shorter = index.cidr4(address, index.prefixLength(slot) - 1, ANY);
            assertThat(index.indicator(shorter).value()).isEqualTo(SyntheticIndicators.supernet(j / 16));
        }
    }

    @Test
    void domainsWithParentsAndHashes() {
        for (int k = 0; k < SyntheticIndicators.domainCount(N); k += 7) {
            String d = SyntheticIndicators.domain(k);
            assertThat(index.indicator(index.domain("www." + d.toUpperCase(), ANY)).value()).isEqualTo(d);
            assertThat(index.domain("x" + d, ANY)).isEqualTo(-1);
            assertThat(index.domain("d" + k + ".miss.invalid", ANY)).isEqualTo(-1);
        }
        for (int h = 0; h < SyntheticIndicators.hashCount(N); h += 3) {
            String sha = SyntheticIndicators.sha256(h);
            assertThat(index.indicator(index.hash(IndicatorType.SHA256, sha, ANY)).value()).isEqualTo(sha);
        }
        assertThat(index.hash(IndicatorType.SHA256, "0".repeat(64), ANY)).isEqualTo(-1);
        assertThat(index.count(IndicatorType.URL)).isZero();
    }
}
