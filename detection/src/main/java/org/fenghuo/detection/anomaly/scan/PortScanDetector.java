package org.fenghuo.detection.anomaly.scan;

import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.anomaly.DetectorContext;
import org.fenghuo.detection.anomaly.KeyedDetector;
import org.fenghuo.detection.anomaly.support.DetectorMetrics;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;

/**
 * Port scans from connection records, keyed by {@code source.ip}. Horizontal: one source probing
 * the same destination port on at least {@code minHosts} hosts within the window; vertical: one
 * source probing at least {@code minPorts} ports of one host. Only probes count (see
 * {@link ConnectionOutcome}) unless {@code countCompleted}. One alert per source per window: after
 * an alert the source is quiet for one window, then alerts again if it goes on.
 */
public final class PortScanDetector implements KeyedDetector<ScanState> {
    /** Which scan shape this instance looks for. */
    public enum Kind {
        HORIZONTAL("fenghuo.anomaly.port_scan.horizontal", "Horizontal port scan (one port, many hosts)",
                List.of(AttackTactic.DISCOVERY, AttackTactic.RECONNAISSANCE),
                List.of(new AttackTechnique("T1046", "Network Service Discovery"),
                        new AttackTechnique("T1595.001", "Scanning IP Blocks"))),
        VERTICAL("fenghuo.anomaly.port_scan.vertical", "Vertical port scan (one host, many ports)",
                List.of(AttackTactic.DISCOVERY),
                List.of(new AttackTechnique("T1046", "Network Service Discovery")));

        private final RuleInfo rule;

        Kind(String id, String name, List<AttackTactic> tactics, List<AttackTechnique> techniques) {
            this.rule = new RuleInfo(id, name, "1", Severity.MEDIUM, IncidentCategory.NETWORK_ATTACK, tactics,
                    techniques);
        }

        public RuleInfo rule() {
            return rule;
        }
    }

    private static final int SHOWN_TARGETS = 10;

    private final Kind kind;
    private final PortScanConfig config;
    private final long windowMillis;
    private final int threshold;
    private final DetectorMetrics metrics;
    private final Counter targetsNotKept;
    private final Counter groupsDropped;

    public PortScanDetector(Kind kind, PortScanConfig config) {
        this(kind, config, DetectorMetrics.none(kind.rule.id()));
    }

    public PortScanDetector(Kind kind, PortScanConfig config, DetectorMetrics metrics) {
        this.kind = kind;
        this.metrics = metrics;
        this.targetsNotKept = metrics.overflow("targets");
        this.groupsDropped = metrics.overflow("groups");
        this.config = config;
        this.windowMillis = config.window().toMillis();
        this.threshold = kind == Kind.HORIZONTAL ? config.minHosts() : config.minPorts();
    }

    public static PortScanDetector horizontal(PortScanConfig config) {
        return new PortScanDetector(Kind.HORIZONTAL, config);
    }

    public static PortScanDetector vertical(PortScanConfig config) {
        return new PortScanDetector(Kind.VERTICAL, config);
    }

    @Override
    public String id() {
        return kind.rule.id();
    }

    public RuleInfo rule() {
        return kind.rule;
    }

    /** The source of a probe (or of a completed connection when those count); null for anything else. */
    @Override
    public String key(SecurityEvent e) {
        if (e.source() == null || e.source().ip() == null || e.destination() == null
                || e.destination().ip() == null || e.destination().port() == null
                || e.event() == null || !config.datasets().contains(e.event().dataset())) {
            return null;
        }
        ConnectionOutcome outcome = ConnectionOutcome.of(e, e.event().dataset());
        boolean counts = outcome == ConnectionOutcome.PROBE
                || outcome == ConnectionOutcome.COMPLETED && config.countCompleted();
        // normal traffic gets no key, so it costs no state
        return counts && !config.ignoredSources().contains(e.source().ip()) ? e.source().ip() : null;
    }

    @Override
    public ScanState newState() {
        return new ScanState();
    }

    /** One event {@link #key} accepted: a probe (or a counted completed connection). */
    @Override
    public void onEvent(SecurityEvent e, ScanState state, DetectorContext context) {
        long t = e.timestamp().toEpochMilli();
        String port = Integer.toString(e.destination().port());
        String host = e.destination().ip();
        String groupName = kind == Kind.HORIZONTAL ? port : host;
        String target = kind == Kind.HORIZONTAL ? host : port;
        long dropped = state.groupsDropped;
        ScanState.Group g = state.group(groupName, config.maxGroups());
        if (state.groupsDropped != dropped) {
            groupsDropped.increment();
        }
        g.prune(t - windowMillis);
        ScanState.Seen before = g.targets.remove(target);
        String eventId = e.event().id();
        if (before != null) {
            // keep the newer time (events may be a little out of order) and the first evidence id
            g.targets.put(target, new ScanState.Seen(Math.max(before.millis(), t),
                    before.eventId() != null ? before.eventId() : eventId));
        } else if (g.targets.size() < config.maxTargets()) {
            g.targets.put(target, new ScanState.Seen(t, eventId));
        } else {
            g.notKept++;
            targetsNotKept.increment();
        }
        state.timer.extendTo(t + windowMillis, context);
        if (g.targets.size() >= threshold) {
            if (t >= state.suppressedUntil) {
                state.suppressedUntil = t + windowMillis;
                metrics.alert();
                context.emit(alert(e, context.key(), groupName, g));
            } else {
                metrics.suppressed();
            }
        }
    }

    @Override
    public void onTimer(long timerMillis, ScanState state, DetectorContext context) {
        // the expiry is the last probe + window: every target and the suppression are over by then
        if (state.timer.expired(timerMillis, context)) {
            context.clearState();
        }
    }

    private org.fenghuo.events.Alert alert(SecurityEvent e, String source, String group, ScanState.Group g) {
        List<String> ids = new ArrayList<>(Math.min(g.targets.size(), Alerts.MAX_EVIDENCE));
        List<String> shown = new ArrayList<>(SHOWN_TARGETS);
        for (var entry : g.targets.entrySet()) {
            if (entry.getValue().eventId() != null && ids.size() < Alerts.MAX_EVIDENCE) {
                ids.add(entry.getValue().eventId());
            }
            if (shown.size() < SHOWN_TARGETS) {
                shown.add(entry.getKey());
            }
        }
        int distinct = g.targets.size();
        String more = (distinct > shown.size() ? ", ..." : "") + (g.notKept > 0 ? " (+" + g.notKept
                + " probes of targets not kept)" : "");
        Entities entities;
        String message;
        long seconds = config.window().toSeconds();
        if (kind == Kind.HORIZONTAL) {
            List<String> hosts = new ArrayList<>(g.targets.keySet());
            entities = new Entities(List.of(source), hosts.size() > Alerts.MAX_EVIDENCE
                    ? hosts.subList(0, Alerts.MAX_EVIDENCE) : hosts, List.of(), List.of());
            message = "horizontal port scan: " + source + " probed port " + group + " on " + distinct
                    + " hosts within " + seconds + " s (threshold " + threshold + "): " + String.join(", ", shown) + more;
        } else {
            entities = Entities.of(source, group, null, null);
            message = "vertical port scan: " + source + " probed " + distinct + " ports of " + group + " within "
                    + seconds + " s (threshold " + threshold + "): " + String.join(", ", shown) + more;
        }
        return Alerts.of(kind.rule, e.timestamp(), ids, entities, message);
    }
}
