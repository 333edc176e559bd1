package org.fenghuo.detection.anomaly.ics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fenghuo.collectors.pcap.PcapFileDecoder;
import org.fenghuo.collectors.pcap.app.StandardProtocols;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.detection.anomaly.scan.PortScanConfig;
import org.fenghuo.detection.anomaly.scan.PortScanDetector;
import org.fenghuo.detection.anomaly.support.AddressSet;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The ICS captures of {@code shared/data/captures/ics} through the collectors' pcap decoder with
 * every protocol analyzer, then the ICS command detector (skipped when the data is absent).
 */
class RealIcsCapturesTest {

    private record Capture(Path file, List<SecurityEvent> events) {
    }

    private static List<Capture> captures() throws IOException {
        Path dir = SharedData.require("captures/ics/pcaps");
        List<Capture> out = new ArrayList<>();
        for (Path file : SharedData.files(dir, ".pcap", ".pcapng", ".cap")) {
            List<SecurityEvent> events = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                new PcapFileDecoder(FlowTableConfig.defaults(), StandardProtocols.all(), events::add, d -> { })
                        .decode(file, in);
            }
            out.add(new Capture(file, events));
        }
        return out;
    }

    @Test
    void realCommandsOfEveryProtocolAlertAndAreQuietOnceTheirSendersAreTheEngineeringWorkstations() throws IOException {
        List<Capture> captures = captures();
        IcsCommandDetector open = new IcsCommandDetector(IcsCommandConfig.defaults());
        Map<String, Integer> alertsByProtocol = new TreeMap<>();
        Map<String, SecurityEvent> byId = new HashMap<>();
        Set<String> senders = new TreeSet<>();
        int scanAlerts = 0;
        for (Capture c : captures) {
            c.events().forEach(e -> {
                if (e.event() != null && e.event().id() != null) {
                    byId.put(e.event().id(), e);
                }
            });
            for (Alert a : DetectorRunner.run(open, c.events())) {
                SecurityEvent evidence = byId.get(a.eventIds().get(0));
                assertThat(evidence).as(a.message()).isNotNull();
                SecurityEvent.Ics ics = evidence.fenghuo().ics();
                alertsByProtocol.merge(ics.protocol(), 1, Integer::sum);
                senders.add(evidence.source().ip());
                assertThat(a.message()).contains(evidence.source().ip(), ics.protocol());
            }
            scanAlerts += DetectorRunner.run(PortScanDetector.vertical(PortScanConfig.defaults()), c.events()).size()
                    + DetectorRunner.run(PortScanDetector.horizontal(PortScanConfig.defaults()), c.events()).size();
        }
        System.out.printf("ICS captures: %d files, command alerts by protocol %s from %d senders, scan alerts %d%n",
                captures.size(), alertsByProtocol, senders.size(), scanAlerts);
        assertThat(alertsByProtocol).containsKeys("modbus", "dnp3", "s7comm", "iec104");

        // the same traffic with its senders listed as engineering workstations: quiet
        IcsCommandConfig allowed = new IcsCommandConfig(IcsCommandConfig.defaults().window(),
                AddressSet.of(List.copyOf(senders)), IcsCommandConfig.defaults().protocols(), 1024);
        for (Capture c : captures) {
            assertThat(DetectorRunner.run(new IcsCommandDetector(allowed), c.events())).as(c.file().toString()).isEmpty();
        }
    }

    @Test
    void capturesWhoseDecoderSawNoStateChangingOperationAreQuietEvenWithoutAnAllowlist() throws IOException {
        int readOnly = 0;
        int icsEvents = 0;
        for (Capture c : captures()) {
            List<SecurityEvent.Ics> ics = c.events().stream().filter(e -> e.fenghuo() != null && e.fenghuo().ics() != null)
                    .map(e -> e.fenghuo().ics()).toList();
            if (!ics.isEmpty() && ics.stream().noneMatch(i -> Boolean.TRUE.equals(i.write()))) {
                assertThat(DetectorRunner.run(new IcsCommandDetector(IcsCommandConfig.defaults()), c.events()))
                        .as(c.file().toString()).isEmpty();
                readOnly++;
                icsEvents += ics.size();
            }
        }
        System.out.printf("ICS captures without a write: %d files, %d ICS events, no alert%n", readOnly, icsEvents);
        assertThat(readOnly).isGreaterThanOrEqualTo(10);
    }
}
