package org.fenghuo.correlation.pack;

import java.time.Duration;
import java.util.List;
import org.fenghuo.correlation.engine.EplRule;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;

/**
 * The built-in correlation pack (issue 7 point 3): five EPL rules over the {@code Hit} stream of
 * detection's alerts ({@link AlertHits}) and the pack's marks ({@link MarkerHits}).
 *
 * <p>Every rule is a join of {@code #time} windows (so "within the window" is exact in event time and
 * either arrival order is seen), with the order, where the rule has one, a condition on the hits'
 * times. Each alerts once per key per window ({@code output first every} with {@code group by}): the
 * chain of 12 threat-intel hits and one beacon is one alert, not 12. Besides {@code time} and
 * {@code message}, the {@code alert} rows carry {@code sourceIp}, {@code destinationIp},
 * {@code userName}, {@code hostName} and {@code evidence} (the joined hits' {@code event.id}s, i.e.
 * the alert ids) for the engine to turn into the alert's entities and evidence; the engine as of
 * this commit ignores them, so the message names the entities too.
 */
public final class BuiltInPack {
    public static final String INTRUSION_CHAIN = "fenghuo.correlation.intrusion_chain";
    public static final String C2_AFTER_THREAT_INTEL = "fenghuo.correlation.c2_after_threat_intel";
    public static final String ICS_WRITE_AFTER_REMOTE_SESSION = "fenghuo.correlation.ics_write_after_remote_session";
    public static final String DNS_TUNNEL_EXFILTRATION = "fenghuo.correlation.dns_tunnel_exfiltration";
    public static final String LATERAL_MOVEMENT = "fenghuo.correlation.lateral_movement";

    static final String SCAN_HORIZONTAL = "fenghuo.anomaly.port_scan.horizontal";
    static final String SCAN_VERTICAL = "fenghuo.anomaly.port_scan.vertical";
    static final String BRUTE_FORCE = "fenghuo.anomaly.brute_force";
    static final String LOGIN_AFTER_BRUTE_FORCE = "fenghuo.anomaly.brute_force.success";
    static final String IOC_PREFIX = "fenghuo.ioc.";
    static final String BEACONING = "fenghuo.anomaly.beaconing";
    static final String DNS_TUNNEL = "fenghuo.anomaly.dns_tunnel";
    static final String EGRESS_VOLUME = "fenghuo.anomaly.volume.egress";

    private static final AttackTechnique T1046 = new AttackTechnique("T1046", "Network Service Discovery");
    private static final AttackTechnique T1110 = new AttackTechnique("T1110", "Brute Force");
    private static final AttackTechnique T1078 = new AttackTechnique("T1078", "Valid Accounts");
    private static final AttackTechnique T1071 = new AttackTechnique("T1071", "Application Layer Protocol");
    private static final AttackTechnique T1071_004 = new AttackTechnique("T1071.004", "Application Layer Protocol: DNS");
    private static final AttackTechnique T1048 = new AttackTechnique("T1048", "Exfiltration Over Alternative Protocol");
    private static final AttackTechnique T1021 = new AttackTechnique("T1021", "Remote Services");
    private static final AttackTechnique T0886 = new AttackTechnique("T0886", "Remote Services");
    private static final AttackTechnique T0855 = new AttackTechnique("T0855", "Unauthorized Command Message");
    private static final AttackTechnique T0836 = new AttackTechnique("T0836", "Modify Parameter");

