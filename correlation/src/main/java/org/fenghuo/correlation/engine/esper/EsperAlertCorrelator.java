package org.fenghuo.correlation.engine.esper;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.context.ContextPartitionSelectorAll;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.fenghuo.correlation.engine.AlertCorrelator;
import org.fenghuo.correlation.engine.EplRule;
import org.fenghuo.correlation.engine.PendingHits;
import org.fenghuo.correlation.engine.Rejection;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;

/**
 * {@link AlertCorrelator} on one Esper runtime whose clock is event time: internal timer off, the
 * clock moved by each hit's time and by watermarks ({@code advanceTime}), so windows and
 * terminations follow the data, never the wall clock, and a replay decides the same way.
 *
 * <p>Sigma correlations are compiled by {@link SigmaToEpl}, one module each; hand-written
 * statements ({@link EplRule}) are deployed as given and read the {@code Hit} stream. A module that
 * does not compile or deploy is rejected with the compiler's message; the others run.
 *
 * <p>The mute after an alert (one per key per timespan) is {@link Mutes}, not EPL: it is the one
 * piece of state a replay of hits cannot rebuild (it depends on hits before the window), so the
 * snapshot carries it as data. Single-threaded.
 */
public final class EsperAlertCorrelator implements AlertCorrelator {
    private static final AtomicLong RUNTIMES = new AtomicLong();

    /** A deployed Sigma correlation. */
    private record SigmaPlan(SigmaEpl epl, SigmaAlerts alerts, long spanMillis, Set<String> references,
            EPStatement out) {
    }

    /** A deployed hand-written rule. */
    private record EplPlan(EplRule rule, long spanMillis) {
    }

    /** An accepted hit kept while it is inside the longest window. */
    private record Accepted(RuleHit hit, long millis) {
    }

    private final EPRuntime runtime;
    private final EPEventService events;
    private final Consumer<Alert> sink;
    private final List<Rejection> rejected = new ArrayList<>();
    private final List<SigmaPlan> sigma = new ArrayList<>();
    private final List<EplPlan> epl = new ArrayList<>();
    private final Mutes mutes = new Mutes();
    private final ArrayDeque<Accepted> recent = new ArrayDeque<>();
    private final long longestMillis;
    private long clock = Long.MIN_VALUE;
    private boolean started;
    private boolean replaying;
    private long dropped;
    /** Alerts the listeners decided during the current Esper call, published after it returns. */
    private final List<Alert> decided = new ArrayList<>();
    private RuntimeException listenerFailure;

    /** The Sigma correlations (as loaded by detection's {@code CorrelationLoader}) and EPL rules. */
    public EsperAlertCorrelator(List<SigmaCorrelation> correlations, List<EplRule> rules, Consumer<Alert> sink) {
        this.sink = sink;
        Configuration configuration = EsperSetup.configuration();
        this.runtime = EPRuntimeProvider.getRuntime("fenghuo-correlation-" + RUNTIMES.incrementAndGet(), configuration);
        this.events = runtime.getEventService();
        Set<SigmaCorrelation> chained = ChainCheck.chained(correlations);
        int n = 0;
        for (SigmaCorrelation c : correlations) {
            if (chained.contains(c)) {
                rejected.add(new Rejection(c.ruleId(), location(c), Rejection.Reason.UNSUPPORTED,
                        "chained correlations (a correlation referring to another) are not compiled to EPL yet"));
                continue;
            }
            String unsupported = SigmaToEpl.unsupported(c);
            if (unsupported != null) {
                rejected.add(new Rejection(c.ruleId(), location(c), Rejection.Reason.UNSUPPORTED, unsupported));
                continue;
            }
            deploySigma(c, SigmaToEpl.translate(c, "C" + n++), configuration);
        }
        for (EplRule r : rules) {
            deployEpl(r, configuration);
        }
        long longest = 0;
        for (SigmaPlan p : sigma) {
            longest = Math.max(longest, p.spanMillis());
        }
        for (EplPlan p : epl) {
            longest = Math.max(longest, p.spanMillis());
        }
        this.longestMillis = longest;
    }

    private static String location(SigmaCorrelation c) {
        return c.location() == null ? null : c.location().toString();
    }

    private void deploySigma(SigmaCorrelation c, SigmaEpl module, Configuration configuration) {
        EPDeployment d = deploy(c.ruleId(), location(c), module.epl(), configuration);
        if (d == null) {
            return;
        }
        EPStatement out = runtime.getDeploymentService().getStatement(d.getDeploymentId(), module.prefix() + "_out");
        SigmaPlan plan = new SigmaPlan(module, new SigmaAlerts(c), c.timespan().toMillis(), Set.copyOf(c.rules()), out);
        out.addListener((rows, old, statement, rt) -> guarded(() -> onSigmaRows(plan, rows)));
        sigma.add(plan);
    }

