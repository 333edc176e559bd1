package org.fenghuo.collectors.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.fenghuo.testdata.SharedData;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * Every field both know, per datagram, equals what tshark decodes of the same datagrams
 * ({@code collectors/conformance/netflow-tshark.sh} recorded it; tshark decodes each group as one
 * capture, templates first). Values are compared as multisets per datagram, so record order and
 * records without the field do not matter; a field is compared when tshark shows it in that datagram.
 */
class NetflowTsharkConformanceTest {
    private static final DateTimeFormatter TSHARK_TIME =
            DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss.SSSSSSSSS", Locale.US);

    /**
     * tshark fields (values pooled) -> the same values in one of our events: the ECS field, and the
     * {@code fenghuo.netflow.*} names the value goes to when ECS cannot hold it (the IPv4 address of a
     * dual-stack record with an IPv6 flow, the "ports" of ICMP, RFC 5103 reverse elements, which
     * tshark reports under the forward field's name).
     */
    private static final Map<List<String>, Function<SecurityEvent, List<Object>>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put(List.of("cflow.srcaddr"), e -> values(v4(e.source()), netflow(e, "sourceIPv4Address")));
        FIELDS.put(List.of("cflow.dstaddr"), e -> values(v4(e.destination()), netflow(e, "destinationIPv4Address")));
        FIELDS.put(List.of("cflow.srcaddrv6"), e -> values(v6(e.source()), netflow(e, "sourceIPv6Address")));
        FIELDS.put(List.of("cflow.dstaddrv6"), e -> values(v6(e.destination()), netflow(e, "destinationIPv6Address")));
        FIELDS.put(List.of("cflow.srcport"), e -> values(e.source() == null ? null : e.source().port(),
                netflow(e, "sourceTransportPort"), netflow(e, "tcpSourcePort"), netflow(e, "udpSourcePort")));
        FIELDS.put(List.of("cflow.dstport"), e -> values(e.destination() == null ? null : e.destination().port(),
                netflow(e, "destinationTransportPort"), netflow(e, "tcpDestinationPort"),
                netflow(e, "udpDestinationPort")));
        FIELDS.put(List.of("cflow.protocol"), e -> values(e.network() == null ? null : e.network().ianaNumber()));
        FIELDS.put(List.of("cflow.octets", "cflow.initiator_octets"),
                e -> values(e.source() == null ? null : e.source().bytes()));
        FIELDS.put(List.of("cflow.packets", "cflow.initiator_packets"),
                e -> values(e.source() == null ? null : e.source().packets()));
        FIELDS.put(List.of("cflow.responder_octets"), e -> values(e.destination() == null ? null : e.destination().bytes()));
        FIELDS.put(List.of("cflow.responder_packets"),
                e -> values(e.destination() == null ? null : e.destination().packets()));
        FIELDS.put(List.of("cflow.inputint"), e -> values(extra(e, "observer", "ingress", "interface", "id")));
        FIELDS.put(List.of("cflow.outputint"), e -> values(extra(e, "observer", "egress", "interface", "id")));
        FIELDS.put(List.of("cflow.direction"), e -> values(e.network() == null || e.network().direction() == null
                ? null : "ingress".equals(e.network().direction()) ? 0 : 1));
        FIELDS.put(List.of("cflow.tcpflags"), e -> values(netflow(e, "tcpControlBits"), netflow(e, "reverseTcpControlBits")));
        FIELDS.put(List.of("cflow.tos"), e -> values(netflow(e, "ipClassOfService"), netflow(e, "reverseIpClassOfService")));
        FIELDS.put(List.of("cflow.srcas"), e -> values(netflow(e, "bgpSourceAsNumber")));
        FIELDS.put(List.of("cflow.dstas"), e -> values(netflow(e, "bgpDestinationAsNumber")));
        FIELDS.put(List.of("cflow.srcmask"), e -> values(netflow(e, "sourceIPv4PrefixLength")));
        FIELDS.put(List.of("cflow.dstmask"), e -> values(netflow(e, "destinationIPv4PrefixLength")));
        FIELDS.put(List.of("cflow.nexthop"), e -> values(netflow(e, "ipNextHopIPv4Address")));
        FIELDS.put(List.of("cflow.abstimestart"), e -> values(e.event().start()));
        FIELDS.put(List.of("cflow.abstimeend"), e -> values(e.event().end()));
    }

    /** Header fields: tshark shows them once per datagram, we on every event; compared as distinct values. */
    private static final Map<String, Function<SecurityEvent, List<Object>>> HEADER = new LinkedHashMap<>();

    static {
        HEADER.put("cflow.version", e -> values(netflow(e, "version")));
        HEADER.put("cflow.source_id", e -> values(netflow(e, "source_id")));
        HEADER.put("cflow.od_id", e -> values(netflow(e, "observation_domain_id")));
        HEADER.put("cflow.sampling_interval", e -> values(netflow(e, "sampling_interval")));
    }

    /** Agreement per tshark field over all datagrams: datagrams compared, agreed, values compared. */
    private final Map<String, int[]> agreement = new TreeMap<>();

    @Test
    void everyFieldBothKnowAgreesWithTshark() throws IOException {
        Path dat = SharedData.require(NetflowGroups.DATA);
        List<String> disagreements = new ArrayList<>();
        int datagrams = 0;
        for (NetflowGroups.Group group : NetflowGroups.groups()) {
            List<Map<String, String>> expected = tsv(group.name());
            NetflowGroups.Decoded decoded = NetflowGroups.decode(dat, group, NetflowConfig.defaults());
            assertThat(expected).as(group.name()).hasSize(decoded.datagrams().size());
            for (int i = 0; i < expected.size(); i++) {
                datagrams++;
                compare(expected.get(i), decoded.datagrams().get(i), disagreements);
                compareHeader(expected.get(i), decoded.datagrams().get(i), disagreements);
            }
        }
        StringBuilder report = new StringBuilder("tshark agreement over " + datagrams
                + " datagrams (field=datagrams compared/agreed, values):");
        agreement.forEach((k, v) -> report.append(' ').append(k).append('=').append(v[0]).append('/').append(v[1])
                .append(',').append(v[2]));
        System.out.println(report);
        assertThat(datagrams).isEqualTo(92);
        assertThat(disagreements).as(report.toString()).isEmpty();
        assertThat(agreement.values().stream().mapToInt(v -> v[1]).sum()).isGreaterThan(150);
    }

    private void compare(Map<String, String> tshark, NetflowGroups.Datagram ours, List<String> disagreements) {
        for (Map.Entry<List<String>, Function<SecurityEvent, List<Object>>> field : FIELDS.entrySet()) {
            List<String> want = new ArrayList<>();
            for (String name : field.getKey()) {
                for (String v : split(tshark.get(name))) {
                    String value = normalise(name, v);
                    // tshark shows a flowStart/EndSysUpTime of 0 as the absolute time 0 (1970); it is no time
                    if (!(name.startsWith("cflow.abstime") && value.equals("1970-01-01T00:00:00Z"))) {
                        want.add(value);
                    }
                }
            }
            if (want.isEmpty()) {
                continue; // tshark does not know it here
            }
            List<String> got = new ArrayList<>();
            for (SecurityEvent e : ours.events()) {
                for (Object v : field.getValue().apply(e)) {
                    got.add(v.toString());
                }
            }
            want.sort(null);
            got.sort(null);
            int[] counts = agreement.computeIfAbsent(field.getKey().get(0), k -> new int[3]);
            counts[0]++;
            counts[2] += want.size();
            // where tshark gave up on a datagram (an exception in its dissector) it saw only the first records
            boolean tsharkStopped = !tshark.getOrDefault("_ws.malformed", "").isEmpty();
            if (want.equals(got) || tsharkStopped && containsAll(got, want)) {
                counts[1]++;
            } else {
                disagreements.add(ours.file() + " " + field.getKey() + ": tshark " + want + " ours " + got);
            }
        }
    }

    private void compareHeader(Map<String, String> tshark, NetflowGroups.Datagram ours, List<String> disagreements) {
        if (ours.events().isEmpty()) {
            return; // nothing of ours carries the header (a template-only datagram)
        }
        for (Map.Entry<String, Function<SecurityEvent, List<Object>>> field : HEADER.entrySet()) {
            java.util.Set<String> want = new java.util.TreeSet<>(split(tshark.get(field.getKey())));
            if (want.isEmpty()) {
                continue;
            }
            java.util.Set<String> got = new java.util.TreeSet<>();
            ours.events().forEach(e -> field.getValue().apply(e).forEach(v -> got.add(v.toString())));
            int[] counts = agreement.computeIfAbsent(field.getKey(), k -> new int[3]);
            counts[0]++;
            counts[2] += want.size();
            if (want.equals(got)) {
                counts[1]++;
            } else {
                disagreements.add(ours.file() + " " + field.getKey() + ": tshark " + want + " ours " + got);
            }
        }
    }

    private static boolean containsAll(List<String> got, List<String> want) {
        List<String> left = new ArrayList<>(got);
        for (String w : want) {
            if (!left.remove(w)) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String field, String v) {
        if (field.startsWith("cflow.abstime")) {
            String t = v.replaceAll(" +", " ").replace(" UTC", "");
            return LocalDateTime.parse(t, TSHARK_TIME).toInstant(ZoneOffset.UTC).toString();
        }
        if (v.startsWith("0x")) {
            return Long.toString(Long.parseLong(v.substring(2), 16));
        }
        return v;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
    }

    private static List<Map<String, String>> tsv(String group) throws IOException {
        try (InputStream in = NetflowTsharkConformanceTest.class.getResourceAsStream("/conformance/netflow/" + group + ".tsv")) {
            assertThat(in).as("recorded tshark output for " + group + " (collectors/conformance/netflow-tshark.sh)").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String[] header = lines[0].split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.length && c < cells.length; c++) {
                    row.put(header[c], cells[c]);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static Object v4(SecurityEvent.Endpoint endpoint) {
        String ip = endpoint == null ? null : endpoint.ip();
        return ip != null && ip.indexOf(':') < 0 ? ip : null;
    }

    private static Object v6(SecurityEvent.Endpoint endpoint) {
        String ip = endpoint == null ? null : endpoint.ip();
        return ip != null && ip.indexOf(':') >= 0 ? ip : null;
    }

    /** The non-null values; a list value (an element repeated in one record) counts each element. */
    private static List<Object> values(Object... candidates) {
        List<Object> out = new ArrayList<>(2);
        for (Object c : candidates) {
            if (c instanceof List<?> list) {
                out.addAll(list);
            } else if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    static Object netflow(SecurityEvent e, String name) {
        return extra(e, "fenghuo", "netflow", name);
    }

    @SuppressWarnings("unchecked")
    static Object extra(SecurityEvent e, String... path) {
        Object node = e.extra();
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node instanceof Instant ? node.toString() : node;
    }
}
