package org.fenghuo.collectors.pcap.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fenghuo.testdata.SharedData;
import org.fenghuo.collectors.pcap.PcapFileDecoder;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * Our flows against Suricata's eve {@code flow} records for the suricata-verify captures
 * (shared/data/captures/suricata-verify). The expectations are committed under
 * {@code src/test/resources/conformance/suricata/flows}, written by
 * {@code collectors/conformance/suricata-flows.sh} (Suricata version in {@code VERSION}).
 *
 * <p>Flows are matched by protocol, outer VLAN and the unordered pair of endpoints (address and
 * port); several flows on one tuple pair up in start order. Suricata's {@code src} is the client
 * as Suricata judged it (its to-server direction), ours the initiator, so counters are compared
 * per endpoint, not per label. A matched flow is exact when packets and bytes agree in both
 * directions. Every other difference must fall into one of the {@link Why} categories, each
 * checked by an explicit rule below, and the test fails on any difference none explains. See
 * {@code collectors/conformance/SURICATA-FLOWS.md}.
 */
class SuricataFlowConformanceTest {
    private static final Path EXPECTED = Path.of("src/test/resources/conformance/suricata/flows");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SURICATA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx");
    private static final int PPPOE_SESSION = 0x8864;
    /** UDP ports of the tunnels Suricata 7 decapsulates by default: Teredo, VXLAN, Geneve. */
    private static final Set<Integer> UDP_TUNNEL_PORTS = Set.of(3544, 4789, 6081);
    /** IP protocols that carry tunnels: IP-in-IP, IPv6-in-IP, GRE (and ERSPAN in GRE). */
    private static final Set<String> TUNNEL_PROTOCOLS = Set.of("4", "41", "47");
    /** IP protocols Suricata 7 makes flows for (besides tunnel carriers): ICMP, TCP, UDP, ESP, ICMPv6, SCTP. */
    private static final Set<String> SURICATA_FLOW_PROTOCOLS = Set.of("1", "6", "17", "50", "58", "132");

    /** The explained categories of difference. */
    enum Why {
        TUNNEL_INNER("tunnel (GRE/ERSPAN, VXLAN, Geneve, Teredo, IPv6-in-IP) decapsulated by Suricata but not by us:"
                + " the inner flows are Suricata's only (README: not decoded)"),
        TUNNEL_OUTER_NO_FLOW("Suricata makes no flow of the outer GRE, IPv6-in-IPv6 packets it decapsulates, nor of"
                + " IP-in-IP (not decoded by default in Suricata 7); we meter them as a flow of that IP protocol"),
        PROTOCOL_WITHOUT_FLOW("Suricata makes flows only for the protocols it decodes; IGMP gets none."
                + " We meter every IP protocol"),
        PPPOE("PPPoE session frames decoded by Suricata, not by us (README: not decoded)"),
        ICMP_ERROR_IN_QUOTED_FLOW("Suricata counts an ICMPv4 destination unreachable into the flow of the packet"
                + " it quotes; we make it an ICMP flow (as Zeek and Community ID do)"),
        ESP_BY_SPI("Suricata 7 keys ESP flows by SPI too; we by the address pair (Community ID has no SPI):"
                + " same packets and bytes in total"),
        MIDSTREAM_CLIENT("counts agree, the labels differ: on a TCP session picked up mid-stream Suricata names"
                + " the client after app-layer/port evidence (it swaps the flow), we name the first sender");

        final String text;

        Why(String text) {
            this.text = text;
        }
    }

    /** One flow as either tool saw it: endpoint a (client or initiator), b, counters a->b and b->a. */
    record F(String proto, String vlan, String a, String b, long pktsAb, long pktsBa, long bytesAb, long bytesBa,
             long startMicros, int icmpType, boolean midstream) {
        String key() {
            return proto + "|" + vlan + "|" + (a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a);
        }

        /** Counters oriented like {@code s}: {pkts s.a->s.b, pkts back, bytes s.a->s.b, bytes back}. */
        long[] orientedLike(F s) {
            return a.equals(s.a) ? new long[] {pktsAb, pktsBa, bytesAb, bytesBa}
                    : new long[] {pktsBa, pktsAb, bytesBa, bytesAb};
        }

        long[] counters() {
            return new long[] {pktsAb, pktsBa, bytesAb, bytesBa};
        }
    }

    record Difference(String caseName, Why why, String detail) {
    }