    private void deployEpl(EplRule r, Configuration configuration) {
        EPDeployment d = deploy(r.rule().id(), null, r.epl(), configuration);
        if (d == null) {
            return;
        }
        EPStatement alert = runtime.getDeploymentService().getStatement(d.getDeploymentId(), "alert");
        if (alert == null) {
            rejected.add(new Rejection(r.rule().id(), null, Rejection.Reason.EPL_COMPILE,
                    "no statement named 'alert' (@name('alert') marks the statement whose rows are alerts)"));
            undeploy(d);
            return;
        }
        alert.addListener((rows, old, statement, rt) -> guarded(() -> onEplRows(r, rows)));
        epl.add(new EplPlan(r, r.window().toMillis()));
    }

    /** Compiles and deploys one module; on failure records the rejection and returns null. */
    private EPDeployment deploy(String ruleId, String location, String module, Configuration configuration) {
        try {
            EPCompiled compiled = EPCompilerProvider.getCompiler().compile(module, new CompilerArguments(configuration));
            return runtime.getDeploymentService().deploy(compiled);
        } catch (EPCompileException | EPDeployException e) {
            rejected.add(new Rejection(ruleId, location, Rejection.Reason.EPL_COMPILE, e.getMessage()));
            return null;
        }
    }

    private void undeploy(EPDeployment d) {
        try {
            runtime.getDeploymentService().undeploy(d.getDeploymentId());
        } catch (Exception e) {
            // nothing listens to it, so a statement left deployed only costs memory until close
        }
    }

    @Override
    public void accept(RuleHit hit) {
        if (hit.timestamp() == null || hit.event() == null) {
            dropped++;
            return;
        }
        long t = EsperSetup.millis(hit.timestamp());
        if (t < clock) {
            dropped++;
            return;
        }
        moveClock(t);
        send(hit, t, null);
        recent.addLast(new Accepted(hit, t));
        forgetHitsBefore(t);
        publish();
    }

    private void send(RuleHit hit, long t, String target) {
        HitEvent e = new HitEvent(hit, t, target);
        if (!sigma.isEmpty()) {
            events.sendEventBean(e, EsperSetup.SIGMA_HIT);
        }
        if (!epl.isEmpty() && target == null) {
            events.sendEventBean(e, EsperSetup.HIT);
        }
    }

    /** Moves Esper's clock (deciding what closes before {@code t}) without sending anything else. */
    private void moveClock(long t) {
        if (!started || t > events.getCurrentTime()) {
            events.advanceTime(t);
            started = true;
        }
        clock = Math.max(clock, t);
    }

    @Override
    public void advanceWatermark(Instant watermark) {
        long t = EsperSetup.millis(watermark);
        if (t <= clock) {
            return;
        }
        moveClock(t);
        events.sendEventBean(new TickEvent(t), EsperSetup.TICK);
        forgetBefore(t);
        publish();
    }