    public static final RuleInfo INTRUSION_CHAIN_RULE = new RuleInfo(INTRUSION_CHAIN,
            "Scan, brute force and successful login from one source", "1", Severity.CRITICAL,
            IncidentCategory.NETWORK_ATTACK, List.of(AttackTactic.RECONNAISSANCE, AttackTactic.DISCOVERY,
                    AttackTactic.CREDENTIAL_ACCESS, AttackTactic.INITIAL_ACCESS), List.of(T1046, T1110, T1078));
    public static final RuleInfo C2_AFTER_THREAT_INTEL_RULE = new RuleInfo(C2_AFTER_THREAT_INTEL,
            "Threat-intelligence hit followed by periodic beaconing", "1", Severity.CRITICAL,
            IncidentCategory.MALICIOUS_PROGRAM, List.of(AttackTactic.COMMAND_AND_CONTROL), List.of(T1071));
    /** ICS tactics (Lateral Movement TA0109, Impair Process Control TA0106) are not in {@code AttackTactic}: their Enterprise names. */
    public static final RuleInfo ICS_WRITE_AFTER_REMOTE_SESSION_RULE = new RuleInfo(ICS_WRITE_AFTER_REMOTE_SESSION,
            "Remote session to an engineering host followed by ICS writes to a critical asset", "1",
            Severity.CRITICAL, IncidentCategory.NETWORK_ATTACK,
            List.of(AttackTactic.LATERAL_MOVEMENT, AttackTactic.IMPACT), List.of(T1021, T0886, T0855, T0836));
    public static final RuleInfo DNS_TUNNEL_EXFILTRATION_RULE = new RuleInfo(DNS_TUNNEL_EXFILTRATION,
            "DNS tunnelling with unusual egress volume from one host", "1", Severity.HIGH,
            IncidentCategory.DATA_SECURITY, List.of(AttackTactic.COMMAND_AND_CONTROL, AttackTactic.EXFILTRATION),
            List.of(T1071_004, T1048));
    public static final RuleInfo LATERAL_MOVEMENT_RULE = new RuleInfo(LATERAL_MOVEMENT,
            "One internal host logging in to many others", "1", Severity.HIGH, IncidentCategory.NETWORK_ATTACK,
            List.of(AttackTactic.LATERAL_MOVEMENT), List.of(T1021, T1078));

    private BuiltInPack() {
    }

    /** The five rules, in a stable order. */
    public static List<EplRule> rules(PackSettings settings) {
        return List.of(intrusionChain(settings.intrusionWindow()), c2AfterThreatIntel(settings.c2Window()),
                icsWriteAfterRemoteSession(settings.icsWindow()),
                dnsTunnelExfiltration(settings.exfiltrationWindow()),
                lateralMovement(settings.lateralWindow(), settings.lateralMinHosts()));
    }

    /** The rule information of every rule, e.g. for an incident builder or the console's rule list. */
    public static List<RuleInfo> ruleInfos() {
        return List.of(INTRUSION_CHAIN_RULE, C2_AFTER_THREAT_INTEL_RULE, ICS_WRITE_AFTER_REMOTE_SESSION_RULE,
                DNS_TUNNEL_EXFILTRATION_RULE, LATERAL_MOVEMENT_RULE);
    }

    static EplRule intrusionChain(Duration window) {
        String w = span(window);
        String select = "select l.field('source.ip') as k, l.time as t,\n"
                + "  'scan, brute force and successful login from ' || l.field('source.ip')"
                + " || " + TEXT + "asUser(l.field('user.name'))"
                + " || ' within " + text(window) + ": ' || s.ruleName || ' at ' || " + iso("s.time")
                + " || ', brute force at ' || " + iso("b.time") + " || ', login at ' || " + iso("l.time")
                + messageEndAndColumns("l.field('source.ip')", "l.field('destination.ip')", "l.field('user.name')",
                        "l.field('host.name')", "s", "b", "l")
                + "from Hit(ruleId in ('" + SCAN_HORIZONTAL + "', '" + SCAN_VERTICAL + "'))#time(" + w + ") as s,\n"
                + "  Hit(ruleId = '" + BRUTE_FORCE + "')#time(" + w + ") as b,\n"
                + "  Hit(ruleId = '" + LOGIN_AFTER_BRUTE_FORCE + "')#time(" + w + ") as l\n"
                + "where s.field('source.ip') = b.field('source.ip') and b.field('source.ip') = l.field('source.ip')\n"
                + "  and s.time <= b.time and b.time <= l.time\n"
                + "order by s.time, b.time";
        return rule(INTRUSION_CHAIN_RULE, muted("Intrusion", select, window), window);
    }

