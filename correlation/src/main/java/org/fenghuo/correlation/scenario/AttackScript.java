package org.fenghuo.correlation.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.fenghuo.correlation.pack.BuiltInPack;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.SecurityEvent;

/**
 * The multi-stage attack, as events and as its {@link ExpectedAttack}. Sized against detection's
 * default thresholds (named where used) so each stage is found once: 30 probes for a 20-host scan,
 * 12 failures for a 10-failure brute force, 6 logins for a 5-host lateral movement, 12 beacons for
 * the 8 the beaconing detector needs, 60 tunnel queries for its 40 distinct names, 60 MiB in one
 * 5-minute bucket for the 10 MiB egress floor.
 */
final class AttackScript {
    private static final int SCAN_PROBES = 30;
    private static final int FAILURES = 12;
    private static final int LATERAL_LOGINS = 6;
    private static final int LATERAL_THRESHOLD = 5;
    private static final int BEACONS = 12;
    private static final int BEACONS_JUDGED = 8;
    private static final int TUNNEL_QUERIES = 60;
    private static final int EXFIL_FLOWS = 6;
    private static final long MIB = 1L << 20;
    private static final long VOLUME_BUCKET = Duration.ofMinutes(5).toMillis();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final DistrictNetwork net;
    private final long seed;
    private final long a;
    private final SplittableRandom random;
    private final List<SecurityEvent> events = new ArrayList<>();
    private final List<ExpectedAttack.Stage> stages = new ArrayList<>();
    private long sequence;

    private AttackScript(DistrictNetwork net, ScenarioSettings settings) {
        this.net = net;
        this.seed = settings.seed();
        this.a = settings.attackStart().toEpochMilli();
        this.random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
    }

    record Script(List<SecurityEvent> events, ExpectedAttack expected) {
    }

    static Script of(DistrictNetwork net, ScenarioSettings settings) {
        AttackScript s = new AttackScript(net, settings);
        s.scan();
        s.bruteForceAndLogin();
        s.lateralMovement();
        s.commandAndControl();
        s.exfiltration();
        s.icsImpact();
        List<SecurityEvent> sorted = new ArrayList<>(s.events);
        sorted.sort(Comparator.comparing(SecurityEvent::timestamp)); // stable: equal times keep script order
        return new Script(List.copyOf(sorted), new ExpectedAttack(net.attacker(), net.bastion(),
                DistrictNetwork.BASTION_NAME, "root", net.c2(), net.c2Domain(), net.exfiltrationDrop(),
                net.engineeringWorkstation(), List.of(net.modbusPlcs().get(0), net.s7Plcs().get(0)), s.stages));
    }

    private String id() {
        return EventIds.of(seed, 1, sequence++);
    }

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    private SecurityEvent add(SecurityEvent e) {
        events.add(e);
        return e;
    }

    private void stage(String name, long start, long end, String source, List<String> targets, List<String> detectors,
            List<AttackTactic> tactics, String correlation, Long correlationAt) {
        stages.add(new ExpectedAttack.Stage(name, at(start), at(end), source, targets, detectors, tactics, correlation,
                correlationAt == null ? null : at(correlationAt)));
    }

    /** SYN probes of SSH on the DMZ, one a second; the bastion answers SYN-ACK and gets a RST. */
    private void scan() {
        List<String> targets = net.dmzHosts().subList(0, SCAN_PROBES);
        for (int i = 0; i < SCAN_PROBES; i++) {
            long t = a + i * 1_000L;
            String host = targets.get(i);
            boolean open = host.equals(net.bastion());
            add(CollectorShapes.flow(new CollectorShapes.Flow(id(), at(t), at(t + 500), "tcp", net.attacker(),
                    41_000 + i, host, 22, open ? 104 : 60, open ? 2 : 1, open ? 60 : 0, open ? 1 : 0,
                    open ? "06" : CollectorShapes.FLAGS_SYN, open ? "12" : CollectorShapes.FLAGS_NONE,
                    open ? "reset" : "syn_sent")));
        }
        stage("scan", a, a + (SCAN_PROBES - 1) * 1_000L + 500, net.attacker(), targets,
                List.of("fenghuo.anomaly.port_scan.horizontal"), List.of(AttackTactic.RECONNAISSANCE,
                        AttackTactic.DISCOVERY), null, null);
    }

    /** Password guessing on the bastion's sshd, then the guess that works. */
    private void bruteForceAndLogin() {
        long b = a + 2 * 60_000L;
        for (int i = 0; i < FAILURES; i++) {
            add(CollectorShapes.sshLogin(id(), at(b + i * 5_000L), DistrictNetwork.BASTION_NAME, net.attacker(),
                    42_000 + i, "root", false));
        }
        long login = a + 3 * 60_000L;
        add(CollectorShapes.sshLogin(id(), at(login), DistrictNetwork.BASTION_NAME, net.attacker(), 42_100, "root",
                true));
        stage("brute force", b, b + (FAILURES - 1) * 5_000L, net.attacker(), List.of(DistrictNetwork.BASTION_NAME),
                List.of("fenghuo.anomaly.brute_force"), List.of(AttackTactic.CREDENTIAL_ACCESS), null, null);
        stage("login", login, login, net.attacker(), List.of(DistrictNetwork.BASTION_NAME),
                List.of("fenghuo.anomaly.brute_force.success"), List.of(AttackTactic.INITIAL_ACCESS),
                BuiltInPack.INTRUSION_CHAIN, login);
    }

