package org.fenghuo.correlation.scenario;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.fenghuo.correlation.pack.PackSettings;
import org.fenghuo.events.SecurityEvent;

/**
 * A seeded simulation of a city district's network (see {@link DistrictNetwork}): normal traffic
 * with, unless switched off, a multi-stage attack mixed in (see {@link ExpectedAttack} and the
 * module README). Events are shaped as Fenghuo's collectors write them ({@link CollectorShapes}) and
 * come in event-time order, generated lazily: {@link #iterator()} holds a few hundred processes,
 * never the events, so a benchmark can draw millions. Same settings, same events (ids included).
 */
public final class DistrictScenario implements Iterable<SecurityEvent> {
    /** The indicator source name of {@link #indicatorList()}: its IOC alerts are {@code fenghuo.ioc.district_ti}. */
    public static final String INDICATOR_SOURCE = "district_ti";

    private final ScenarioSettings settings;
    private final DistrictNetwork network = DistrictNetwork.standard();
    private final AttackScript.Script attack;

    public DistrictScenario(ScenarioSettings settings) {
        this.settings = settings;
        this.attack = AttackScript.of(network, settings);
    }

    public static DistrictScenario defaults() {
        return new DistrictScenario(ScenarioSettings.defaults());
    }

    public ScenarioSettings settings() {
        return settings;
    }

    public DistrictNetwork network() {
        return network;
    }

    /** A fresh pass over every event (background and, if on, the attack), in {@code @timestamp} order. */
    @Override
    public Iterator<SecurityEvent> iterator() {
        Iterator<SecurityEvent> background = new Background(network, settings);
        return settings.attack() ? new Merge(background, attack.events().iterator()) : background;
    }

    /** The attack's events alone, time-ordered (empty when the attack is off). */
    public List<SecurityEvent> attackEvents() {
        return settings.attack() ? attack.events() : List.of();
    }

    /** The attack as planned; what the pack must find when {@code settings().attack()}. */
    public ExpectedAttack expected() {
        return attack.expected();
    }

    /** The threat intelligence the scenario's C2 is listed in: its address and its domain. */
    public Set<String> indicators() {
        return new LinkedHashSet<>(List.of(network.c2(), network.c2Domain()));
    }

    /** {@link #indicators()} as a list file detection's {@code IndicatorListLoader} reads. */
    public String indicatorList() {
        StringBuilder b = new StringBuilder("# district scenario threat intelligence (source ")
                .append(INDICATOR_SOURCE).append(")\n");
        indicators().forEach(i -> b.append(i).append('\n'));
        return b.toString();
    }

    /** The pack's settings for this district: the engineering workstation and every PLC as critical. */
    public PackSettings packSettings() {
        return PackSettings.defaults().withIcsAssets(List.of(network.engineeringWorkstation()), network.plcs());
    }

    /**
     * The district's asset inventory as incident-settings YAML ({@code AssetInventory.parseYaml}):
     * the PLCs and the SCADA server are critical infrastructure (criticality 5), the engineering
     * workstation 4, servers 3 (the OT and server subnets as blocks), so risk scores and warning
     * levels weigh what was hit.
     */
    public String assetInventory() {
        return inventory(true);
    }

    /**
     * The same inventory without the PLCs, as if they were installed after the last audit: the job
     * must learn them from their Modbus and S7 traffic (criticality 4, zone ot), so what hits them
     * still weighs more than an unknown host.
     */
    public String assetInventoryWithoutPlcs() {
        return inventory(false);
    }

    private String inventory(boolean listPlcs) {
        StringBuilder y = new StringBuilder("assets:\n");
        int n = 1;
        for (String plc : listPlcs ? network.plcs() : List.<String>of()) {
            asset(y, "plc-" + n, "PLC " + n++, List.of(plc), 5, "ot", true, "water, plc");
        }
        asset(y, "scada", "SCADA server", List.of(network.scada()), 5, "ot", true, "water, scada");
        asset(y, "eng-ws", "engineering workstation", List.of(network.engineeringWorkstation()), 4, "ot", false,
                "engineering");
        asset(y, "servers", "server subnet", List.of("10.10.2.0/24"), 3, "servers", false, "server");
        asset(y, "dmz", "DMZ", List.of("172.16.10.0/24"), 3, "dmz", false, "dmz");
        return y.toString();
    }

    private static void asset(StringBuilder y, String id, String name, List<String> ips, int criticality, String zone,
            boolean critical, String tags) {
        y.append("  - id: ").append(id).append('\n')
                .append("    name: ").append(name).append('\n')
                .append("    ips: [").append(String.join(", ", ips)).append("]\n")
                .append("    criticality: ").append(criticality).append('\n')
                .append("    zone: ").append(zone).append('\n')
                .append("    critical_infrastructure: ").append(critical).append('\n')
                .append("    tags: [").append(tags).append("]\n");
    }

    /** Two time-ordered iterators as one; on equal times the background goes first. */
    private static final class Merge implements Iterator<SecurityEvent> {
        private final Iterator<SecurityEvent> a;
        private final Iterator<SecurityEvent> b;
        private SecurityEvent nextA;
        private SecurityEvent nextB;

        Merge(Iterator<SecurityEvent> a, Iterator<SecurityEvent> b) {
            this.a = a;
            this.b = b;
            this.nextA = a.hasNext() ? a.next() : null;
            this.nextB = b.hasNext() ? b.next() : null;
        }

        @Override
        public boolean hasNext() {
            return nextA != null || nextB != null;
        }

        @Override
        public SecurityEvent next() {
            if (nextA == null && nextB == null) {
                throw new NoSuchElementException();
            }
            boolean takeA = nextB == null || nextA != null && !nextA.timestamp().isAfter(nextB.timestamp());
            SecurityEvent out;
            if (takeA) {
                out = nextA;
                nextA = a.hasNext() ? a.next() : null;
            } else {
                out = nextB;
                nextB = b.hasNext() ? b.next() : null;
            }
            return out;
        }
    }
}