    private final List<Difference> explained = new ArrayList<>();
    private final List<String> unexplained = new ArrayList<>();
    private long theirFlows;
    private long ourFlows;
    private long matched;
    private long exact;
    private long packetsAgree;
    private long bytesAgree;

    @Test
    void flowsAgreeWithSuricataOrDifferForAnExplainedReason() throws IOException {
        Path captures = SharedData.require("captures/suricata-verify");
        List<Path> cases;
        try (Stream<Path> s = Files.list(EXPECTED)) {
            cases = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        System.out.println("Suricata: " + Files.readString(EXPECTED.resolve("VERSION")).strip());
        System.out.printf("%-42s %8s %5s %8s %6s  %s%n", "case", "suricata", "ours", "matched", "exact", "differences");
        int compared = 0;
        for (Path expected : cases) {
            String name = expected.getFileName().toString().replace(".jsonl", "");
            Path pcap = capture(captures.resolve(name));
            if (pcap == null) {
                continue;
            }
            List<F> theirs = new ArrayList<>();
            for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    theirs.add(suricata(JSON.readTree(line)));
                }
            }
            compare(name, theirs, pcap);
            compared++;
        }

        long union = theirFlows + ourFlows - matched;
        System.out.printf("%nTOTAL %d cases: Suricata %d flows, ours %d, matched %d, exact %d;"
                        + " packets agree in %d and bytes in %d of %d matched%n",
                compared, theirFlows, ourFlows, matched, exact, packetsAgree, bytesAgree, matched);
        System.out.printf("agreement: %.1f%% of Suricata's flows exact (%d/%d), %.1f%% of all flows (%d/%d),"
                        + " %.1f%% of matched flows%n", 100.0 * exact / theirFlows, exact, theirFlows,
                100.0 * exact / union, exact, union, 100.0 * exact / matched);
        Map<Why, Integer> byWhy = new EnumMap<>(Why.class);
        explained.forEach(d -> byWhy.merge(d.why(), 1, Integer::sum));
        byWhy.forEach((why, n) -> System.out.printf("  %3d x %s: %s%n", n, why, why.text));
        unexplained.forEach(u -> System.out.println("UNEXPLAINED " + u));