    static EplRule c2AfterThreatIntel(Duration window) {
        String w = span(window);
        String select = "select b.field('source.ip') as k, b.time as t,\n"
                + "  b.field('source.ip') || ' beacons to ' || b.field('destination.ip')"
                + " || ' after a threat-intelligence hit (' || i.ruleName || ' at ' || " + iso("i.time")
                + " || ') within " + text(window) + "'"
                + messageEndAndColumns("b.field('source.ip')", "b.field('destination.ip')", "null", "null", "i", "b")
                + join("ruleId like '" + IOC_PREFIX + "%'", "i", "ruleId = '" + BEACONING + "'", "b", w)
                + "where i.field('source.ip') = b.field('source.ip') and i.time <= b.time\n"
                + "order by i.time";
        return rule(C2_AFTER_THREAT_INTEL_RULE, muted("C2", select, window), window);
    }

    static EplRule icsWriteAfterRemoteSession(Duration window) {
        String w = span(window);
        String start = "s.number('" + MarkerHits.SESSION_START + "')";
        String select = "select s.field('destination.ip') as k, max(s.time, wr.time) as t,\n"
                + "  'remote session from ' || s.field('source.ip') || ' to engineering host '"
                + " || s.field('destination.ip') || ':' || s.field('destination.port')"
                + " || ' (started ' || " + iso(start) + " || ') followed by ' || wr.field('fenghuo.ics.protocol')"
                + " || ' ' || coalesce(wr.field('fenghuo.ics.function'), 'write') || ' to critical asset '"
                + " || wr.field('destination.ip') || ' at ' || " + iso("wr.time")
                + messageEndAndColumns("s.field('source.ip')", "wr.field('destination.ip')", "null", "null", "s", "wr")
                + join("ruleId = '" + MarkerHits.REMOTE_SESSION + "'", "s", "ruleId = '" + MarkerHits.ICS_WRITE + "'",
                        "wr", w)
                + "where wr.field('source.ip') = s.field('destination.ip') and wr.time >= " + start + "\n"
                + "order by wr.time, s.time";
        return rule(ICS_WRITE_AFTER_REMOTE_SESSION_RULE, muted("Ics", select, window), window);
    }

    static EplRule dnsTunnelExfiltration(Duration window) {
        String w = span(window);
        String select = "select d.field('source.ip') as k, max(d.time, v.time) as t,\n"
                + "  d.field('source.ip') || ': DNS tunnelling at ' || " + iso("d.time")
                + " || ' and unusual egress volume at ' || " + iso("v.time") + " || ' within " + text(window) + "'"
                + messageEndAndColumns("d.field('source.ip')", "v.field('destination.ip')", "null", "null", "d", "v")
                + join("ruleId = '" + DNS_TUNNEL + "'", "d", "ruleId = '" + EGRESS_VOLUME + "'", "v", w)
                + "where d.field('source.ip') = v.field('source.ip')\n"
                + "order by d.time, v.time";
        return rule(DNS_TUNNEL_EXFILTRATION_RULE, muted("Exfil", select, window), window);
    }

    static EplRule lateralMovement(Duration window, int minHosts) {
        String w = span(window);
        String target = "coalesce(field('destination.ip'), field('host.name'), field('host.hostname'))";
        String select = "select field('source.ip') as k, time as t,\n"
                + "  field('source.ip') || ' logged in to ' || cast(count(distinct " + target + "), string)"
                + " || ' distinct hosts within " + text(window) + " (threshold " + minHosts + "), the latest '"
                + " || " + target + " || " + TEXT + "asUser(field('user.name'))"
                + " || " + entities("field('source.ip')", "null", "field('user.name')", "null") + " as message,\n"
                + "  field('source.ip') as sourceIp, cast(null, string) as destinationIp,"
                + " field('user.name') as userName, cast(null, string) as hostName,\n"
                + "  window(field('event.id')) as evidence\n"
                + "from Hit(ruleId = '" + MarkerHits.INTERNAL_AUTH + "')#time(" + w + ")\n"
                + "group by field('source.ip')\n"
                + "having count(distinct " + target + ") >= " + minHosts;
        return rule(LATERAL_MOVEMENT_RULE, muted("Lateral", select, window), window);
    }

