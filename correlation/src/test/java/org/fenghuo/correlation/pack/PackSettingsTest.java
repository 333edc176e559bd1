package org.fenghuo.correlation.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackSettingsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        PackSettings d = PackSettings.defaults();
        assertThat(d.lateralMinHosts()).isEqualTo(5);
        assertThat(d.lateralWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.engineeringHosts()).isEmpty();
        assertThat(d.criticalAssets()).isEmpty();
        assertThat(d.remoteSessionPorts()).containsExactly(22, 23, 3389, 5900, 5985, 5986);
        assertThat(d.internal().contains("172.16.10.22")).isTrue();
        assertThat(d.internal().contains("203.0.113.66")).isFalse();
    }

    @Test
    void everyBadValueIsReportedWithItsKey() {
        assertThatThrownBy(() -> new PackSettings(Duration.ZERO, Duration.ofDays(8), Duration.ofMinutes(1),
                Duration.ofHours(1), null, 1, List.of("eng-ws"), List.of("10.20.0.0/33"), List.of(), List.of(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pack.intrusion_window = PT0S: expected a duration from 1s to 7d")
                .hasMessageContaining("pack.c2_window = PT192H")
                .hasMessageContaining("pack.lateral_window = null")
                .hasMessageContaining("pack.lateral_min_hosts = 1: expected 2 to 10000")
                .hasMessageContaining("pack.engineering_hosts: 'eng-ws': expected an IP address or CIDR block")
                .hasMessageContaining("pack.critical_assets: '10.20.0.0/33'")
                .hasMessageContaining("pack.remote_session_ports: 0: expected a TCP port 1-65535")
                .message().doesNotContain("pack.ics_window").doesNotContain("pack.exfiltration_window");
    }

    @Test
    void noRemoteSessionPortIsAnError() {
        assertThatThrownBy(() -> new PackSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1), 5, null, null, null, List.of()))
                .hasMessageContaining("pack.remote_session_ports = []");
    }
}
