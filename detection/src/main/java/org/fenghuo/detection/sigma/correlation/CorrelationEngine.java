package org.fenghuo.detection.sigma.correlation;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/**
 * Runs Sigma correlations over {@link RuleHit}s in event-time order: a deterministic state machine
 * with no wall clock and no threads, so a Flink keyed operator can host it.
 *
 * <p>For each correlation and group-by key it keeps the hits of the last {@code timespan} (a
 * sliding window [t - timespan, t] ending at the newest hit t, both ends included) and tests the
 * condition each time a hit arrives. On a match it emits one alert, forgets the window's hits (they
 * never count again) and mutes the key for one timespan: at most one alert per key per timespan.
 * A correlation another correlation refers to feeds that one a hit (its id and name, the match
 * time, the event that completed it) instead of alerting, unless the referring correlation has
 * {@code generate: true}.
 *
 * <p>The clock is the latest hit (minus the allowed lateness) or watermark; older hits are counted
 * and dropped. With a lateness, hits wait in a bounded buffer until the newest hit seen is that much
 * past them and are then fed in time order, so slightly out-of-order input (syslog from several
 * hosts) still correlates. Keys idle for a timespan are forgotten as the clock moves.
 * Single-threaded.
 */
public final class CorrelationEngine {
    /** Chains deeper than this are cut (the loader already rejects cycles). */
    private static final int MAX_CHAIN_DEPTH = 16;

    /** A correlation referring to a rule: which correlation, and the rule's index in its {@code rules}. */
    private record Target(CompiledCorrelation correlation, int ruleIndex) {
    }

    /** A held-back hit; {@code seq} keeps hits of the same millisecond in arrival order. */
    private record Held(long millis, long seq, RuleHit hit) {
    }

    private static final Comparator<Held> HELD_ORDER = Comparator.comparingLong(Held::millis)
            .thenComparingLong(Held::seq);

    private final List<CompiledCorrelation> compiled = new ArrayList<>();
    private final Map<String, List<Target>> byReference = new HashMap<>();
    private final Consumer<Alert> alerts;
    private final Counters counters = new Counters();
    /** Matches of windows closed by the current clock tick, fed on once every correlation has advanced. */
    private final List<Decided> decided = new ArrayList<>();
    private final Map<CompiledCorrelation, Consumer<CompiledCorrelation.Match>> deciders = new IdentityHashMap<>();
    private long clock = Long.MIN_VALUE;
    private final long latenessMillis;
    private final int maxHeld;
    private final PriorityQueue<Held> held = new PriorityQueue<>(HELD_ORDER);
    private long newest = Long.MIN_VALUE;
    private long heldSeq;

    /** The correlations (as loaded by {@link CorrelationLoader}) with the default limits. */
    public CorrelationEngine(List<SigmaCorrelation> correlations, Consumer<Alert> alerts) {
        this(correlations, CorrelationLimits.DEFAULT, alerts);
    }

    public CorrelationEngine(List<SigmaCorrelation> correlations, CorrelationLimits limits, Consumer<Alert> alerts) {
        this.alerts = alerts;
        this.latenessMillis = saturatedMillis(limits.allowedLateness());
        this.maxHeld = limits.maxBufferedHits();
        Set<SigmaCorrelation> chained = new HashSet<>();
        Set<SigmaCorrelation> generated = new HashSet<>();
        for (SigmaCorrelation c : correlations) {
            for (SigmaCorrelation other : correlations) {
                if (other != c && other.rules().stream().anyMatch(c::isReferencedBy)) {
                    chained.add(c);
                    if (other.generate()) {
                        generated.add(c);
                    }
                }
            }
        }
        for (SigmaCorrelation c : correlations) {
            CompiledCorrelation cc = new CompiledCorrelation(c, !chained.contains(c) || generated.contains(c), limits,
                    counters);
            compiled.add(cc);
            for (int i = 0; i < c.rules().size(); i++) {
                List<Target> targets = byReference.computeIfAbsent(c.rules().get(i), k -> new ArrayList<>());
                int index = i;
                if (targets.stream().noneMatch(t -> t.correlation() == cc)) {
                    targets.add(new Target(cc, index));
                }
            }
        }
    }

    /**
     * One hit; hits must come in time order up to the allowed lateness (an older one than the clock
     * is counted and dropped).
     */
    public void accept(RuleHit hit) {
        if (hit.timestamp() == null || hit.event() == null) {
            counters.untimed++;
            return;
        }
        long t = millis(hit.timestamp());
        if (t < clock) {
            counters.outOfOrder++;
            return;
        }
        counters.hits++;
        if (latenessMillis == 0) {
            feed(t, hit);
            return;
        }
        held.add(new Held(t, heldSeq++, hit));
        if (held.size() > maxHeld) {
            // full: the oldest (maybe this very hit) goes now rather than be lost; later hits older than it will be
            counters.lateBufferOverflows++;
            Held oldest = held.poll();
            feed(oldest.millis(), oldest.hit());
        }
        newest = Math.max(newest, t);
        release(newest < Long.MIN_VALUE + latenessMillis ? Long.MIN_VALUE : newest - latenessMillis);
    }

