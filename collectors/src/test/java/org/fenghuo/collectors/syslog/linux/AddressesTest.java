package org.fenghuo.collectors.syslog.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "203.0.113.5", "255.255.255.255", "::", "::1", "2001:db8::17",
        "2001:0db8:0000:0000:0000:0000:0000:0001", "fe80::1%eth0", "::ffff:192.0.2.1", "1:2:3:4:5:6:7::"})
    void addresses(String text) {
        assertThat(Addresses.isIp(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.4 ", "host.example.net",
        "220-135-151-1.hinet-ip.hinet.net", ":", "1:2:3:4:5:6:7:8:9", "2001:db8::1::2", "12345::1", "g::1",
        "::ffff:300.1.1.1", "-"})
    void notAddresses(String text) {
        assertThat(Addresses.isIp(text)).isFalse();
    }

    @Test
    void aNameGoesToDomainAnAddressToIpBothToAddress() {
        EcsFields f = new EcsFields();
        Addresses.putHost(f, "source", "scanner.example.net");
        Addresses.putHost(f, "destination", "192.0.2.1");

        assertThat(f.asMap()).containsEntry("source.domain", "scanner.example.net").doesNotContainKey("source.ip")
                .containsEntry("source.address", "scanner.example.net")
                .containsEntry("destination.ip", "192.0.2.1").containsEntry("destination.address", "192.0.2.1");
    }

    @Test
    void portsAboveTheRangeAreRefused() {
        EcsFields f = new EcsFields();
        assertThat(Addresses.putPort(f, "source", "65535")).isTrue();
        assertThat(Addresses.putPort(f, "destination", "65536")).isFalse();
        assertThat(Addresses.putPort(f, "destination", "-1")).isFalse();
        assertThat(f.asMap()).containsEntry("source.port", 65535L).doesNotContainKey("destination.port");
    }
}
