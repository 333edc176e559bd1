package org.fenghuo.collectors.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fenghuo.testdata.SharedData;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * All 92 datagrams of logstash-codec-netflow (v5, v9 and IPFIX from Cisco ASA/ASR/NBAR/WLC,
 * Fortigate, PAN-OS, Juniper, Huawei, H3C, nProbe, YAF, VMware, softflowd...) decode, templates
 * first: nothing is left waiting for a template except sets whose template none of them carries,
 * and only the two v5 files whose header count lies are dead-lettered (their 30 real records still
 * decode). {@code netflow9_test_invalid01}'s header count (2) is below its records; v9 sets are
 * walked by their lengths, so all of it decodes.
 */
class NetflowRealDataTest {
    /** Data sets whose template is in none of the datagrams (tshark cannot decode them either). */
    private static final Map<String, Integer> NEVER_SENT = Map.of(
            "ipfix_test_netscaler", 1, // set 280; the template datagram defines 256..262
            "netflow9_test_iptnetflow_reduced_size_encoding", 6); // sets 259; the datagram defines only 260

    @Test
    void allNinetyTwoDatagramsDecode() throws IOException {
        Path dat = SharedData.require(NetflowGroups.DATA);
        int datagrams = 0;
        long flows = 0;
        long options = 0;
        Map<String, String> deadLettered = new TreeMap<>();
        List<String> report = new ArrayList<>();
        for (NetflowGroups.Group group : NetflowGroups.groups()) {
            NetflowGroups.Decoded d = NetflowGroups.decode(dat, group, NetflowConfig.defaults());
            NetflowStats s = d.stats();
            datagrams += d.datagrams().size();
            flows += s.records();
            options += s.optionsRecords();
            report.add(group.name() + ": records=" + s.records() + " options=" + s.optionsRecords()
                    + " templates=" + s.templates() + " malformed=" + s.malformedByKind());
            assertThat((int) s.pending()).as(group.name() + ": data sets still waiting for a template")
                    .isEqualTo(NEVER_SENT.getOrDefault(group.name(), 0));
            for (NetflowGroups.Datagram datagram : d.datagrams()) {
                for (DeadLetter letter : datagram.deadLetters()) {
                    deadLettered.put(datagram.file(), letter.reason());
                }
                for (SecurityEvent e : datagram.events()) {
                    assertThat(e.event().id()).hasSizeGreaterThan(22);
                    assertThat(e.observer().ip()).containsExactly("127.0.0.2");
                }
            }
        }
        report.forEach(System.out::println);
        System.out.println("netflow real data: " + datagrams + " datagrams, " + flows + " flow records, " + options
                + " options records, dead-lettered " + deadLettered);
        assertThat(datagrams).isEqualTo(92);
        assertThat(deadLettered).containsOnlyKeys("netflow5_test_invalid01", "netflow5_test_invalid02");
        assertThat(deadLettered.values()).allSatisfy(reason -> assertThat(reason).startsWith("truncated_record: v5 header counts"));
        assertThat(flows).isEqualTo(504);
        assertThat(options).isEqualTo(42);
    }
}
