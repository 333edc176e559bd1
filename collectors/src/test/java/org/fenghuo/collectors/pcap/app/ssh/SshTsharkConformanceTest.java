package org.fenghuo.collectors.pcap.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.collectors.pcap.app.TsharkTsv;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * Compares, per capture, the SSH identification lines we read with tshark's {@code ssh.protocol}
 * (collectors/conformance/tshark-fields.sh ssh ssh.protocol ssh.protocol, files under
 * conformance/tshark/ssh), as multisets of lines.
 */
class SshTsharkConformanceTest {
    /** Captures where tshark and we differ by a decoder limit, with the reason. */
    static final Map<String, String> EXPECTED_DIFFERENCES = Map.of("suricata-verify/vxlan-decoder-03/vxlan.pcap",
            "SSH inside VXLAN (UDP 4789): the packet decoder does not decode VXLAN, so the inner flows never reach"
                    + " the application layer");

    @Test
    void bannersAgreeWithTshark() throws IOException, URISyntaxException {
        List<TsharkTsv.Case> cases = TsharkTsv.cases("ssh");
        int agreeing = 0;
        List<String> failures = new ArrayList<>();
        for (TsharkTsv.Case recorded : cases) {
            Path tsv = recorded.tsv();
            Path capture = recorded.capture();
            String rel = recorded.name();
            Map<String, Integer> theirs = new TreeMap<>();
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String banner = line.substring(line.indexOf('\t') + 1);
                if (!banner.isEmpty()) {
                    theirs.merge(banner, 1, Integer::sum);
                }
            }
            Map<String, Integer> ours = decode(capture);
            if (theirs.equals(ours)) {
                agreeing++;
            } else if (!EXPECTED_DIFFERENCES.containsKey(rel)) {
                failures.add(rel + ": tshark " + theirs + ", ours " + ours);
            }
        }
        System.out.printf("ssh vs tshark: %d/%d captures identical (%d excluded with a reason)%n", agreeing,
                cases.size(), EXPECTED_DIFFERENCES.size());
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    private static Map<String, Integer> decode(Path capture) throws IOException {
        Map<String, Integer> banners = new TreeMap<>();
        for (SecurityEvent e : TestCapture.decodeFile(capture, AppProtocols.of(new SshProtocol())).events()) {
            if ("pcap.ssh".equals(e.event().dataset())) {
                Map<?, ?> ssh = (Map<?, ?>) ((Map<?, ?>) e.extra().get("fenghuo")).get("ssh");
                for (String side : List.of("client", "server")) {
                    if (ssh.get(side) instanceof Map<?, ?> m && m.get("banner") != null) {
                        banners.merge((String) m.get("banner"), 1, Integer::sum);
                    }
                }
            }
        }
        return banners;
    }
}
