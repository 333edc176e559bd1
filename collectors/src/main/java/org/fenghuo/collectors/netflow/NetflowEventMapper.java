package org.fenghuo.collectors.netflow;

import java.time.Instant;
import java.util.List;
import org.fenghuo.collectors.pcap.flow.IpText;
import org.fenghuo.events.ExtraTree;
import org.fenghuo.events.SecurityEvent;

/**
 * Turns one decoded record into an ECS {@link SecurityEvent}. Flow records: {@code event.dataset:
 * netflow.flow}, source the flow's source, destination its destination, {@code observer.ip} the
 * exporter, counters as exported (sampling recorded in {@code fenghuo.netflow.sampling_interval},
 * not applied). Options records: {@code netflow.options}, {@code event.type: [info]}. Every field
 * without an ECS home goes under {@code fenghuo.netflow.<IANA name>}.
 */
final class NetflowEventMapper {
    private static final List<String> CATEGORY = List.of("network");
    private static final List<String> FLOW_TYPE = List.of("connection");
    private static final List<String> OPTIONS_TYPE = List.of("info");
    private static final String[] TRANSPORT = new String[256];
    private static final String[] IANA = new String[256];
    private final SecurityEvent.FenghuoFields fenghuo;
    private final InterfaceTrees interfaces = new InterfaceTrees();

    static {
        for (int i = 0; i < TRANSPORT.length; i++) {
            TRANSPORT[i] = Integer.toString(i);
            IANA[i] = TRANSPORT[i];
        }
        // ECS network.transport: the IANA keyword in lower case
        TRANSPORT[1] = "icmp";
        TRANSPORT[2] = "igmp";
        TRANSPORT[6] = "tcp";
        TRANSPORT[17] = "udp";
        TRANSPORT[47] = "gre";
        TRANSPORT[50] = "esp";
        TRANSPORT[51] = "ah";
        TRANSPORT[58] = "ipv6-icmp";
        TRANSPORT[132] = "sctp";
    }

    NetflowEventMapper(String input) {
        this.fenghuo = new SecurityEvent.FenghuoFields(input, null, null);
    }

    SecurityEvent toEvent(ExporterState exporter, ExportHeader h, Template t, FlowFields f, int set, int record,
            long sampling) {
        long start = startNanos(h, f);
        long end = endNanos(h, f);
        Instant startAt = start == FlowFields.ABSENT ? null : instant(start);
        Instant endAt = end == FlowFields.ABSENT ? null : instant(end);
        Instant at = endAt != null ? endAt : startAt != null ? startAt : instant(h.exportNanos());
        Long duration = start != FlowFields.ABSENT && end != FlowFields.ABSENT && end >= start ? end - start : null;
        String id = NetflowEventIds.recordId(h.datagramId(), set, record);
        SecurityEvent.EventInfo event = new SecurityEvent.EventInfo(id, "event", CATEGORY,
                t.options ? OPTIONS_TYPE : FLOW_TYPE, null, null, "netflow",
                t.options ? "netflow.options" : "netflow.flow", null, null, null, h.received(), null, startAt, endAt,
                duration);
        ExtraTree extra = ExtraTree.create();
        ExtraTree netflow = extra.child("fenghuo", 1).child("netflow", 16);
        netflow.put("version", h.version());
        netflow.put(h.version() == 10 ? "observation_domain_id" : h.version() == 9 ? "source_id" : "engine",
                exporter.key.domain());
        if (h.version() != 5) {
            netflow.put("template_id", t.id);
        }
        // an options record that carries a sampling interval reports its own, not the exporter's
        if (t.options && f.samplingInterval > 0) {
            netflow.put("sampling_interval", f.samplingInterval);
        } else if (sampling > 0) {
            netflow.put("sampling_interval", sampling);
        }
        Flow flow = t.options ? Flow.NONE : endpoints(f, netflow);
        others(netflow, t, f);
        if (f.inIf >= 0 || f.outIf >= 0) {
            extra.put("observer", interfaces.of(f.inIf, f.outIf));
        }
        // the constructor, not the builder: extra holds only names no component models
        // (fenghuo.netflow.*, observer.ingress/egress.*), so the builder's check would find nothing
        return new SecurityEvent(at, null, null, null, event, flow.source, flow.destination, flow.network,
                new SecurityEvent.Observer(null, exporter.observerIp, null, null, null, null), null, null, null, null,
                null, null, null, null, null, fenghuo, extra.build());
    }

    /** The flow part of an event; none for options records. */
    private record Flow(SecurityEvent.Endpoint source, SecurityEvent.Endpoint destination,
            SecurityEvent.Network network) {
        static final Flow NONE = new Flow(null, null, null);
    }

