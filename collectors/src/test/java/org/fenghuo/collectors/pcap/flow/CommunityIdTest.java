package org.fenghuo.collectors.pcap.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Known answers: the Community ID spec's baseline (corelight/community-id-spec baseline/
 * baseline_deflt.json, seed 0) and Zeek's {@code bifs.community_id.v1} test (seeds 0 and 1).
 */
class CommunityIdTest {

    @ParameterizedTest(name = "{0} {1}:{3} -> {2}:{4} seed {5}")
    @CsvSource({
        // spec baseline, seed 0: TCP/UDP/SCTP both directions
        "6, 2001:470:e5bf:dead:4957:2174:e82c:4887, 2607:f8b0:400c:c03::1a, 63943, 25, 0, 1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=",
        "6, 2607:f8b0:400c:c03::1a, 2001:470:e5bf:dead:4957:2174:e82c:4887, 25, 63943, 0, 1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=",
        "132, 192.168.170.8, 192.168.170.56, 7, 7, 0, 1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=",
        "132, 192.168.170.56, 192.168.170.8, 7, 7, 0, 1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=",
        "6, 128.232.110.120, 66.35.250.204, 34855, 80, 0, 1:LQU9qZlK+B5F3KDmev6m5PMibrg=",
        "6, 66.35.250.204, 128.232.110.120, 80, 34855, 0, 1:LQU9qZlK+B5F3KDmev6m5PMibrg=",
        "17, 192.168.1.52, 8.8.8.8, 54585, 53, 0, 1:d/FP5EW3wiY1vCndhwleRRKHowQ=",
        "17, 8.8.8.8, 192.168.1.52, 53, 54585, 0, 1:d/FP5EW3wiY1vCndhwleRRKHowQ=",
        // spec baseline: RSVP (46) has no ports
        "46, 10.1.12.1, 10.1.12.2, 0, 0, 0, 1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=",
        "46, 10.1.12.2, 10.1.12.1, 0, 0, 0, 1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=",
        // Zeek bifs.community_id.v1
        "6, 1.2.3.4, 5.6.7.8, 1122, 3344, 0, 1:wCb3OG7yAFWelaUydu0D+125CLM=",
        "17, 1.2.3.4, 5.6.7.8, 1122, 3344, 0, 1:0Mu9InQx6z4ZiCZM/7HXi2WMhOg=",
        "6, 1.2.3.4, 5.6.7.8, 1122, 3344, 1, 1:HhA1B+6CoLbiKPEs5nhNYN4XWfk=",
        "17, 1.2.3.4, 5.6.7.8, 1122, 3344, 1, 1:OShq+iKDAMVouh/4bMxB9Sz4amw=",
        "10, 1.2.3.4, 5.6.7.8, 0, 0, 0, 1:7bYuQ7nyGBIQn7uDcQ5WraAnhWI=",
        "10, fe80:1:203:405:607:809:a0b:c0d, fe80:1011:1213:1415:1617:1819:1a1b:1c1d, 0, 0, 1, 1:rcMO2BlHXpMNFXyyWqSDUQCBRBc=",
    })
    void portsAndPortless(int proto, String src, String dst, int sport, int dport, int seed, String expected) {
        byte[] a = TestPacket.addresses(src, dst);
        int len = a.length / 2;
        assertThat(CommunityId.of(proto, a, 0, a, len, len, sport, dport, seed)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} type {3} code {4} seed {5}")
    @CsvSource({
        // spec baseline, seed 0
        "58, fe80::200:86ff:fe05:80da, fe80::260:97ff:fe07:69ea, 135, 0, 0, 1:dGHyGvjMfljg6Bppwm3bg0LO8TY=",
        "58, fe80::260:97ff:fe07:69ea, fe80::200:86ff:fe05:80da, 136, 0, 0, 1:dGHyGvjMfljg6Bppwm3bg0LO8TY=",
        "58, fe80::260:97ff:fe07:69ea, fe80::200:86ff:fe05:80da, 135, 0, 0, 1:zavyT/cezQr1fmImYCwYnMXbgck=",
        "58, fe80::200:86ff:fe05:80da, fe80::260:97ff:fe07:69ea, 136, 0, 0, 1:zavyT/cezQr1fmImYCwYnMXbgck=",
        "58, 3ffe:501:1800:2345::2, 3ffe:507:0:1:200:86ff:fe05:80da, 3, 0, 0, 1:2ObVBgIn28oZvibYZhZMBgh7WdQ=",
        "58, 3ffe:501:410:0:2c0:dfff:fe47:33e, 3ffe:507:0:1:200:86ff:fe05:80da, 1, 4, 0, 1:hLZd0XGWojozrvxqE0dWB1iM6R0=",
        "58, 3ffe:507:0:1:200:86ff:fe05:80da, 3ffe:501:0:1001::2, 128, 0, 0, 1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=",
        "58, 3ffe:501:0:1001::2, 3ffe:507:0:1:200:86ff:fe05:80da, 129, 0, 0, 1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=",
        "58, fe80::200:86ff:fe05:80da, ff02::2, 133, 0, 0, 1:hO+sN4H+MG5MY/8hIrXPqc4ZQz0=",
        "58, fe80::260:97ff:fe07:69ea, ff02::1, 134, 0, 0, 1:pkvHqCL88/tg1k4cPigmZXUtL00=",
        "1, 192.168.0.89, 192.168.0.1, 8, 0, 0, 1:X0snYXpgwiv9TZtqg64sgzUn6Dk=",
        "1, 192.168.0.1, 192.168.0.89, 0, 0, 0, 1:X0snYXpgwiv9TZtqg64sgzUn6Dk=",
        "1, 10.0.0.1, 10.0.0.2, 11, 0, 0, 1:YHxtAirCG//0OzkcVAukqKQN9xM=",
        // Zeek bifs.community_id.v1
        "1, 1.2.3.4, 5.6.7.8, 8, 0, 0, 1:crodRHL2FEsHjbv3UkRrfbs4bZ0=",
        "1, 1.2.3.4, 5.6.7.8, 8, 0, 1, 1:9pr4ZGTICiuZoIh90RRYE2RyXpU=",
        // one-way types keep the sender first even when its address is the larger one
        "58, 3ffe:507:0:1:200:86ff:fe05:80da, 3ffe:501:4819::42, 1, 4, 0, 1:jwuBy9UWZK1KUFqJV5cHdVpfrlY=",
        "58, 3ffe:507:0:1:260:97ff:fe07:69ea, 3ffe:507:0:1:200:86ff:fe05:80da, 3, 0, 0, 1:NdobDX8PQNJbAyfkWxhtL2Pqp5w=",
    })
    void icmp(int proto, String src, String dst, int type, int code, int seed, String expected) {
        byte[] a = TestPacket.addresses(src, dst);
        int len = a.length / 2;
        assertThat(CommunityId.icmp(proto, a, 0, a, len, len, type, code, seed)).isEqualTo(expected);
        assertThat(CommunityId.of(TestPacket.icmp(0, proto, src, dst, type, code, 98), seed)).isEqualTo(expected);
    }

    @Test
    void zeekHashesIcmpOverIpv6AddressesAsIcmpv6() {
        // Zeek's v1 test passes proto=1 with IPv6 addresses; its answer is the ICMPv6 one
        byte[] a = TestPacket.addresses("fe80:1:203:405:607:809:a0b:c0d", "fe80:1011:1213:1415:1617:1819:1a1b:1c1d");
        assertThat(CommunityId.icmp(58, a, 0, a, 16, 16, 128, 0, 0)).isEqualTo("1:0bf7hyMJUwt3fMED7z8LIfRpBeo=");
        assertThat(CommunityId.icmp(58, a, 0, a, 16, 16, 128, 0, 1)).isEqualTo("1:IO27GQzPuCtNnwFvjWALMHu5tJE=");
    }

    @Test
    void undefinedInputsGiveNull() {
        byte[] a = TestPacket.addresses("1.2.3.4", "5.6.7.8");
        assertThat(CommunityId.of(65535, a, 0, a, 4, 4, 0, 0, 0)).isNull();
        assertThat(CommunityId.of(6, a, 0, a, 4, 5, 1, 2, 0)).isNull();
        assertThat(CommunityId.of(6, a, 0, a, 4, 4, 70000, 2, 0)).isNull();
    }

    @Test
    void portsAreIgnoredForPortlessProtocols() {
        byte[] a = TestPacket.addresses("1.2.3.4", "5.6.7.8");
        assertThat(CommunityId.of(10, a, 0, a, 4, 4, 1, 2, 0)).isEqualTo(CommunityId.of(10, a, 0, a, 4, 4, 0, 0, 0));
    }
}
