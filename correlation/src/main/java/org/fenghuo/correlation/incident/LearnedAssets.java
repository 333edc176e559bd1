package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.fenghuo.events.Asset;
import org.fenghuo.events.SecurityEvent;

/**
 * Assets inferred from traffic for addresses of the city's own networks ({@code networks}) that the
 * inventory does not list, from {@link AssetObservation}s (answered flows, industrial-protocol events):
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
 * Every learned asset has tag {@code learned} and id {@code learned:<ip>} (see {@link LearnedAsset#at}).
 *
 * <p>Each fact keeps the event time it first held (the earliest observation, whatever the arrival
 * order), so an alert is scored with the asset as it was at the alert's time, and a replay scores
 * the same. Time is event time only: {@code @timestamp} of the events and the watermarks passed in.
 * Memory is bounded by {@code max_hosts} (least recently observed evicted first, counted) and
 * clients kept per host by {@code many_clients}. Every change is queued as a
 * {@link LearnedAssetUpdate} for {@link #drainUpdates} (the job sends them to the incident
 * builders). Not thread-safe: one instance per operator.
 */
public final class LearnedAssets implements AssetLookup {
    private static final Map<Integer, String> ICS_PORTS = Map.of(502, "modbus", 20000, "dnp3", 102, "s7comm",
            2404, "iec104");
    private static final Set<Integer> ADMIN_PORTS = Set.of(22, 3389, 5900, 5985, 5986);
    private static final Pattern PROTOCOL_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,31}");

    private final LearnedAssetSettings settings;
    private final AssetInventory inventory;
    private final PrefixTable<Boolean> networks = new PrefixTable<>();
    /** Canonical address to host, least recently observed first. */
    private final LinkedHashMap<String, Host> hosts = new LinkedHashMap<>();
    private final List<LearnedAssetUpdate> updates = new ArrayList<>();
    private Instant watermark;
    private long observed;
    private long ignored;
    private long covered;
    private long evictions;
    private long expired;

    /** Mutable per-host knowledge; {@link LearnedHost} is its data form. */
    private static final class Host {
        final String ip;
        Instant since;
        Instant lastSeen;
        final TreeMap<String, Instant> icsProtocols = new TreeMap<>();
        final TreeMap<Integer, Instant> adminPorts = new TreeMap<>();
        Instant engineeringSince;
        /** At most many_clients: the clients with the earliest first contact. */
        final Map<String, Instant> clients = new HashMap<>();
        Instant serverSince;
        boolean changed;

        Host(String ip, Instant t) {
            this.ip = ip;
            this.since = t;
            this.lastSeen = t;
            this.changed = true;
        }

        LearnedAsset learned() {
            return new LearnedAsset(ip, since, icsProtocols, adminPorts, engineeringSince, serverSince);
        }
    }

    /** @param inventory addresses it covers are never learned (the inventory wins); may be null */
    public LearnedAssets(LearnedAssetSettings settings, AssetInventory inventory) {
        this.settings = settings;
        this.inventory = inventory == null ? AssetInventory.empty() : inventory;
        for (String n : settings.networks()) {
            networks.putIfAbsent(IpPrefix.parse(n), Boolean.TRUE);
        }
    }

    /** Learns from one event (see {@link AssetObservation#of}); anything else is counted and ignored. */
    public void observe(SecurityEvent e) {
        AssetObservation o = AssetObservation.of(e);
        if (o == null) {
            ignored++;
            return;
        }
        observe(o);
    }

    /**
     * Learns from one observation. A protocol that is not a short lower-case name (the sender's
     * {@code fenghuo.ics.protocol}, e.g. {@code opc ua} or 70,000 characters) is not learned, the port
     * says which one it is instead: it would become a tag and a key of every checkpoint. The rest of
     * the observation still teaches.
     */
    public void observe(AssetObservation o) {
        if (!settings.enabled()) {
            return;
        }
        String server = canonical(o.server());
        String client = canonical(o.client());
        if (server == null || o.timestamp() == null) {
            ignored++;
            return;
        }
        String named = o.icsProtocol() != null && PROTOCOL_NAME.matcher(o.icsProtocol()).matches() ? o.icsProtocol() : null;
        String icsProtocol = named != null ? named : o.port() == null ? null : ICS_PORTS.get(o.port());
        boolean fromOther = client != null && !client.equals(server);
        observed++;
        Instant t = o.timestamp();
        Host h = learnable(server) ? touch(server, t) : null;
        if (h != null) {
            if (icsProtocol != null) {
                h.changed |= earliest(h.icsProtocols, icsProtocol, t);
            }
            if (fromOther && o.port() != null && ADMIN_PORTS.contains(o.port())) {
                h.changed |= earliest(h.adminPorts, o.port(), t);
            }
            if (fromOther) {
                client(h, client, t);
            }
            queue(h);
        }
        if (icsProtocol != null && fromOther && learnable(client)) {
            Host c = touch(client, t);
            if (c.engineeringSince == null || t.isBefore(c.engineeringSince)) {
                c.engineeringSince = t;
                c.changed = true;
            }
            queue(c);
        }
        evictOverflow(t);
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
            updates.add(LearnedAssetUpdate.forgotten(h.learned(), h.lastSeen.plus(settings.forgetAfter())));
        }
    }

    /** The changes since the last call, oldest first; the queue is emptied. */
    public List<LearnedAssetUpdate> drainUpdates() {
        if (updates.isEmpty()) {
            return List.of();
        }
        List<LearnedAssetUpdate> out = List.copyOf(updates);
        updates.clear();
        return out;
    }

    /** What is known about this address, or null (also for an address the inventory covers). */
    public LearnedAsset learned(String ip) {
        String key = canonical(ip);
        Host h = key == null ? null : hosts.get(key);
        return h == null ? null : h.learned();
    }

    /** The learned asset at this address with everything known so far, or null. */
    @Override
    public Asset byIp(String ip) {
        LearnedAsset l = learned(ip);
        return l == null ? null : l.at(Instant.MAX);
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
            out.add(new LearnedHost(h.learned(), h.lastSeen, h.clients));
        }
        return new LearnedAssetsState(out, watermark, counters());
    }

    /**
     * Replaces everything with {@code state}, checked against the settings now in force: hosts they
     * no longer allow (learning off, outside {@code networks}, now in the inventory) and hosts beyond
     * {@code max_hosts} are forgotten, and a changed {@code many_clients} recomputes the server
     * facts; each such change is queued, so the copies downstream (restored from the same
     * checkpoint) follow. Anything else queues nothing.
     */
    public void restore(LearnedAssetsState state) {
        hosts.clear();
        updates.clear();
        watermark = state.watermark();
        for (LearnedHost l : state.hosts()) {
            LearnedAsset a = l.learned();
            Host h = new Host(a.ip(), a.since());
            h.lastSeen = l.lastSeen();
            h.icsProtocols.putAll(a.icsProtocols());
            h.adminPorts.putAll(a.adminPorts());
            h.engineeringSince = a.engineeringSince();
            h.clients.putAll(l.clients());
            h.serverSince = a.serverSince();
            h.changed = false;
            if (!settings.enabled() || !inNetworks(h.ip) || inventory.byIp(h.ip) != null) {
                updates.add(LearnedAssetUpdate.forgotten(h.learned(), endOf(h)));
                continue;
            }
            keepEarliestClients(h);
            hosts.put(h.ip, h);
            queue(h);
        }
        LearnedAssetsCounters c = state.counters();
        observed = c.flowsObserved();
        ignored = c.eventsIgnored();
        covered = c.inventoryCovered();
        evictions = c.evictions();
        expired = c.expired();
        evictOverflow(watermark);
    }

    /** When a host dropped at a restore stops counting: at the restored watermark, else its last observation. */
    private Instant endOf(Host h) {
        return watermark != null ? watermark : h.lastSeen;
    }

    /** After {@code many_clients} changed: only that many earliest clients, and the server fact again. */
    private void keepEarliestClients(Host h) {
        while (h.clients.size() > settings.manyClients()) {
            h.clients.remove(latestClient(h).getKey());
        }
        serverSince(h);
    }

    /** Learned only inside the city's networks, and never what the inventory lists (counted). */
    private boolean learnable(String ip) {
        if (ip == null || !inNetworks(ip)) {
            return false;
        }
        if (inventory.byIp(ip) != null) {
            covered++;
            return false;
        }
        return true;
    }

    private boolean inNetworks(String ip) {
        return networks.longestMatch(IpPrefix.address(ip)) != null;
    }

    /**
     * Keeps the {@code many_clients} clients of earliest first contact. Once as many are kept, an
     * evicted client can only come back with a time before the latest kept, which then leaves in
     * turn, so the set is always the earliest ones whatever the arrival order, and its latest time
     * is when the host became a server.
     */
    private void client(Host h, String client, Instant t) {
        Instant known = h.clients.get(client);
        if (known != null) {
            if (t.isBefore(known)) {
                h.clients.put(client, t);
                serverSince(h);
            }
            return;
        }
        if (h.clients.size() < settings.manyClients()) {
            h.clients.put(client, t);
            serverSince(h);
            return;
        }
        Map.Entry<String, Instant> latest = latestClient(h);
        if (t.isBefore(latest.getValue())) {
            h.clients.remove(latest.getKey());
            h.clients.put(client, t);
            serverSince(h);
        }
    }

    private void serverSince(Host h) {
        Instant s = h.clients.size() < settings.manyClients() ? null : latestClient(h).getValue();
        if (!java.util.Objects.equals(s, h.serverSince)) {
            h.serverSince = s;
            h.changed = true;
        }
    }

    private static Map.Entry<String, Instant> latestClient(Host h) {
        Map.Entry<String, Instant> latest = null;
        for (Map.Entry<String, Instant> e : h.clients.entrySet()) {
            if (latest == null || e.getValue().isAfter(latest.getValue())
                    || e.getValue().equals(latest.getValue()) && e.getKey().compareTo(latest.getKey()) > 0) {
                latest = e;
            }
        }
        return latest;
    }

    private static <K> boolean earliest(Map<K, Instant> facts, K key, Instant t) {
        Instant known = facts.get(key);
        if (known != null && !t.isBefore(known)) {
            return false;
        }
        facts.put(key, t);
        return true;
    }

    private Host touch(String ip, Instant t) {
        Host h = hosts.remove(ip);
        if (h == null) {
            h = new Host(ip, t);
        } else {
            if (t.isAfter(h.lastSeen)) {
                h.lastSeen = t;
            }
            if (t.isBefore(h.since)) {
                h.since = t;
                h.changed = true;
            }
        }
        hosts.put(ip, h); // re-inserted: now the most recently observed
        return h;
    }

    private void queue(Host h) {
        if (h.changed) {
            h.changed = false;
            updates.add(new LearnedAssetUpdate(h.ip, h.learned()));
        }
    }

    /** Evicts the least recently observed beyond {@code max_hosts}; they stop counting {@code at} (null: at their last observation). */
    private void evictOverflow(Instant at) {
        Iterator<Host> it = hosts.values().iterator();
        while (hosts.size() > settings.maxHosts() && it.hasNext()) {
            Host h = it.next();
            it.remove();
            evictions++;
            updates.add(LearnedAssetUpdate.forgotten(h.learned(), at != null ? at : h.lastSeen));
        }
    }

    private static String canonical(String ip) {
        IpPrefix p = IpPrefix.address(ip);
        return p == null ? null : p.addressText();
    }
}