    private static Flow endpoints(FlowFields f, ExtraTree netflow) {
        byte[] buf = f.buf;
        String src = address(buf, f.srcIp4, f.srcIp6, "sourceIPv4Address", "sourceIPv6Address", netflow);
        String dst = address(buf, f.dstIp4, f.dstIp6, "destinationIPv4Address", "destinationIPv6Address", netflow);
        long srcBytes = first(f.octets, f.octetsTotal);
        long srcPackets = first(f.packets, f.packetsTotal);
        long dstBytes = first(f.reverseOctets, f.responderOctets);
        long dstPackets = first(f.reversePackets, f.responderPackets);
        // ICMP has no ports: exporters put type and code in the port fields, kept under their own names
        boolean ports = f.protocol != 1 && f.protocol != 58;
        if (!ports) {
            putIfPresent(netflow, "sourceTransportPort", f.srcPort);
            putIfPresent(netflow, "destinationTransportPort", f.dstPort);
        }
        SecurityEvent.Endpoint source = new SecurityEvent.Endpoint(src, ports && f.srcPort >= 0 ? f.srcPort : null,
                null, null, null, boxed(srcBytes), boxed(srcPackets));
        SecurityEvent.Endpoint destination = new SecurityEvent.Endpoint(dst,
                ports && f.dstPort >= 0 ? f.dstPort : null, null, null, null, boxed(dstBytes), boxed(dstPackets));
        String any = src != null ? src : dst;
        String type = any == null ? null : any.indexOf(':') >= 0 ? "ipv6" : "ipv4";
        return new Flow(source, destination, new SecurityEvent.Network(f.protocol >= 0 ? TRANSPORT[f.protocol] : null,
                type, null, null, direction(f.direction), null, f.protocol >= 0 ? IANA[f.protocol] : null,
                sum(srcBytes, dstBytes), sum(srcPackets, dstPackets), null));
    }

    /**
     * The endpoint's address: IPv4 unless absent or 0.0.0.0 while an IPv6 one is there (dual-stack
     * templates fill one of the two). The other one is kept under {@code fenghuo.netflow}.
     */
    private static String address(byte[] buf, int v4, int v6, String v4Name, String v6Name, ExtraTree netflow) {
        boolean useV4 = v4 >= 0 && (v6 < 0 || buf[v4] != 0 || buf[v4 + 1] != 0 || buf[v4 + 2] != 0 || buf[v4 + 3] != 0);
        if (useV4) {
            if (v6 >= 0) {
                netflow.put(v6Name, IpText.format(buf, v6, 16));
            }
            return IpText.format(buf, v4, 4);
        }
        if (v6 < 0) {
            return null;
        }
        if (v4 >= 0) {
            netflow.put(v4Name, IpText.format(buf, v4, 4));
        }
        return IpText.format(buf, v6, 16);
    }

    private static void putIfPresent(ExtraTree netflow, String name, int value) {
        if (value >= 0) {
            netflow.put(name, value);
        }
    }

    private static void others(ExtraTree netflow, Template t, FlowFields f) {
        for (int k = 0; k < f.otherCount; k++) {
            int i = f.otherField[k];
            // a template may repeat an element (two interface names...): keep every value
            netflow.append(t.names[i], FieldValues.render(t.types[i], f.buf, f.otherOffset[k], f.otherLength[k]));
        }
    }

    /** ECS network.direction from IANA flowDirection (61): 0 ingress, 1 egress. */
    private static String direction(int d) {
        return d == 0 ? "ingress" : d == 1 ? "egress" : null;
    }

    static long startNanos(ExportHeader h, FlowFields f) {
        if (f.startNanos != FlowFields.ABSENT) {
            return f.startNanos;
        }
        return relative(h, f, f.startUptime, f.startDeltaMicros);
    }

    static long endNanos(ExportHeader h, FlowFields f) {
        if (f.endNanos != FlowFields.ABSENT) {
            return f.endNanos;
        }
        return relative(h, f, f.endUptime, f.endDeltaMicros);
    }

    /** Times relative to the exporter's boot (sysUpTime, v5/v9 or IPFIX with systemInitTimeMilliseconds) or to export. */
    private static long relative(ExportHeader h, FlowFields f, long uptime, long deltaMicros) {
        if (uptime >= 0) {
            if (h.sysUptimeMillis() >= 0) {
                // both are 32-bit millisecond counters that wrap every 49.7 days: a flow that began just
                // before the wrap has a larger uptime than the header's, and is still in the past
                long ago = (h.sysUptimeMillis() - uptime) & 0xFFFF_FFFFL;
                return h.exportNanos() - ago * 1_000_000L;
            }
            if (f.systemInitMillis >= 0) {
                return (f.systemInitMillis + uptime) * 1_000_000L;
            }
        }
        if (deltaMicros >= 0) {
            return h.exportNanos() - deltaMicros * 1_000L;
        }
        return FlowFields.ABSENT;
    }

    private static long first(long a, long b) {
        return a >= 0 ? a : b;
    }

    private static Long boxed(long v) {
        return v >= 0 ? v : null;
    }

    private static Long sum(long a, long b) {
        return a < 0 && b < 0 ? null : Math.max(a, 0) + Math.max(b, 0);
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
