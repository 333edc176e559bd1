package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fenghuo.events.Asset;
import org.fenghuo.events.SecurityEvent;

/**
 * Assets inferred from traffic for addresses the inventory does not list. Observes flow events
 * ({@code event.category: network}, source = initiator, destination = responder, as the pcap and
 * NetFlow collectors write them) and industrial-protocol events ({@code fenghuo.ics.protocol}):
 *
 * <ul>
 *   <li>serves Modbus 502, DNP3 20000, S7 102 or IEC-104 2404 (or an ICS event names it as the
 *       responder): zone {@code ot}, criticality 4, tags {@code ics} and the protocol;</li>
 *   <li>opens industrial-protocol sessions to others: an engineering workstation, zone {@code ot},
 *       criticality 3, tag {@code engineering};</li>
 *   <li>serves remote administration (SSH 22, RDP 3389, VNC 5900, WinRM 5985/5986) to another
 *       host: tag {@code admin};</li>
 *   <li>serves at least {@code many_clients} distinct clients: criticality 3, tag {@code server};</li>
 *   <li>any other responder: criticality 2.</li>
 * </ul>
 * The highest criticality that applies wins; every learned asset has tag {@code learned} and id
 * {@code learned:<ip>}.
 *
 * <p>A flow counts only when the responder answered ({@code destination.bytes} or
 * {@code destination.packets} above 0), so a scan of port 502 across a subnet does not make every
 * scanned address a PLC. Time is event time only: {@code @timestamp} of the events and the
 * watermarks passed in. Memory is bounded by {@code max_hosts} (least recently observed evicted
 * first, counted) and clients kept per host by {@code many_clients}. Not thread-safe: one instance
 * per operator subtask.
 */
public final class LearnedAssets implements AssetLookup {
    private static final Map<Integer, String> ICS_PORTS = Map.of(502, "modbus", 20000, "dnp3", 102, "s7comm",
            2404, "iec104");
    private static final Set<Integer> ADMIN_PORTS = Set.of(22, 3389, 5900, 5985, 5986);

    private final LearnedAssetSettings settings;
    private final AssetInventory inventory;
    /** Canonical address to host, least recently observed first. */
    private final LinkedHashMap<String, Host> hosts = new LinkedHashMap<>();
    private Instant watermark;
    private long observed;
    private long ignored;
    private long covered;
    private long evictions;
    private long expired;

    /** Mutable per-host knowledge; {@link LearnedHost} is its data form. */
    private static final class Host {
        final String ip;
        final Instant firstSeen;
        Instant lastSeen;
        final Set<String> icsProtocols = new TreeSet<>();
        final Set<Integer> adminPorts = new TreeSet<>();
        boolean icsClient;
        final Set<String> clients = new LinkedHashSet<>();
        boolean manyClients;

        Host(String ip, Instant firstSeen) {
            this.ip = ip;
            this.firstSeen = firstSeen;
            this.lastSeen = firstSeen;
        }
    }

    /** @param inventory addresses it covers are never learned (the inventory wins); may be empty */
    public LearnedAssets(LearnedAssetSettings settings, AssetInventory inventory) {
        this.settings = settings;
        this.inventory = inventory == null ? AssetInventory.empty() : inventory;
    }

    /** Learns from one event; anything that is not an answered flow or ICS event is counted and ignored. */
    public void observe(SecurityEvent e) {
        if (!settings.enabled()) {
            return;
        }
        String server = e.destination() == null ? null : canonical(e.destination().ip());
        String client = e.source() == null ? null : canonical(e.source().ip());
        String icsProtocol = icsProtocol(e);
        Integer port = e.destination() == null ? null : e.destination().port();
        if (server == null || e.timestamp() == null || icsProtocol == null && (port == null || !isAnsweredFlow(e))) {
            ignored++;
            return;
        }
        if (icsProtocol == null) {
            icsProtocol = ICS_PORTS.get(port);
        }
        observed++;
        Instant t = e.timestamp();
        if (inventory.byIp(server) != null) {
            covered++;
        } else {
            Host h = touch(server, t);
            if (icsProtocol != null) {
                h.icsProtocols.add(icsProtocol);
            }
            if (port != null && ADMIN_PORTS.contains(port) && client != null && !client.equals(server)) {
                h.adminPorts.add(port);
            }
            if (client != null && !h.manyClients && !client.equals(server)) {
                h.clients.add(client);
                if (h.clients.size() >= settings.manyClients()) {
                    h.manyClients = true;
                    h.clients.clear(); // the flag is all that matters from now on
                }
            }
        }
        if (icsProtocol != null && client != null && !client.equals(server)) {
            if (inventory.byIp(client) != null) {
                covered++;
            } else {
                touch(client, t).icsClient = true;
            }
        }
        evictOverflow();
    }

