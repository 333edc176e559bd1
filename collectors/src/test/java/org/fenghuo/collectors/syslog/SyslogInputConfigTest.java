package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyslogInputConfigTest {

    @Test
    void defaultsServeTheAllInOneMode() {
        SyslogInputConfig udp = SyslogInputConfig.udp();
        assertThat(udp.name()).isEqualTo("syslog-udp");
        assertThat(udp.host()).isEqualTo("127.0.0.1");
        assertThat(udp.port()).isEqualTo(5514);
        assertThat(udp.maxFrameBytes()).isEqualTo(65536);
        assertThat(udp.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(SyslogInputConfig.tcp().name()).isEqualTo("syslog-tcp");
        assertThat(SyslogInputConfig.file().name()).isEqualTo("syslog-file");
    }

    @Test
    void reportsEveryProblemAtOnceNamingTheKeys() {
        assertThatThrownBy(() -> new SyslogInputConfig(" ", "", 70000, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name: ' '")
                .hasMessageContaining("host: ''")
                .hasMessageContaining("port: 70000 must be in 0..65535")
                .hasMessageContaining("maxFrameBytes: 0 must be in 1..16777216")
                .hasMessageContaining("maxConnections: 0 must be at least 1")
                .hasMessageContaining("timeZone: null");
    }

    @Test
    void connectionTimeoutsHaveDefaultsAndMustBePositive() {
        assertThat(SyslogInputConfig.tcp().idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(SyslogInputConfig.tcp().frameTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(SyslogInputConfig.tls().name()).isEqualTo("syslog-tls");
        assertThat(SyslogInputConfig.tls().port()).isEqualTo(6514);
        assertThatThrownBy(() -> SyslogInputConfig.tcp().withTimeouts(Duration.ZERO, null))
                .hasMessageContaining("idleTimeout: PT0S must be a positive duration")
                .hasMessageContaining("frameTimeout: null must be a positive duration");
    }

    @Test
    void rejectsANegativePort() {
        assertThatThrownBy(() -> SyslogInputConfig.udp().withAddress("127.0.0.1", -1))
                .hasMessageContaining("port: -1");
    }

    @Test
    void rejectsAFrameLimitAboveTheBound() {
        assertThatThrownBy(() -> SyslogInputConfig.udp().withMaxFrameBytes(SyslogInputConfig.LIMIT_MAX_FRAME_BYTES + 1))
                .hasMessageContaining("maxFrameBytes: 16777217");
    }
}