    /** From the bastion, root logins to six app servers, 40 s apart. */
    private void lateralMovement() {
        long l = a + 10 * 60_000L;
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < LATERAL_LOGINS; i++) {
            String server = DistrictNetwork.appServerName(i);
            servers.add(server);
            add(CollectorShapes.sshLogin(id(), at(l + i * 40_000L), server, net.bastion(), 43_000 + i, "root", true));
        }
        stage("lateral movement", l, l + (LATERAL_LOGINS - 1) * 40_000L, net.bastion(), servers, List.of(),
                List.of(AttackTactic.LATERAL_MOVEMENT), BuiltInPack.LATERAL_MOVEMENT,
                l + (LATERAL_THRESHOLD - 1) * 40_000L);
    }

    /** The implant resolves its C2 (a listed domain), then calls it every 60 s +- 1 s (a listed address). */
    private void commandAndControl() {
        long c = a + 15 * 60_000L;
        add(CollectorShapes.dnsQuery(id(), at(c - 1_000), net.bastion(), 53_000, net.resolver(),
                "update." + net.c2Domain(), "A", 4242));
        long start = c;
        long judged = 0;
        long last = 0;
        for (int i = 0; i < BEACONS; i++) {
            long end = start + 1_000;
            add(CollectorShapes.flow(new CollectorShapes.Flow(id(), at(start), at(end), "tcp", net.bastion(),
                    44_000 + i, net.c2(), 443, 1_200 + random.nextInt(40), 8, 800 + random.nextInt(40), 6,
                    CollectorShapes.FLAGS_COMPLETE, CollectorShapes.FLAGS_COMPLETE, "closed")));
            if (i == BEACONS_JUDGED - 1) {
                judged = end;
            }
            last = end;
            start += 59_000 + random.nextInt(2_001);
        }
        stage("command and control", c - 1_000, last, net.bastion(), List.of(net.c2Domain(), net.c2()),
                List.of("fenghuo.ioc." + DistrictScenario.INDICATOR_SOURCE, "fenghuo.anomaly.beaconing"),
                List.of(AttackTactic.COMMAND_AND_CONTROL), BuiltInPack.C2_AFTER_THREAT_INTEL, judged);
    }

    /** TXT queries carrying base32 data under the attacker's zone, then 60 MiB uploaded to the drop. */
    private void exfiltration() {
        long d = a + 30 * 60_000L;
        String zone = net.tunnelDomain();
        for (int i = 0; i < TUNNEL_QUERIES; i++) {
            add(CollectorShapes.dnsQuery(id(), at(d + i * 2_000L), net.bastion(), 54_000 + i, net.resolver(),
                    base32(26) + "." + base32(26) + "." + zone, "TXT", 5_000 + i));
        }
        stage("dns tunnelling", d, d + (TUNNEL_QUERIES - 1) * 2_000L, net.bastion(), List.of(zone),
                List.of("fenghuo.anomaly.dns_tunnel"), List.of(AttackTactic.COMMAND_AND_CONTROL,
                        AttackTactic.EXFILTRATION), null, null);
        long x = a + 33 * 60_000L;
        for (int i = 0; i < EXFIL_FLOWS; i++) {
            long start = x + i * 20_000L;
            add(CollectorShapes.flow(new CollectorShapes.Flow(id(), at(start), at(start + 15_000), "tcp",
                    net.bastion(), 45_000 + i, net.exfiltrationDrop(), 8443, 10 * MIB, 7_500, 300_000, 3_800,
                    CollectorShapes.FLAGS_COMPLETE, CollectorShapes.FLAGS_COMPLETE, "closed")));
        }
        // the egress detector judges the 5-minute bucket of the first upload when it closes
        long bucketEnd = Math.floorDiv(x + 15_000, VOLUME_BUCKET) * VOLUME_BUCKET + VOLUME_BUCKET;
        stage("exfiltration", x, x + (EXFIL_FLOWS - 1) * 20_000L + 15_000, net.bastion(),
                List.of(net.exfiltrationDrop()), List.of("fenghuo.anomaly.volume.egress"),
                List.of(AttackTactic.EXFILTRATION), BuiltInPack.DNS_TUNNEL_EXFILTRATION, bucketEnd);
    }

    /** RDP from the bastion to the engineering workstation; from there, Modbus and S7 writes to two PLCs. */
    private void icsImpact() {
        long s = a + 45 * 60_000L;
        long end = a + 60 * 60_000L;
        String eng = net.engineeringWorkstation();
        String modbus = net.modbusPlcs().get(0);
        String s7 = net.s7Plcs().get(0);
        for (int i = 0; i < 3; i++) {
            add(CollectorShapes.modbus(id(), at(a + 50 * 60_000L + i * 30_000L), eng, 50_100, modbus, 16,
                    "write_multiple_registers", true, 40_101, 2));
        }
        for (int i = 0; i < 2; i++) {
            add(CollectorShapes.s7(id(), at(a + 52 * 60_000L + i * 20_000L), eng, 50_200, s7, true, 64));
        }
        // the flow meter writes the session when it ends, after the writes made during it
        add(CollectorShapes.flow(new CollectorShapes.Flow(id(), at(s), at(end), "tcp", net.bastion(), 46_000, eng,
                3389, 400_000, 3_000, 6_000_000, 5_000, CollectorShapes.FLAGS_COMPLETE, CollectorShapes.FLAGS_COMPLETE,
                "closed")));
        stage("ics impact", s, end, net.bastion(), List.of(eng, modbus, s7),
                List.of("fenghuo.anomaly.ics.unauthorized_command"), List.of(AttackTactic.LATERAL_MOVEMENT,
                        AttackTactic.IMPACT), BuiltInPack.ICS_WRITE_AFTER_REMOTE_SESSION, end);
    }

    private String base32(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return new String(c);
    }
}
