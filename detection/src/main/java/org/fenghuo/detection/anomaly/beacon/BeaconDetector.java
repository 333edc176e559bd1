package org.fenghuo.detection.anomaly.beacon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.detection.anomaly.support.DetectorMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
 * Periodic beaconing: an implant calling its controller on a timer opens connections to the same
 * destination at nearly constant intervals, usually with nearly constant sizes; people and most
 * software do not. Keyed by {@code source.ip}; per (destination, port) pair it keeps the newest
 * connection starts ({@code event.start}, else {@code @timestamp}) of flow events
 * ({@code event.dataset} ending in {@code .flow}) and, once {@code min_connections} fall inside
 * {@code window}, judges the intervals between them by MAD / median (see {@link Regularity}).
 *
 * <p>ATT&CK T1071 (Application Layer Protocol): the periodicity is what C2 over any application
 * protocol looks like; we cannot tell whether the channel is encrypted (T1573), so we do not
 * claim it. GB/T 20986 {@link IncidentCategory#MALICIOUS_PROGRAM}: a host that beacons almost always
 * runs a trojan or bot, whose incidents the standard files as malicious-program incidents.
 */
public final class BeaconDetector implements KeyedDetector<BeaconState> {
    public static final String ID = "fenghuo.anomaly.beaconing";
    private static final String NAME = "Periodic beaconing to one destination";
    private static final List<AttackTactic> TACTICS = List.of(AttackTactic.COMMAND_AND_CONTROL);
    private static final List<AttackTechnique> TECHNIQUES =
            List.of(new AttackTechnique("T1071", "Application Layer Protocol"));
    /** Regular intervals only. */
    static final RuleInfo RULE = new RuleInfo(ID, NAME, "1", Severity.MEDIUM, IncidentCategory.MALICIOUS_PROGRAM,
            TACTICS, TECHNIQUES);
    /** Regular intervals and regular sizes: the classic idle check-in. */
    static final RuleInfo RULE_SIZED = new RuleInfo(ID, NAME, "1", Severity.HIGH, IncidentCategory.MALICIOUS_PROGRAM,
            TACTICS, TECHNIQUES);

    private final BeaconConfig config;
    private final long windowMillis;
    private final long minIntervalMillis;
    private final long suppressMillis;
    private final Set<Integer> ignoredPorts;
    private final Set<String> ignoredDestinations;
    private final DetectorMetrics metrics;
    private final Counter evicted;

    public BeaconDetector(BeaconConfig config, MeterRegistry registry) {
        this.config = config;
        this.windowMillis = config.window().toMillis();
        this.minIntervalMillis = config.minInterval().toMillis();
        this.suppressMillis = config.suppress().toMillis();
        this.ignoredPorts = Set.copyOf(config.ignoreDestinationPorts());
        this.ignoredDestinations = Set.copyOf(config.ignoreDestinations());
        this.metrics = DetectorMetrics.of(registry, ID);
        this.evicted = metrics.overflow("pairs");
    }

    /** With its counters in a registry of its own. */
    public BeaconDetector(BeaconConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String key(SecurityEvent e) {
        if (e.event() == null || e.event().dataset() == null || !e.event().dataset().endsWith(".flow")
                || e.source() == null || e.source().ip() == null || e.destination() == null
                || e.destination().ip() == null) {
            return null;
        }
        Integer port = e.destination().port();
        boolean ignored = (port != null && ignoredPorts.contains(port))
                || (!ignoredDestinations.isEmpty()
                        && ignoredDestinations.contains(e.destination().ip().toLowerCase(Locale.ROOT)));
        return ignored ? null : e.source().ip();
    }

    @Override
    public BeaconState newState() {
        return new BeaconState();
    }

    @Override
    public void onEvent(SecurityEvent e, BeaconState state, DetectorContext context) {
        long eventMillis = e.timestamp().toEpochMilli();
        long start = e.event().start() != null ? e.event().start().toEpochMilli() : eventMillis;
        Integer port = config.byDestinationPort() ? e.destination().port() : null;
        String pairKey = port == null ? e.destination().ip() : e.destination().ip() + "|" + port;
        PairHistory pair = state.pairs.get(pairKey);
        if (pair == null) {
            if (state.pairs.size() >= config.maxPairsPerSource() && state.evictOne()) {
                evicted.increment();
            }
            pair = new PairHistory(e.destination().ip(), port, config.maxTimestamps());
            state.pairs.put(pairKey, pair);
        }
        pair.add(start, bytes(e), e.event().id());
        pair.lastEventMillis = Math.max(pair.lastEventMillis, eventMillis);
        state.lastEventMillis = Math.max(state.lastEventMillis, eventMillis);
        if (state.timerMillis == Long.MIN_VALUE) {
            state.timerMillis = state.lastEventMillis + windowMillis;
            context.registerTimer(state.timerMillis);
        }
        judge(e, pair, context);
    }

    /** Expiry: pairs idle for a window are forgotten; a source with none left is forgotten entirely. */
    @Override
    public void onTimer(long timerMillis, BeaconState state, DetectorContext context) {
        if (timerMillis != state.timerMillis) {
            // a timer outliving cleared state (as in Flink) meets fresh state: do not let it keep the key
            if (state.pairs.isEmpty()) {
                context.clearState();
            }
            return;
        }
        state.pruneIdle(timerMillis - windowMillis);
        if (state.pairs.isEmpty()) {
            context.clearState();
            return;
        }
        state.timerMillis = state.lastEventMillis + windowMillis;
        context.registerTimer(state.timerMillis);
    }

    private void judge(SecurityEvent e, PairHistory pair, DetectorContext context) {
        if (pair.size < config.minConnections()) {
            return;
        }
        int from = pair.firstInWindow(windowMillis);
        int n = pair.size - from;
        if (n < config.minConnections()) {
            return;
        }
        long newest = pair.starts[pair.size - 1];
        if (pair.lastAlertMillis != Long.MIN_VALUE && newest - pair.lastAlertMillis < suppressMillis) {
            return;
        }
        double[] intervals = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            intervals[i] = pair.starts[from + i + 1] - pair.starts[from + i];
        }
        Regularity.Spread timing = Regularity.of(intervals, n - 1);
        if (timing.median() < minIntervalMillis || timing.madRatio() > config.maxIntervalMadRatio()) {
            return;
        }
        double[] sizes = new double[n];
        int known = 0;
        for (int i = from; i < pair.size; i++) {
            if (pair.sizes[i] != PairHistory.NO_SIZE) {
                sizes[known++] = pair.sizes[i];
            }
        }
        // sizes count only when most connections reported them
        Regularity.Spread volume = known * 2 >= n ? Regularity.of(sizes, known) : null;
        boolean regularSize = volume != null && volume.madRatio() <= config.maxSizeMadRatio();
        if (config.requireRegularSize() && !regularSize) {
            return;
        }
        pair.lastAlertMillis = newest;
        metrics.alert();
        String source = e.source().ip();
        String message = String.format(Locale.ROOT,
                "%s -> %s%s: %d connections every %.1f s (interval MAD/median %.3f)%s within %s",
                source, pair.destinationIp, pair.destinationPort == null ? "" : ":" + pair.destinationPort, n,
                timing.median() / 1000, timing.madRatio(),
                volume == null ? ", sizes unknown"
                        : String.format(Locale.ROOT, ", %.0f bytes each (size MAD/median %.3f)", volume.median(),
                                volume.madRatio()),
                config.window());
        context.emit(Alerts.of(regularSize ? RULE_SIZED : RULE, e.timestamp(), evidence(pair, from),
                Entities.of(source, pair.destinationIp, null, null), message));
    }

    private static List<String> evidence(PairHistory pair, int from) {
        return Arrays.stream(pair.ids, from, pair.size).filter(Objects::nonNull).toList();
    }

    /** Bytes both ways ({@code source.bytes + destination.bytes}, else {@code network.bytes}). */
    private static long bytes(SecurityEvent e) {
        Long out = e.source().bytes();
        Long in = e.destination().bytes();
        if (out != null || in != null) {
            return (out == null ? 0 : out) + (in == null ? 0 : in);
        }
        return e.network() != null && e.network().bytes() != null ? e.network().bytes() : PairHistory.NO_SIZE;
    }
}
