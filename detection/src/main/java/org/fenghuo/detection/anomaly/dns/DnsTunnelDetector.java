package org.fenghuo.detection.anomaly.dns;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.detection.anomaly.support.DetectorMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.anomaly.DetectorContext;
import org.fenghuo.detection.anomaly.KeyedDetector;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;

/**
 * DNS tunnelling: data encoded into query names under one parent domain whose name server the
 * attacker runs (iodine, dnscat2, DNS exfiltration in malware). Keyed by {@code source.ip} and the
 * parent ({@link RegisteredDomain}); counts DNS queries ({@code dns.question.name} with
 * {@code dns.type} {@code query} or unset) in a tumbling window and scores five signs (see
 * {@link DnsTunnelConfig}): many distinct subdomains, long subdomains, high character entropy, many
 * queries, payload-carrying query types. One alert per source and parent per window.
 *
 * <p>ATT&CK T1071.004 (Application Layer Protocol: DNS, the C2 channel) and T1048 (Exfiltration Over
 * Alternative Protocol). GB/T 20986 {@link IncidentCategory#NETWORK_ATTACK}: a covert channel
 * through the resolvers is an attack on the network's controls; that data left is not proven, so not
 * a data-security incident until correlation adds the egress volume.
 */
public final class DnsTunnelDetector implements KeyedDetector<DnsTunnelState> {
    public static final String ID = "fenghuo.anomaly.dns_tunnel";
    static final RuleInfo RULE = new RuleInfo(ID, "DNS tunnelling under one parent domain", "1", Severity.HIGH,
            IncidentCategory.NETWORK_ATTACK, List.of(AttackTactic.COMMAND_AND_CONTROL, AttackTactic.EXFILTRATION),
            List.of(new AttackTechnique("T1071.004", "Application Layer Protocol: DNS"),
                    new AttackTechnique("T1048", "Exfiltration Over Alternative Protocol")));

    private final DnsTunnelConfig config;
    private final long windowMillis;
    private final Set<String> tunnelTypes;
    private final Set<String> ignoredParents;
    private final Counter saturated;
    private final DetectorMetrics metrics;

    public DnsTunnelDetector(DnsTunnelConfig config, MeterRegistry registry) {
        this.config = config;
        this.windowMillis = config.window().toMillis();
        this.tunnelTypes = Set.copyOf(config.tunnelTypes());
        this.ignoredParents = Set.copyOf(config.ignoreParents());
        this.metrics = DetectorMetrics.of(registry, ID);
        this.saturated = metrics.overflow("subdomains");
    }

    /** With its counters in a registry of its own. */
    public DnsTunnelDetector(DnsTunnelConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    @Override
    public String id() {
        return ID;
    }

    /** {@code source.ip|parent}, or null for events that are not DNS queries with a usable name. */
    @Override
    public String key(SecurityEvent e) {
        if (e.dns() == null || e.source() == null || e.source().ip() == null
                || (e.dns().type() != null && !e.dns().type().equalsIgnoreCase("query"))) {
            return null;
        }
        String parent = RegisteredDomain.of(e.dns().questionName());
        return parent == null || ignoredParents.contains(parent) ? null : e.source().ip() + "|" + parent;
    }

    @Override
    public DnsTunnelState newState() {
        return new DnsTunnelState();
    }

    @Override
    public void onEvent(SecurityEvent e, DnsTunnelState state, DetectorContext context) {
        long t = e.timestamp().toEpochMilli();
        if (state.windowStart == DnsTunnelState.NONE || t >= state.windowStart + windowMillis) {
            if (state.windowStart != DnsTunnelState.NONE) {
                context.deleteTimer(state.windowStart + windowMillis);
            }
            state.reset(t);
            context.registerTimer(t + windowMillis);
        }
        String key = context.key();
        String parent = key.substring(key.indexOf('|') + 1);
        String sub = RegisteredDomain.subdomain(RegisteredDomain.normalise(e.dns().questionName()), parent);
        count(e, sub, state);
        if (!state.alerted && state.queries >= config.minQueries()) {
            judge(e, parent, state, context);
        }
    }

    /** The window is over: windows are independent, so nothing is carried to the next one. */
    @Override
    public void onTimer(long timerMillis, DnsTunnelState state, DetectorContext context) {
        // also a stale timer meeting fresh state (as in Flink, timers outlive cleared state): no key kept for it
        if (state.windowStart == DnsTunnelState.NONE || timerMillis == state.windowStart + windowMillis) {
            context.clearState();
        }
    }

    private void count(SecurityEvent e, String sub, DnsTunnelState state) {
        state.queries++;
        if (state.evidence.size() < DnsTunnelState.MAX_EVIDENCE && e.event() != null && e.event().id() != null) {
            state.evidence.add(e.event().id());
        }
        String type = e.dns().questionType();
        if (type != null && tunnelTypes.contains(type.toLowerCase(Locale.ROOT))) {
            state.tunnelTypes++;
        }
        if (sub.length() >= config.longSubdomainLength()) {
            state.longNames++;
        }
        if (!sub.isEmpty()) {
            state.withSubdomain++;
            state.entropySum += RegisteredDomain.entropy(sub);
        }
        if (state.subdomainHashes.size() < config.maxTrackedSubdomains()) {
            state.subdomainHashes.add(fnv64(sub));
        } else if (!state.saturated) {
            state.saturated = true;
            saturated.increment();
        }
    }

    private void judge(SecurityEvent e, String parent, DnsTunnelState state, DetectorContext context) {
        double longFraction = (double) state.longNames / state.queries;
        double meanEntropy = state.withSubdomain == 0 ? 0 : state.entropySum / state.withSubdomain;
        double typeFraction = (double) state.tunnelTypes / state.queries;
        int score = (state.uniqueSubdomains() >= config.minUniqueSubdomains() ? 2 : 0)
                + (longFraction >= config.minLongFraction() ? 1 : 0)
                + (meanEntropy >= config.minMeanEntropy() ? 1 : 0)
                + (state.queries >= config.highQueryCount() ? 1 : 0)
                + (typeFraction >= config.minTunnelTypeFraction() ? 1 : 0);
        if (score < config.minScore()) {
            return;
        }
        state.alerted = true;
        metrics.alert();
        String source = e.source().ip();
        String message = String.format(Locale.ROOT,
                "%s: %d queries under %s within %s: %d%s distinct subdomains, %.0f%% of %d+ characters, "
                        + "mean entropy %.2f bits/char, %.0f%% of types %s (score %d of %d)",
                source, state.queries, parent, config.window(), state.uniqueSubdomains(), state.saturated ? "+" : "",
                longFraction * 100, config.longSubdomainLength(), meanEntropy, typeFraction * 100,
                config.tunnelTypes(), score, DnsTunnelConfig.MAX_SCORE);
        String resolver = e.destination() == null ? null : e.destination().ip();
        context.emit(Alerts.of(RULE, e.timestamp(), List.copyOf(state.evidence),
                Entities.of(source, resolver, null, null), message));
    }

    /** FNV-1a, 64 bits: distinct names to distinct numbers with negligible collisions, stable across runs. */
    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