    /** Feeds the held-back hits at or before {@code until} in time order, then moves the clock there. */
    private void release(long until) {
        while (!held.isEmpty() && held.peek().millis() <= until) {
            Held h = held.poll();
            feed(h.millis(), h.hit());
        }
        advance(until);
    }

    private void feed(long t, RuleHit hit) {
        advance(t);
        if (!dispatch(hit.ruleId(), hit.ruleName(), t, hit.event(), 0)) {
            counters.unreferenced++;
        }
    }

    /** No hit older than {@code watermark} will come: held-back hits before it are fed, idle keys forgotten. */
    public void advanceWatermark(Instant watermark) {
        release(millis(watermark));
    }

    /** Epoch millis, saturated for the instants a long cannot hold (Instant.MAX as "end of time"). */
    private static long millis(Instant i) {
        try {
            return i.toEpochMilli();
        } catch (ArithmeticException e) {
            return i.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long saturatedMillis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** End of input: the open deferred windows are decided, then every key is forgotten. */
    public void finish() {
        release(Long.MAX_VALUE);
    }

    private void advance(long t) {
        if (t <= clock) {
            return;
        }
        clock = t;
        // decide every correlation's closed windows before feeding any decision to a chained one, so a
        // chained hit never lands in a window that the same clock tick is about to close
        while (true) {
            for (CompiledCorrelation c : compiled) {
                c.advance(t, decider(c));
            }
            if (decided.isEmpty()) {
                return;
            }
            List<Decided> now = new ArrayList<>(decided);
            decided.clear();
            for (Decided d : now) {
                matched(d.correlation(), d.match(), 0);
            }
            // again: at the end of input a chained hit may have opened a window this tick also closes
        }
    }

    private record Decided(CompiledCorrelation correlation, CompiledCorrelation.Match match) {
    }

    private Consumer<CompiledCorrelation.Match> decider(CompiledCorrelation c) {
        return deciders.computeIfAbsent(c, k -> m -> decided.add(new Decided(k, m)));
    }

    private boolean dispatch(String ruleId, String ruleName, long t, SecurityEvent event, int depth) {
        List<Target> byId = ruleId == null ? null : byReference.get(ruleId);
        List<Target> byName = ruleName == null ? null : byReference.get(ruleName);
        if (byId != null) {
            for (Target target : byId) {
                hit(target, t, event, depth);
            }
        }
        if (byName != null) {
            for (Target target : byName) {
                // a correlation listing a rule by id and by name sees each hit once
                if (byId == null || !refersTo(byId, target.correlation())) {
                    hit(target, t, event, depth);
                }
            }
        }
        return byId != null || byName != null;
    }

    private void hit(Target target, long t, SecurityEvent event, int depth) {
        CompiledCorrelation.Match m = target.correlation().onHit(target.ruleIndex(), t, event);
        if (m != null) {
            matched(target.correlation(), m, depth);
        }
    }

    private static boolean refersTo(List<Target> targets, CompiledCorrelation c) {
        for (Target t : targets) {
            if (t.correlation() == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * Publishes a match and feeds it to the correlations chained on it, as a hit at the clock time
     * it was decided (the match's own time at the end of input).
     */
    private void matched(CompiledCorrelation c, CompiledCorrelation.Match m, int depth) {
        counters.alerts++;
        if (c.emits) {
            counters.emitted++;
            alerts.accept(m.alert());
        }
        if (depth < MAX_CHAIN_DEPTH) {
            long t = clock == Long.MAX_VALUE ? m.millis() : clock;
            dispatch(c.rule.ruleId(), c.rule.name(), t, m.trigger(), depth + 1);
        }
    }

    public CorrelationStats stats() {
        long keys = 0;
        for (CompiledCorrelation c : compiled) {
            keys += c.keys();
        }
        return counters.snapshot(keys);
    }

    /** Deferred windows waiting for their close, over all correlations (for tests of the bounds). */
    int pendingCloses() {
        int n = 0;
        for (CompiledCorrelation c : compiled) {
            n += c.pendingCloses();
        }
        return n;
    }

    /**
     * Publishes the counters as {@code fenghuo.detection.sigma.correlation.*} meters (read when
     * scraped, nothing added on the hot path).
     */
    public void bindTo(MeterRegistry registry) {
        counter(registry, "hits", "hits accepted", s -> s.hits);
        counter(registry, "dropped", "hits dropped: no timestamp or older than the clock",
                s -> s.untimed + s.outOfOrder);
        counter(registry, "skipped", "hits skipped: a group-by or condition field is missing",
                s -> s.missingGroupBy + s.missingValue);
        counter(registry, "alerts", "alerts published", s -> s.emitted);
        counter(registry, "evictions", "keys and hits dropped at the limits", s -> s.keyEvictions + s.hitEvictions);
        counter(registry, "late.overflows", "hits fed before their lateness passed: the late buffer was full",
                s -> s.lateBufferOverflows);
        Gauge.builder("fenghuo.detection.sigma.correlation.keys", this, e -> e.stats().keys())
                .description("group-by keys held").register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<Counters> f) {
        FunctionCounter.builder("fenghuo.detection.sigma.correlation." + name, counters, f)
                .description(description).register(registry);
    }
}