    /** Forgets hosts not observed for {@code forget_after} before {@code watermark}. */
    public void advanceWatermark(Instant newWatermark) {
        if (newWatermark == null || watermark != null && !newWatermark.isAfter(watermark)) {
            return;
        }
        watermark = newWatermark;
        Instant horizon = newWatermark.minus(settings.forgetAfter());
        // in observation order, so this stops at the first host observed recently enough: hosts
        // observed out of event-time order may live a little longer, never shorter
        Iterator<Host> it = hosts.values().iterator();
        while (it.hasNext()) {
            Host h = it.next();
            if (!h.lastSeen.isBefore(horizon)) {
                break;
            }
            it.remove();
            expired++;
        }
    }

    /** The learned asset at this address, or null (also for an address the inventory covers). */
    @Override
    public Asset byIp(String ip) {
        String key = canonical(ip);
        Host h = key == null ? null : hosts.get(key);
        return h == null ? null : toAsset(h);
    }

    /** Host names are never learned from flows. */
    @Override
    public Asset byHostname(String hostname) {
        return null;
    }

    public int size() {
        return hosts.size();
    }

    public LearnedAssetsCounters counters() {
        return new LearnedAssetsCounters(observed, ignored, covered, evictions, expired);
    }

    public LearnedAssetsState snapshot() {
        List<LearnedHost> out = new ArrayList<>(hosts.size());
        for (Host h : hosts.values()) {
            out.add(new LearnedHost(h.ip, h.firstSeen, h.lastSeen, List.copyOf(h.icsProtocols),
                    List.copyOf(h.adminPorts), h.icsClient, List.copyOf(h.clients), h.manyClients));
        }
        return new LearnedAssetsState(out, watermark, counters());
    }

    /** Replaces everything with {@code state} (hosts beyond {@code max_hosts} evicted, oldest first). */
    public void restore(LearnedAssetsState state) {
        hosts.clear();
        for (LearnedHost l : state.hosts()) {
            Host h = new Host(l.ip(), l.firstSeen());
            h.lastSeen = l.lastSeen();
            h.icsProtocols.addAll(l.icsProtocols());
            h.adminPorts.addAll(l.adminPorts());
            h.icsClient = l.icsClient();
            h.clients.addAll(l.clients());
            h.manyClients = l.manyClients();
            hosts.put(h.ip, h);
        }
        watermark = state.watermark();
        LearnedAssetsCounters c = state.counters();
        observed = c.flowsObserved();
        ignored = c.eventsIgnored();
        covered = c.inventoryCovered();
        evictions = c.evictions();
        expired = c.expired();
        evictOverflow();
    }

    private Host touch(String ip, Instant t) {
        Host h = hosts.remove(ip);
        if (h == null) {
            h = new Host(ip, t);
        } else if (t.isAfter(h.lastSeen)) {
            h.lastSeen = t;
        }
        hosts.put(ip, h); // re-inserted: now the most recently observed
        return h;
    }

    private void evictOverflow() {
        Iterator<Host> it = hosts.values().iterator();
        while (hosts.size() > settings.maxHosts() && it.hasNext()) {
            it.next();
            it.remove();
            evictions++;
        }
    }

    private static Asset toAsset(Host h) {
        int criticality = 2;
        String zone = null;
        List<String> tags = new ArrayList<>();
        tags.add("learned");
        if (!h.icsProtocols.isEmpty()) {
            criticality = 4;
            zone = "ot";
            tags.add("ics");
            tags.addAll(h.icsProtocols);
        }
        if (h.icsClient) {
            criticality = Math.max(criticality, 3);
            zone = "ot";
            tags.add("engineering");
        }
        if (!h.adminPorts.isEmpty()) {
            tags.add("admin");
        }
        if (h.manyClients) {
            criticality = Math.max(criticality, 3);
            tags.add("server");
        }
        return new Asset("learned:" + h.ip, h.ip, List.of(h.ip), null, criticality, zone, null, false, tags);
    }

    private static boolean isAnsweredFlow(SecurityEvent e) {
        List<String> category = e.event() == null ? null : e.event().category();
        if (category == null || !category.contains("network")) {
            return false;
        }
        SecurityEvent.Endpoint d = e.destination();
        return d.bytes() != null && d.bytes() > 0 || d.packets() != null && d.packets() > 0;
    }

    private static String icsProtocol(SecurityEvent e) {
        if (e.fenghuo() == null || e.fenghuo().ics() == null || e.fenghuo().ics().protocol() == null) {
            return null;
        }
        return e.fenghuo().ics().protocol().trim().toLowerCase(Locale.ROOT);
    }

    private static String canonical(String ip) {
        IpPrefix p = IpPrefix.address(ip);
        return p == null ? null : p.addressText();
    }
}
