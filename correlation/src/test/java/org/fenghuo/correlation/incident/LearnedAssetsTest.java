package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fenghuo.collectors.pcap.flow.EndReason;
import org.fenghuo.collectors.pcap.flow.FlowEventMapper;
import org.fenghuo.collectors.pcap.flow.FlowRecord;
import org.fenghuo.collectors.pcap.flow.TcpState;
import org.fenghuo.events.Asset;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class LearnedAssetsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    /** A flow as the pcap collector writes it: category network, source = initiator, destination = responder. */
    static SecurityEvent flow(Instant t, String client, String server, int port, long answeredBytes) {
        return SecurityEvent.builder().timestamp(t)
                .event(new SecurityEvent.EventInfo("flow-" + client + "-" + server + "-" + port + "-" + t.toEpochMilli(),
                        "event", List.of("network"), List.of("connection", "end"), null, null, "pcap", "pcap.flow",
                        null, null, null, null, null, t, t, 0L))
                .source(new SecurityEvent.Endpoint(client, 49152, null, null, null, 300L, 3L))
                .destination(new SecurityEvent.Endpoint(server, port, null, null, null, answeredBytes,
                        answeredBytes > 0 ? 2L : 0L))
                .network(new SecurityEvent.Network("tcp", "ipv4", null, null, null, null, "6", 300 + answeredBytes, 5L, null))
                .build();
    }

    /** An industrial-protocol event (fenghuo.ics.*), e.g. a decoded Modbus write. */
    static SecurityEvent icsEvent(Instant t, String client, String server, String protocol) {
        return SecurityEvent.builder().timestamp(t)
                .event(new SecurityEvent.EventInfo("ics-" + t.toEpochMilli(), "event", List.of("network"),
                        List.of("protocol"), "write", null, "pcap", "pcap." + protocol, null, null, null, null, null,
                        null, null, null))
                .source(new SecurityEvent.Endpoint(client, 50000, null, null, null, null, null))
                .destination(new SecurityEvent.Endpoint(server, 9999, null, null, null, null, null))
                .fenghuo(new SecurityEvent.FenghuoFields(null, null,
                        new SecurityEvent.Ics(protocol, "1", 6, "write_single_register", true, null, 40001L, 1L)))
                .build();
    }

    private static LearnedAssets learned() {
        return new LearnedAssets(LearnedAssetSettings.defaults(), AssetInventory.empty());
    }

    @Test
    void aProtocolThatIsNotAShortNameIsNotLearnedButTheRestOfTheObservationIs() {
        LearnedAssets l = learned();
        l.observe(icsEvent(T0, "10.5.0.20", "10.5.0.10", "p".repeat(70_000)));
        l.observe(icsEvent(T0, "10.5.0.20", "10.5.0.11", "Modbus; DROP"));
        l.observe(icsEvent(T0, "10.5.0.20", "10.5.0.12", "iec104"));

        // the servers are learned (they answered), without the bogus protocols (port 9999 names none)
        assertThat(l.byIp("10.5.0.10").tags()).containsExactly("learned");
        assertThat(l.byIp("10.5.0.11").tags()).containsExactly("learned");
        assertThat(l.byIp("10.5.0.12").tags()).containsExactly("learned", "ics", "iec104");
        assertThat(l.snapshot().hosts()).allSatisfy(h -> assertThat(h.learned().icsProtocols().keySet())
                .allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(32)));
    }

    @Test
    void hostServingIcsProtocolsIsOtCriticalityFourAndItsClientAnEngineeringHost() {
        LearnedAssets l = learned();
        l.observe(flow(T0, "10.5.0.20", "10.5.0.10", 502, 120));
        l.observe(flow(T0.plusSeconds(1), "10.5.0.20", "10.5.0.11", 20000, 80));

        Asset plc = l.byIp("10.5.0.10");
        assertThat(plc).isEqualTo(new Asset("learned:10.5.0.10", "10.5.0.10", List.of("10.5.0.10"), null, 4, "ot",
                null, false, List.of("learned", "ics", "modbus")));
        assertThat(l.byIp("10.5.0.11").tags()).containsExactly("learned", "ics", "dnp3");
        Asset workstation = l.byIp("10.5.0.20");
        assertThat(workstation.criticality()).isEqualTo(3);
        assertThat(workstation.zone()).isEqualTo("ot");
        assertThat(workstation.tags()).containsExactly("learned", "engineering");
        assertThat(l.counters().flowsObserved()).isEqualTo(2);
    }

    @Test
    void icsEventNamesTheServerWhateverThePort() {
        LearnedAssets l = learned();
        l.observe(icsEvent(T0, "10.5.0.20", "10.5.0.30", "S7comm"));

        assertThat(l.byIp("10.5.0.30").tags()).containsExactly("learned", "ics", "s7comm");
        assertThat(l.byIp("10.5.0.30").criticality()).isEqualTo(4);
    }

    @Test
    void remoteAdminServerIsTaggedAdminAndManyClientsMakeAServer() {
        LearnedAssets l = new LearnedAssets(new LearnedAssetSettings(true, 1000, 3, Duration.ofDays(7)), null);
        l.observe(flow(T0, "10.1.0.5", "10.1.0.9", 3389, 5000));
        assertThat(l.byIp("10.1.0.9").tags()).containsExactly("learned", "admin");
        assertThat(l.byIp("10.1.0.9").criticality()).isEqualTo(2);
        assertThat(l.byIp("10.1.0.5")).as("an RDP client learns nothing").isNull();

        l.observe(flow(T0.plusSeconds(1), "10.1.0.6", "10.1.0.9", 3389, 5000));
        l.observe(flow(T0.plusSeconds(2), "10.1.0.6", "10.1.0.9", 3389, 5000)); // same client again
        assertThat(l.byIp("10.1.0.9").criticality()).isEqualTo(2);
        l.observe(flow(T0.plusSeconds(3), "10.1.0.7", "10.1.0.9", 22, 5000));
        assertThat(l.byIp("10.1.0.9").criticality()).isEqualTo(3);
        assertThat(l.byIp("10.1.0.9").tags()).containsExactly("learned", "admin", "server");
    }

    @Test
    void unansweredFlowsAndOtherEventsTeachNothing() {
        LearnedAssets l = learned();
        l.observe(flow(T0, "10.9.9.10", "10.5.0.40", 502, 0)); // a scan: SYN, no answer
        l.observe(SecurityEvent.builder().timestamp(T0).message("syslog line").build());

        assertThat(l.byIp("10.5.0.40")).isNull();
        assertThat(l.size()).isZero();
        assertThat(l.counters().eventsIgnored()).isEqualTo(2);
        assertThat(l.counters().flowsObserved()).isZero();
    }

    @Test
    void inventoryWinsAndItsAddressesAreNotLearned() {
        AssetInventory inventory = AssetInventory.of(List.of(new Asset("plc-7", "PLC 7", List.of("10.5.0.10"), null, 5,
                "ot", "水务", true, List.of())));
        LearnedAssets l = new LearnedAssets(LearnedAssetSettings.defaults(), inventory);
        l.observe(flow(T0, "10.5.0.20", "10.5.0.10", 502, 120));

        assertThat(l.byIp("10.5.0.10")).isNull();
        assertThat(l.counters().inventoryCovered()).isEqualTo(1);
        AssetLookup lookup = AssetLookup.combined(inventory, l);
        assertThat(lookup.byIp("10.5.0.10").id()).isEqualTo("plc-7");
        assertThat(lookup.byIp("10.5.0.20").id()).isEqualTo("learned:10.5.0.20");
        assertThat(lookup.byIp("10.99.0.1")).isNull();
    }

    @Test
    void inventoryWinsEvenWhenItSaysLessThanTraffic() {
        // declared as an ordinary office host (criticality 1), yet it serves Modbus: the inventory is the truth
        AssetInventory inventory = AssetInventory.of(List.of(new Asset("office", "office", List.of("10.7.0.0/24"), null, 1,
                "office", null, false, List.of())));
        LearnedAssets l = new LearnedAssets(LearnedAssetSettings.defaults(), inventory);
        l.observe(flow(T0, "10.8.0.2", "10.7.0.3", 502, 64));

        assertThat(AssetLookup.combined(inventory, l).byIp("10.7.0.3").criticality()).isEqualTo(1);
    }

    @Test
    void boundedByMaxHostsEvictingTheLeastRecentlyObserved() {
        LearnedAssets l = new LearnedAssets(new LearnedAssetSettings(true, 3, 20, Duration.ofDays(7)), null);
        for (int i = 1; i <= 5; i++) {
            l.observe(flow(T0.plusSeconds(i), "10.2.0.1", "10.3.0." + i, 443, 10));
            if (i == 3) {
                l.observe(flow(T0.plusSeconds(i), "10.2.0.1", "10.3.0.1", 443, 10)); // refreshes .1
            }
        }

        assertThat(l.size()).isEqualTo(3);
        assertThat(l.counters().evictions()).isEqualTo(2);
        assertThat(l.byIp("10.3.0.2")).isNull();
        assertThat(l.byIp("10.3.0.3")).isNull();
        assertThat(l.byIp("10.3.0.1")).isNotNull();
        assertThat(l.byIp("10.3.0.5")).isNotNull();
    }

    @Test
    void forgottenAfterTheConfiguredEventTimeWithoutObservation() {
        LearnedAssets l = new LearnedAssets(new LearnedAssetSettings(true, 100, 20, Duration.ofHours(1)), null);
        l.observe(flow(T0, "10.2.0.1", "10.3.0.1", 443, 10));
        l.observe(flow(T0.plusSeconds(600), "10.2.0.1", "10.3.0.2", 443, 10));

        l.advanceWatermark(T0.plus(Duration.ofHours(1))); // exactly one hour: still kept
        assertThat(l.size()).isEqualTo(2);
        l.advanceWatermark(T0.plus(Duration.ofHours(1)).plusMillis(1));
        assertThat(l.byIp("10.3.0.1")).isNull();
        assertThat(l.byIp("10.3.0.2")).isNotNull();
        assertThat(l.counters().expired()).isEqualTo(1);
    }

    @Test
    void snapshotRestoresTheSameKnowledgeAndOrder() {
        LearnedAssets l = new LearnedAssets(new LearnedAssetSettings(true, 3, 3, Duration.ofDays(1)), null);
        l.observe(flow(T0, "10.5.0.20", "10.5.0.10", 502, 120));
        l.observe(flow(T0.plusSeconds(1), "10.1.0.5", "10.1.0.9", 22, 100));
        l.observe(flow(T0.plusSeconds(2), "10.1.0.6", "10.1.0.9", 22, 100));
        l.advanceWatermark(T0.plusSeconds(2));
        LearnedAssetsState state = l.snapshot();

        LearnedAssets restored = new LearnedAssets(new LearnedAssetSettings(true, 3, 3, Duration.ofDays(1)), null);
        restored.restore(state);

        assertThat(restored.snapshot()).isEqualTo(state);
        assertThat(restored.byIp("10.1.0.9")).isEqualTo(l.byIp("10.1.0.9"));
        // the same next observation evicts the same host in both
        l.observe(flow(T0.plusSeconds(3), "10.1.0.7", "10.4.0.1", 80, 10));
        restored.observe(flow(T0.plusSeconds(3), "10.1.0.7", "10.4.0.1", 80, 10));
        assertThat(restored.snapshot()).isEqualTo(l.snapshot());
        assertThat(restored.counters().evictions()).isEqualTo(1);
        assertThat(restored.byIp("10.5.0.10")).as("the oldest, evicted").isNull();
    }

    @Test
    void learnsFromFlowEventsAsThePcapCollectorWritesThem() {
        FlowEventMapper mapper = new FlowEventMapper("test");
        long start = T0.toEpochMilli() * 1_000_000L;
        FlowRecord answered = new FlowRecord("f1", 0, -1, 4, 6, "10.5.0.20", 50123, "10.5.0.10", 502,
                new FlowRecord.Direction(6, 420, start, start + 9_000, 0x1b),
                new FlowRecord.Direction(5, 380, start + 1_000, start + 8_000, 0x1b),
                start, start + 9_000, TcpState.CLOSED, EndReason.TCP_END, null, null);
        FlowRecord synOnly = new FlowRecord("f2", 0, -1, 4, 6, "10.9.9.10", 40000, "10.5.0.11", 502,
                new FlowRecord.Direction(1, 60, start, start, 0x02), new FlowRecord.Direction(0, 0, 0, 0, 0),
                start, start, TcpState.SYN_SENT, EndReason.IDLE_TIMEOUT, null, null);
        LearnedAssets l = learned();

        l.observe(mapper.toEvent(answered));
        l.observe(mapper.toEvent(synOnly));

        assertThat(l.byIp("10.5.0.10").tags()).containsExactly("learned", "ics", "modbus");
        assertThat(l.byIp("10.5.0.20").tags()).containsExactly("learned", "engineering");
        assertThat(l.byIp("10.5.0.11")).isNull();
        assertThat(l.counters()).isEqualTo(new LearnedAssetsCounters(1, 1, 0, 0, 0));
    }

    @Test
    void everyFactKeepsItsEarliestTimeWhateverTheArrivalOrder() {
        // a PLC, its engineering host, and a server whose third client makes it a server (many_clients 3)
        List<SecurityEvent> traffic = new java.util.ArrayList<>();
        traffic.add(flow(T0.plusSeconds(40), "10.5.0.20", "10.5.0.10", 502, 120));
        traffic.add(flow(T0.plusSeconds(10), "10.5.0.20", "10.5.0.10", 502, 120));
        traffic.add(icsEvent(T0.plusSeconds(30), "10.5.0.21", "10.5.0.10", "dnp3"));
        for (int c = 1; c <= 6; c++) {
            traffic.add(flow(T0.plusSeconds(100L * c), "10.1.0." + c, "10.1.0.9", 22, 500));
            traffic.add(flow(T0.plusSeconds(1000L + c), "10.1.0." + c, "10.1.0.9", 22, 500)); // again, later
        }
        List<SecurityEvent> inTimeOrder = new java.util.ArrayList<>(traffic);
        inTimeOrder.sort(java.util.Comparator.comparing(SecurityEvent::timestamp));
        LearnedAssets reference = new LearnedAssets(new LearnedAssetSettings(true, 1000, 3, Duration.ofDays(7)), null);
        inTimeOrder.forEach(reference::observe);

        LearnedAsset server = reference.learned("10.1.0.9");
        assertThat(server.serverSince()).as("the third client's first contact").isEqualTo(T0.plusSeconds(300));
        assertThat(server.adminPorts()).containsEntry(22, T0.plusSeconds(100));
        assertThat(reference.learned("10.5.0.10").icsProtocols())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of("dnp3", T0.plusSeconds(30),
                        "modbus", T0.plusSeconds(10))));
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 20; round++) {
            java.util.Collections.shuffle(traffic, random);
            LearnedAssets shuffled = new LearnedAssets(new LearnedAssetSettings(true, 1000, 3, Duration.ofDays(7)), null);
            traffic.forEach(shuffled::observe);
            for (String ip : List.of("10.1.0.9", "10.5.0.10", "10.5.0.20", "10.5.0.21")) {
                assertThat(shuffled.learned(ip)).as("%s in order %s", ip, round).isEqualTo(reference.learned(ip));
            }
        }
    }

    @Test
    void theAssetAsOfAMomentHasOnlyTheFactsThatHeldThen() {
        LearnedAssets l = new LearnedAssets(new LearnedAssetSettings(true, 1000, 3, Duration.ofDays(7)), null);
        l.observe(flow(T0, "10.1.0.1", "10.1.0.9", 443, 500));
        l.observe(flow(T0.plusSeconds(60), "10.1.0.2", "10.1.0.9", 443, 500));
        l.observe(flow(T0.plusSeconds(120), "10.1.0.3", "10.1.0.9", 502, 500));
        LearnedAsset learned = l.learned("10.1.0.9");

        assertThat(learned.at(T0.minusMillis(1))).as("before it was ever seen").isNull();
        assertThat(learned.at(T0).criticality()).isEqualTo(2);
        assertThat(learned.at(T0.plusSeconds(119)).tags()).containsExactly("learned");
        assertThat(learned.at(T0.plusSeconds(120)).tags()).containsExactly("learned", "ics", "modbus", "server");
        assertThat(learned.at(T0.plusSeconds(120)).criticality()).isEqualTo(4);
        assertThat(l.byIp("10.1.0.9")).isEqualTo(learned.at(T0.plusSeconds(120)));
    }

    @Test
    void onlyTheCitysOwnNetworksAreLearned() {
        LearnedAssets defaults = learned();
        defaults.observe(flow(T0, "10.1.0.1", "198.51.100.7", 443, 500)); // a web site on the internet
        defaults.observe(flow(T0, "198.51.100.7", "10.1.0.1", 502, 500)); // from outside to a PLC: the PLC is ours
        assertThat(defaults.byIp("198.51.100.7")).isNull();
        assertThat(defaults.byIp("10.1.0.1").criticality()).isEqualTo(4);

        LearnedAssets own = new LearnedAssets(new LearnedAssetSettings(true, 1000, 20, Duration.ofDays(7),
                List.of("198.51.100.0/24")), null);
        own.observe(flow(T0, "10.1.0.1", "198.51.100.7", 443, 500));
        own.observe(flow(T0, "10.1.0.2", "10.1.0.3", 443, 500));
        assertThat(own.byIp("198.51.100.7")).isNotNull();
        assertThat(own.byIp("10.1.0.3")).isNull();
    }

    @Test
    void everyChangeIsQueuedOnceAndForgettingIsAChangeToo() {
        LearnedAssets l = new LearnedAssets(new LearnedAssetSettings(true, 2, 20, Duration.ofHours(1)), null);
        l.observe(flow(T0, "10.1.0.1", "10.1.0.9", 443, 500));
        assertThat(l.drainUpdates()).extracting(LearnedAssetUpdate::ip).containsExactly("10.1.0.9");
        l.observe(flow(T0.plusSeconds(5), "10.1.0.1", "10.1.0.9", 443, 500));
        assertThat(l.drainUpdates()).as("nothing new").isEmpty();
        l.observe(flow(T0.plusSeconds(6), "10.1.0.1", "10.1.0.9", 22, 500));
        assertThat(l.drainUpdates()).singleElement().satisfies(u ->
                assertThat(u.learned().adminPorts()).containsEntry(22, T0.plusSeconds(6)));

        l.observe(flow(T0.plusSeconds(7), "10.1.0.1", "10.1.0.10", 443, 500));
        LearnedAsset nine = l.learned("10.1.0.9");
        l.observe(flow(T0.plusSeconds(8), "10.1.0.1", "10.1.0.11", 443, 500)); // a third host: max_hosts 2
        assertThat(l.drainUpdates()).containsExactly(
                new LearnedAssetUpdate("10.1.0.10", l.learned("10.1.0.10")),
                new LearnedAssetUpdate("10.1.0.11", l.learned("10.1.0.11")),
                LearnedAssetUpdate.forgotten(nine, T0.plusSeconds(8))); // evicted by the observation at +8 s
        LearnedAsset ten = l.learned("10.1.0.10");
        LearnedAsset eleven = l.learned("10.1.0.11");
        l.advanceWatermark(T0.plus(Duration.ofHours(1)).plusSeconds(9));
        assertThat(l.drainUpdates()).as("each counts until an hour after its last observation").containsExactly(
                LearnedAssetUpdate.forgotten(ten, T0.plus(Duration.ofHours(1)).plusSeconds(7)),
                LearnedAssetUpdate.forgotten(eleven, T0.plus(Duration.ofHours(1)).plusSeconds(8)));
    }

    @Test
    void aRefusedConnectionTeachesNothingButAHalfOpenScanOfAnOpenPortDoes() {
        FlowEventMapper mapper = new FlowEventMapper("test");
        long start = T0.toEpochMilli() * 1_000_000L;
        // closed port: SYN, then RST-ACK back (1 packet, 40 bytes)
        FlowRecord refused = new FlowRecord("f3", 0, -1, 4, 6, "10.9.9.10", 40000, "10.5.0.11", 502,
                new FlowRecord.Direction(1, 60, start, start, 0x02), new FlowRecord.Direction(1, 40, start + 1_000,
                start + 1_000, 0x14), start, start + 1_000, TcpState.CLOSED, EndReason.TCP_END, null, null);
        // open port, nmap -sS: SYN, SYN-ACK back, then the scanner's RST
        FlowRecord halfOpen = new FlowRecord("f4", 0, -1, 4, 6, "10.9.9.10", 40001, "10.5.0.12", 502,
                new FlowRecord.Direction(2, 100, start, start + 2_000, 0x06), new FlowRecord.Direction(1, 44, start + 1_000,
                start + 1_000, 0x12), start, start + 2_000, TcpState.CLOSED, EndReason.TCP_END, null, null);
        LearnedAssets l = learned();

        l.observe(mapper.toEvent(refused));
        l.observe(mapper.toEvent(halfOpen));

        assertThat(l.byIp("10.5.0.11")).as("a closed port is no PLC").isNull();
        assertThat(l.byIp("10.5.0.12").tags()).containsExactly("learned", "ics", "modbus");
        assertThat(l.counters().eventsIgnored()).isEqualTo(1);
    }

    @Test
    void aRestoreUnderOtherSettingsForgetsWhatTheyNoLongerAllowAndSaysSo() {
        LearnedAssets before = new LearnedAssets(new LearnedAssetSettings(true, 100, 3, Duration.ofDays(7)), null);
        for (int i = 1; i <= 5; i++) {
            before.observe(flow(T0.plusSeconds(i), "10.1.0." + i, "10.2.0." + i, 443, 500));
        }
        for (int c = 1; c <= 4; c++) {
            before.observe(flow(T0.plusSeconds(10L * c), "10.1.1." + c, "10.2.0.1", 443, 500));
        }
        before.advanceWatermark(T0.plusSeconds(60));
        LearnedAssetsState state = before.snapshot();
        assertThat(before.learned("10.2.0.1").serverSince()).isEqualTo(T0.plusSeconds(20));

        LearnedAssets fewer = new LearnedAssets(new LearnedAssetSettings(true, 2, 3, Duration.ofDays(7)), null);
        fewer.restore(state);
        assertThat(fewer.size()).isEqualTo(2);
        assertThat(fewer.drainUpdates()).hasSize(3).allSatisfy(u -> assertThat(u.learned().until())
                .isEqualTo(T0.plusSeconds(60)));

        LearnedAssets off = new LearnedAssets(new LearnedAssetSettings(false, 100, 3, Duration.ofDays(7)), null);
        off.restore(state);
        assertThat(off.size()).isZero();
        assertThat(off.drainUpdates()).hasSize(5).allMatch(LearnedAssetUpdate::isForgotten);

        LearnedAssets moreClients = new LearnedAssets(new LearnedAssetSettings(true, 100, 4, Duration.ofDays(7)), null);
        moreClients.restore(state);
        // only three clients were kept: the server fact is withdrawn until a fourth shows up again
        assertThat(moreClients.drainUpdates()).singleElement().satisfies(u -> {
            assertThat(u.ip()).isEqualTo("10.2.0.1");
            assertThat(u.learned().serverSince()).isNull();
        });

        LearnedAssets same = new LearnedAssets(new LearnedAssetSettings(true, 100, 3, Duration.ofDays(7)), null);
        same.restore(state);
        assertThat(same.drainUpdates()).as("nothing changed, nothing to say").isEmpty();
    }
}