    /**
     * Runs a listener's work, keeping what it throws: Esper catches and only logs an exception from
     * a listener, which would lose the alert silently. {@link #publish} rethrows it instead.
     */
    private void guarded(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            if (listenerFailure == null) {
                listenerFailure = e;
            }
        }
    }

    /**
     * Hands the alerts decided during the last Esper call to the sink, outside Esper, so a failing
     * sink fails the caller (the Flink task restarts from its checkpoint) instead of being swallowed.
     */
    private void publish() {
        RuntimeException failure = listenerFailure;
        listenerFailure = null;
        try {
            if (failure != null) {
                throw new IllegalStateException("building a correlation alert failed: " + failure, failure);
            }
            for (Alert a : decided) {
                sink.accept(a);
            }
        } finally {
            decided.clear();
        }
    }

    /** Here as well as on watermarks: a source without watermarks must not grow the buffer forever. */
    private void forgetHitsBefore(long now) {
        while (!recent.isEmpty() && recent.peekFirst().millis() < now - longestMillis) {
            recent.pollFirst();
        }
    }

    private void forgetBefore(long now) {
        forgetHitsBefore(now);
        for (SigmaPlan p : sigma) {
            mutes.forget(p.epl().rule().ruleId(), now, p.spanMillis());
        }
    }

    private void onSigmaRows(SigmaPlan plan, EventBean[] rows) {
        if (rows == null || replaying) {
            return;
        }
        for (EventBean row : rows) {
            if (!Boolean.TRUE.equals(row.get("fire"))) {
                continue;
            }
            String key = (String) row.get("k");
            long t = ((Number) row.get("t")).longValue();
            if (!plan.epl().decidedAtClose()
                    && !mutes.tryFire(plan.epl().rule().ruleId(), key, t, plan.spanMillis())) {
                continue;
            }
            Number measure = (Number) row.get("m");
            decided.add(plan.alerts().alert(key, t, measure == null ? 0 : measure.doubleValue(),
                    WindowRows.events(row.get("w"))));
        }
    }

    private void onEplRows(EplRule rule, EventBean[] rows) {
        if (rows == null || replaying) {
            return;
        }
        for (EventBean row : rows) {
            long t = ((Number) row.get("time")).longValue();
            Entities entities = Entities.of(column(row, "sourceIp"), column(row, "destinationIp"),
                    column(row, "userName"), column(row, "hostName"));
            decided.add(Alerts.of(rule.rule(), Instant.ofEpochMilli(t), evidence(row), entities,
                    String.valueOf(row.get("message"))));
        }
    }

    /** An optional text column of a hand-written rule's row; null when absent. */
    private static String column(EventBean row, String name) {
        Object v = row.getEventType().isProperty(name) ? row.get(name) : null;
        return v == null ? null : v.toString();
    }

    /** The optional {@code evidence} column: event ids (an array or a collection), distinct, in order. */
    private static List<String> evidence(EventBean row) {
        Object v = row.getEventType().isProperty("evidence") ? row.get("evidence") : null;
        Iterable<?> values = v instanceof Object[] a ? java.util.Arrays.asList(a)
                : v instanceof java.util.Collection<?> c ? c : List.of();
        Set<String> ids = new LinkedHashSet<>();
        for (Object o : values) {
            if (o != null) {
                ids.add(o.toString());
            }
        }
        return List.copyOf(ids);
    }

    @Override
    public List<Rejection> rejected() {
        return List.copyOf(rejected);
    }

    @Override
    public long dropped() {
        return dropped;
    }

    @Override
    public PendingHits pendingHits() {
        Map<RuleHit, Set<String>> targets = new IdentityHashMap<>();
        for (Accepted a : recent) {
            Set<String> to = new LinkedHashSet<>();
            for (SigmaPlan p : sigma) {
                if (!p.epl().decidedAtClose() && a.millis() >= clock - p.spanMillis() && refers(p, a.hit())) {
                    to.add(p.epl().rule().ruleId());
                }
            }
            for (EplPlan p : epl) {
                if (a.millis() >= clock - p.spanMillis()) {
                    to.add(p.rule().rule().id());
                }
            }
            targets.put(a.hit(), to);
        }
        // a window decided at its close is rebuilt from its own hits only, so it reopens when it opened
        for (SigmaPlan p : sigma) {
            if (p.epl().decidedAtClose()) {
                Iterator<EventBean> it = p.out().iterator(ContextPartitionSelectorAll.INSTANCE);
                while (it.hasNext()) {
                    for (HitEvent e : WindowRows.hits(it.next().get("w"))) {
                        Set<String> to = targets.get(e.hit());
                        if (to != null) {
                            to.add(p.epl().rule().ruleId());
                        }
                    }
                }
            }
        }
        List<PendingHits.Pending> hits = new ArrayList<>();
        for (Accepted a : recent) {
            Set<String> to = targets.get(a.hit());
            if (!to.isEmpty()) {
                hits.add(new PendingHits.Pending(a.hit(), List.copyOf(to)));
            }
        }
        List<PendingHits.Mute> muted = new ArrayList<>();
        for (SigmaPlan p : sigma) {
            muted.addAll(mutes.active(p.epl().rule().ruleId(), clock, p.spanMillis()));
        }
        return new PendingHits(clock, hits, muted);
    }

    private static boolean refers(SigmaPlan p, RuleHit hit) {
        return (hit.ruleId() != null && p.references().contains(hit.ruleId()))
                || (hit.ruleName() != null && p.references().contains(hit.ruleName()));
    }

    @Override
    public void replay(PendingHits pending) {
        Set<String> sigmaIds = new LinkedHashSet<>();
        for (SigmaPlan p : sigma) {
            sigmaIds.add(p.epl().rule().ruleId());
        }
        Set<String> eplIds = new LinkedHashSet<>();
        for (EplPlan p : epl) {
            eplIds.add(p.rule().rule().id());
        }
        replaying = true;
        try {
            for (PendingHits.Pending p : pending.hits()) {
                long t = EsperSetup.millis(p.hit().timestamp());
                moveClock(t);
                boolean toEpl = false;
                for (String target : p.targets()) {
                    if (sigmaIds.contains(target)) {
                        events.sendEventBean(new HitEvent(p.hit(), t, target), EsperSetup.SIGMA_HIT);
                    } else if (eplIds.contains(target)) {
                        toEpl = true;
                    }
                    // else a rule that is gone (a reload removed it): its hits go nowhere
                }
                if (toEpl && !epl.isEmpty()) {
                    events.sendEventBean(new HitEvent(p.hit(), t, null), EsperSetup.HIT);
                }
                recent.addLast(new Accepted(p.hit(), t));
            }
            if (pending.clockMillis() > Long.MIN_VALUE) {
                moveClock(pending.clockMillis());
            }
        } finally {
            replaying = false;
        }
        pending.mutes().forEach(mutes::restore);
    }

    @Override
    public void close() {
        runtime.destroy();
    }
}
