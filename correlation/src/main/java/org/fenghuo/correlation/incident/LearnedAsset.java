package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fenghuo.events.Asset;

/**
 * What traffic taught about one address, each fact with the event time it first held: the earliest
 * observation, not the first to arrive, so the same traffic gives the same answer for any arrival
 * order. {@link #at} is the asset as it was known at a moment, which is what an alert of that
 * moment is scored with.
 *
 * @param ip               the address (canonical text)
 * @param since            earliest observation of it as a responder or an industrial-protocol client
 * @param icsProtocols     industrial protocols it serves (modbus, dnp3, s7comm, iec104), each since when
 * @param adminPorts       remote-administration ports it serves to other hosts, each since when
 * @param engineeringSince since when it opens industrial-protocol sessions to others, or null
 * @param serverSince      since when it has served {@code many_clients} distinct clients, or null
 * @param until            the last moment it counts, once it is forgotten ({@code forget_after} after
 *                         its last observation) or evicted; null while it is learned
 */
public record LearnedAsset(String ip, Instant since, SortedMap<String, Instant> icsProtocols,
        SortedMap<Integer, Instant> adminPorts, Instant engineeringSince, Instant serverSince, Instant until) {

    public LearnedAsset {
        icsProtocols = icsProtocols == null ? new TreeMap<>() : new TreeMap<>(icsProtocols);
        adminPorts = adminPorts == null ? new TreeMap<>() : new TreeMap<>(adminPorts);
    }

    /** Still learned (no end). */
    public LearnedAsset(String ip, Instant since, SortedMap<String, Instant> icsProtocols,
            SortedMap<Integer, Instant> adminPorts, Instant engineeringSince, Instant serverSince) {
        this(ip, since, icsProtocols, adminPorts, engineeringSince, serverSince, null);
    }

    /** The same facts, counting up to {@code t} only. */
    public LearnedAsset until(Instant t) {
        return new LearnedAsset(ip, since, icsProtocols, adminPorts, engineeringSince, serverSince, t);
    }

    /**
     * The asset as known at {@code t}, or null before the first observation and after {@link #until}. Criticality: 4 and
     * zone {@code ot} when it serves an industrial protocol, 3 for an engineering host or a server
     * of many clients, else 2; the highest that applies wins. Tags: {@code learned}, then
     * {@code ics} and the protocols, {@code engineering}, {@code admin}, {@code server}.
     */
    public Asset at(Instant t) {
        if (since == null || since.isAfter(t) || until != null && t.isAfter(until)) {
            return null;
        }
        int criticality = 2;
        String zone = null;
        List<String> tags = new ArrayList<>();
        tags.add("learned");
        List<String> protocols = heldAt(icsProtocols, t);
        if (!protocols.isEmpty()) {
            criticality = 4;
            zone = "ot";
            tags.add("ics");
            tags.addAll(protocols);
        }
        if (held(engineeringSince, t)) {
            criticality = Math.max(criticality, 3);
            zone = "ot";
            tags.add("engineering");
        }
        if (!heldAt(adminPorts, t).isEmpty()) {
            tags.add("admin");
        }
        if (held(serverSince, t)) {
            criticality = Math.max(criticality, 3);
            tags.add("server");
        }
        return new Asset("learned:" + ip, ip, List.of(ip), null, criticality, zone, null, false, tags);
    }

    private static boolean held(Instant since, Instant t) {
        return since != null && !since.isAfter(t);
    }

    private static <K> List<K> heldAt(Map<K, Instant> facts, Instant t) {
        List<K> out = new ArrayList<>();
        facts.forEach((k, since) -> {
            if (held(since, t)) {
                out.add(k);
            }
        });
        return out;
    }
}