        assertThat(compared).as("cases compared").isPositive();
        assertThat(unexplained).as("differences from Suricata that no category explains").isEmpty();
    }

    private void compare(String name, List<F> theirs, Path pcap) throws IOException {
        List<SecurityEvent> events = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        PcapFileDecoder.Result result;
        try (InputStream in = Files.newInputStream(pcap)) {
            result = new PcapFileDecoder(FlowTableConfig.defaults(), events::add, dead::add).decode(pcap, in);
        }
        List<F> ours = ours(events);
        theirFlows += theirs.size();
        ourFlows += ours.size();
        boolean tunnelled = ours.stream().anyMatch(SuricataFlowConformanceTest::tunnelCarrier);
        boolean pppoe = result.decode().notIpByEthertype(PPPOE_SESSION) > 0;
        // ICMP errors Suricata moved into the flows they quote: what those flows must gain, in total
        long[] icmpErrors = new long[2];
        ours.stream().filter(f -> isIcmpV4(f) && f.icmpType() == 3).forEach(f -> {
            icmpErrors[0] += f.pktsAb() + f.pktsBa();
            icmpErrors[1] += f.bytesAb() + f.bytesBa();
        });
        long[] icmpExcess = new long[2];
        List<String> icmpExcessFlows = new ArrayList<>();

        Map<String, List<F>> t = group(theirs);
        Map<String, List<F>> o = group(ours);
        TreeMap<String, Boolean> keys = new TreeMap<>();
        t.keySet().forEach(k -> keys.put(k, true));
        o.keySet().forEach(k -> keys.put(k, true));
        int caseMatched = 0;
        int caseExact = 0;
        List<String> notes = new ArrayList<>();
        for (String k : keys.keySet()) {
            List<F> tl = t.getOrDefault(k, List.of());
            List<F> ol = o.getOrDefault(k, List.of());
            if (tl.size() == ol.size()) {
                for (int i = 0; i < tl.size(); i++) {
                    F s = tl.get(i);
                    F f = ol.get(i);
                    caseMatched++;
                    long[] c = f.orientedLike(s);
                    long[] sc = s.counters();
                    boolean packets = c[0] == sc[0] && c[1] == sc[1];
                    boolean bytes = c[2] == sc[2] && c[3] == sc[3];
                    packetsAgree += packets ? 1 : 0;
                    bytesAgree += bytes ? 1 : 0;
                    if (packets && bytes) {
                        caseExact++;
                        if (!f.a().equals(s.a())) {
                            if (f.proto().equals("6") && f.midstream()) {
                                explain(name, Why.MIDSTREAM_CLIENT, s.a() + " is Suricata's client, " + f.a() + " our initiator", notes);
                            } else {
                                unexplained.add(name + ": client/initiator differ: Suricata " + s + ", ours " + f);
                            }
                        }
                    } else if (!icmpErrorsPresent(icmpErrors) || c[0] > sc[0] || c[1] > sc[1]) {
                        unexplained.add(name + ": counts differ: Suricata " + s + ", ours " + f);
                    } else {
                        // Suricata has more, never less: checked against the ICMP errors below
                        icmpExcess[0] += sc[0] - c[0] + sc[1] - c[1];
                        icmpExcess[1] += sc[2] - c[2] + sc[3] - c[3];
                        icmpExcessFlows.add(s.a() + "->" + s.b());
                    }
                }
            } else if (!tl.isEmpty() && !ol.isEmpty()) {
                if (tl.get(0).proto().equals("50") && tl.size() > ol.size() && Sums.equal(tl, ol)) {
                    explain(name, Why.ESP_BY_SPI, tl.size() + " Suricata flows, " + ol.size() + " ours: " + k, notes);
                } else {
                    unexplained.add(name + ": " + tl.size() + " Suricata flows, " + ol.size() + " ours on " + k);
                }
            } else if (ol.isEmpty()) {
                for (F s : tl) {
                    if (tunnelled) {
                        explain(name, Why.TUNNEL_INNER, s.toString(), notes);
                    } else if (pppoe) {
                        explain(name, Why.PPPOE, s.toString(), notes);
                    } else {
                        unexplained.add(name + ": only Suricata has " + s);
                    }
                }
            } else {
                for (F f : ol) {
                    if (TUNNEL_PROTOCOLS.contains(f.proto())) {
                        explain(name, Why.TUNNEL_OUTER_NO_FLOW, f.toString(), notes);
                    } else if (!SURICATA_FLOW_PROTOCOLS.contains(f.proto())) {
                        explain(name, Why.PROTOCOL_WITHOUT_FLOW, f.toString(), notes);
                    } else if (isIcmpV4(f) && f.icmpType() == 3) {
                        explain(name, Why.ICMP_ERROR_IN_QUOTED_FLOW, f.toString(), notes);
                    } else {
                        unexplained.add(name + ": only we have " + f);
                    }
                }
            }
        }
        if (icmpExcess[0] != icmpErrors[0] || icmpExcess[1] != icmpErrors[1]) {
            unexplained.add(name + ": Suricata's flows " + icmpExcessFlows + " have " + icmpExcess[0] + " packets, "
                    + icmpExcess[1] + " bytes more than ours; our ICMP unreachable flows hold " + icmpErrors[0]
                    + " packets, " + icmpErrors[1] + " bytes");
        } else if (!icmpExcessFlows.isEmpty()) {
            explain(name, Why.ICMP_ERROR_IN_QUOTED_FLOW, icmpExcessFlows + " gain " + icmpExcess[0] + " packets", notes);
        }
        matched += caseMatched;
        exact += caseExact;
        System.out.printf("%-42s %8d %5d %8d %6d  %s%n", name, theirs.size(), ours.size(), caseMatched, caseExact,
                String.join(", ", notes));
    }

    private void explain(String name, Why why, String detail, List<String> notes) {
        explained.add(new Difference(name, why, detail));
        if (!notes.contains(why.name())) {
            notes.add(why.name());
        }
    }

    private static boolean icmpErrorsPresent(long[] icmpErrors) {
        return icmpErrors[0] > 0;
    }

    private static boolean isIcmpV4(F f) {
        return f.proto().equals("1");
    }

    private static boolean tunnelCarrier(F f) {
        if (TUNNEL_PROTOCOLS.contains(f.proto())) {
            return true;
        }
        return f.proto().equals("17") && (UDP_TUNNEL_PORTS.contains(port(f.a())) || UDP_TUNNEL_PORTS.contains(port(f.b())));
    }

    private static int port(String endpoint) {
        int slash = endpoint.lastIndexOf('/');
        return slash < 0 ? -1 : Integer.parseInt(endpoint.substring(slash + 1));
    }

    /** Sums of packets and bytes over a group, per endpoint-oriented direction. */
    private static final class Sums {
        static boolean equal(List<F> theirs, List<F> ours) {
            F ref = theirs.get(0);
            long[] a = new long[4];
            long[] b = new long[4];
            theirs.forEach(f -> add(a, f.orientedLike(ref)));
            ours.forEach(f -> add(b, f.orientedLike(ref)));
            return java.util.Arrays.equals(a, b);
        }

        private static void add(long[] sum, long[] c) {
            for (int i = 0; i < 4; i++) {
                sum[i] += c[i];
            }
        }
    }

    private static Path capture(Path dir) throws IOException {
        Path input = dir.resolve("input.pcap");
        if (Files.isRegularFile(input)) {
            return input;
        }
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".pcap")).sorted().findFirst().orElse(null);
        }
    }

    private static Map<String, List<F>> group(List<F> flows) {
        Map<String, List<F>> m = new TreeMap<>();
        flows.stream().sorted(Comparator.comparingLong(F::startMicros))
                .forEach(f -> m.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
        return m;
    }

    private static F suricata(JsonNode n) {
        String proto = protocolNumber(n.path("proto").asText());
        boolean ports = n.has("src_port");
        String a = ip(n.path("src_ip").asText()) + (ports ? "/" + n.path("src_port").asInt() : "");
        String b = ip(n.path("dest_ip").asText()) + (ports ? "/" + n.path("dest_port").asInt() : "");
        // the outermost tag: the one we report (inner QinQ tags are part of our key, not of our events)
        String vlan = n.has("vlan") ? n.path("vlan").get(0).asText() : "";
        OffsetDateTime start = OffsetDateTime.parse(n.path("start").asText(), SURICATA_TIME);
        long micros = start.toEpochSecond() * 1_000_000L + start.getNano() / 1000;
        return new F(proto, vlan, a, b, n.path("pkts_toserver").asLong(), n.path("pkts_toclient").asLong(),
                n.path("bytes_toserver").asLong(), n.path("bytes_toclient").asLong(), micros,
                n.path("icmp_type").asInt(-1), false);
    }

    private static List<F> ours(List<SecurityEvent> events) {
        List<F> out = new ArrayList<>();
        for (SecurityEvent e : events) {
            if (!"pcap.flow".equals(e.event().dataset())) {
                continue;
            }
            SecurityEvent.Endpoint s = e.source();
            SecurityEvent.Endpoint d = e.destination();
            String a = ip(s.ip()) + (s.port() != null ? "/" + s.port() : "");
            String b = ip(d.ip()) + (d.port() != null ? "/" + d.port() : "");
            long micros = e.event().start().getEpochSecond() * 1_000_000L + e.event().start().getNano() / 1000;
            Object icmpType = extra(e, "icmp_port_src");
            Object initiatorFlags = extra(e, "tcp_flags_ts");
            boolean midstream = initiatorFlags != null && (Integer.parseInt(initiatorFlags.toString(), 16) & 0x02) == 0;
            out.add(new F(e.network().ianaNumber(), e.network().vlanId() == null ? "" : e.network().vlanId(), a, b,
                    s.packets(), d.packets(), s.bytes(), d.bytes(), micros,
                    icmpType == null ? -1 : ((Number) icmpType).intValue(), midstream));
        }
        return out;
    }

    /** {@code fenghuo.flow.NAME} of a flow event, whether the extra tree is nested or dotted. */
    private static Object extra(SecurityEvent e, String name) {
        Map<String, Object> x = e.extra();
        if (x == null) {
            return null;
        }
        if (x.containsKey("fenghuo.flow." + name)) {
            return x.get("fenghuo.flow." + name);
        }
        Object v = x.get("fenghuo");
        v = v instanceof Map<?, ?> m ? m.get("flow") : null;
        return v instanceof Map<?, ?> m ? m.get(name) : null;
    }

    /** Suricata's eve {@code proto}: a name for the protocols it knows, else the number. */
    private static String protocolNumber(String name) {
        return switch (name.toUpperCase()) {
            case "ICMP" -> "1";
            case "IGMP" -> "2";
            case "IPIP", "IP-IN-IP", "IPV4" -> "4";
            case "TCP" -> "6";
            case "UDP" -> "17";
            case "IPV6" -> "41";
            case "GRE" -> "47";
            case "ESP" -> "50";
            case "AH" -> "51";
            case "IPV6-ICMP", "ICMPV6" -> "58";
            case "SCTP" -> "132";
            default -> name;
        };
    }

    /** One text per address: Suricata writes IPv6 in full, we in RFC 5952 form (parsing a literal does no lookup). */
    private static String ip(String text) {
        try {
            return InetAddress.getByName(text).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
