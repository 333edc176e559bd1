package org.fenghuo.detection.anomaly.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.syslog.SyslogFileReader;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import org.fenghuo.collectors.syslog.payload.PayloadRules;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/** ufw log lines through the collectors' syslog reader and netfilter parser, then the scan rules. */
class NetfilterScanTest {
    @Test
    void blockedSynsToManyPortsAreAVerticalScanAndAllowedTrafficIsNot() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        new SyslogFileReader(SyslogInputConfig.file(), sink, new SimpleMeterRegistry(),
                Clock.fixed(Instant.parse("2026-11-24T04:00:00Z"), ZoneOffset.UTC), PayloadRules.defaults())
                .read(Path.of(getClass().getResource("/anomaly/scan/ufw-scan.log").toURI()));
        List<SecurityEvent> events = sink.events();
        assertThat(events).hasSize(34).allSatisfy(e -> assertThat(e.event().dataset()).isEqualTo("syslog.netfilter"));

        List<Alert> alerts = DetectorRunner.run(PortScanDetector.vertical(PortScanConfig.defaults()), events);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-24T03:11:19Z")); // the 20th port
        assertThat(alerts.get(0).entities().sourceIps()).containsExactly("198.51.100.23");
        assertThat(alerts.get(0).message()).contains("probed 20 ports of 10.0.0.5", "21, 22, 23");
        assertThat(DetectorRunner.run(PortScanDetector.horizontal(PortScanConfig.defaults()), events)).isEmpty();
        // the same lines with the scanner's address ignored (the site's own scanner): quiet
        PortScanConfig own = PortScanConfig.fromYaml("ignore_sources: [198.51.100.0/24]", "t").orThrow();
        assertThat(DetectorRunner.run(PortScanDetector.vertical(own), events)).isEmpty();
    }
}