    /**
     * The rule with twice its window as the replay span: a key muted at a match stays muted for one
     * window, and the match's earliest hit is up to one window older, so a restore must replay two
     * windows of hits to rebuild the mute (the engine restores no mute of a hand-written rule).
     */
    private static EplRule rule(RuleInfo info, String module, Duration window) {
        return new EplRule(info, module, window.multipliedBy(2));
    }

    /**
     * The module around {@code select} (columns {@code k} the key, {@code t} the time, then the alert's):
     * its rows go to {@code <p>_Match}; a table {@code <p>_Mute} lets the first match of a key through
     * to {@code alert} and mutes the key for one window. A table, not {@code output first every}:
     * that is not per key here, and an aggregated join posts rows again when hits leave its windows.
     * The mute is checked and set in one {@code on merge}, so two matches of one hit cannot both pass.
     * Watermarks ({@code Tick}) forget mutes that are over.
     */
    static String muted(String p, String select, Duration window) {
        long w = window.toMillis();
        String fire = "insert into " + p + "_Fire select m.t as time, m.message as message, m.sourceIp as sourceIp,"
                + " m.destinationIp as destinationIp, m.userName as userName, m.hostName as hostName,"
                + " m.evidence as evidence";
        return "create table " + p + "_Mute (k string primary key, mutedUntil long);\n"
                + "insert into " + p + "_Match " + select + ";\n"
                + "on " + p + "_Match as m merge " + p + "_Mute as u where u.k = m.k\n"
                + "  when not matched and m.k is not null then insert select m.k as k, m.t + " + w + " as mutedUntil\n"
                + "    then " + fire + "\n"
                + "  when matched and u.mutedUntil < m.t then update set u.mutedUntil = m.t + " + w + "\n"
                + "    then " + fire + ";\n"
                + "on Tick as tick delete from " + p + "_Mute as u where u.mutedUntil < tick.time;\n"
                + "@name('alert') select * from " + p + "_Fire";
    }

    /** {@code from} two {@code Hit} streams, each filtered and in a {@code #time(span)} window. */
    private static String join(String first, String firstAlias, String second, String secondAlias, String span) {
        return "from Hit(" + first + ")#time(" + span + ") as " + firstAlias + ",\n  Hit(" + second + ")#time(" + span
                + ") as " + secondAlias + "\n";
    }

    /**
     * The end of a join's message ({@code [source.ip=... ...]}), then the columns for the entities and
     * the evidence (the joined hits' event ids).
     */
    private static String messageEndAndColumns(String source, String destination, String user, String host,
            String... aliases) {
        StringBuilder evidence = new StringBuilder();
        for (String a : aliases) {
            evidence.append(evidence.length() == 0 ? "" : ", ").append(a).append(".field('event.id')");
        }
        return " || " + entities(source, destination, user, host) + " as message,\n"
                + "  " + source + " as sourceIp, " + nullable(destination) + " as destinationIp, " + nullable(user)
                + " as userName, " + nullable(host) + " as hostName,\n"
                + "  {" + evidence + "} as evidence\n";
    }

    private static String nullable(String expression) {
        return "null".equals(expression) ? "cast(null, string)" : expression;
    }

    /**
     * An EPL time period in milliseconds, one more than the window: {@code #time(W)} drops a hit when
     * it is W old, and both ends of [t - W, t] must count.
     */
    static String span(Duration d) {
        return (d.toMillis() + 1) + " msec";
    }

    private static String text(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static final String TEXT = PackText.class.getName() + ".";

    /** An EPL expression formatting epoch millis as ISO-8601 UTC. */
    private static String iso(String millis) {
        return TEXT + "iso(" + millis + ")";
    }

    /** An EPL expression giving the {@code [source.ip=... ...]} end of a message. */
    private static String entities(String source, String destination, String user, String host) {
        return TEXT + "entities(" + source + ", " + destination + ", " + user + ", " + host + ")";
    }
}
