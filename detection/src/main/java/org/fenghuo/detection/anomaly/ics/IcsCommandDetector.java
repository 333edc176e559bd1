package org.fenghuo.detection.anomaly.ics;

import io.micrometer.core.instrument.Counter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.anomaly.DetectorContext;
import org.fenghuo.detection.anomaly.KeyedDetector;
import org.fenghuo.detection.anomaly.support.DetectorMetrics;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.fenghuo.events.SecurityEvent;

/**
 * ICS control functions (writes, operates, restarts, program downloads) sent by a host that is not
 * an engineering workstation for that protocol. The judgement is per event (in {@link #key}:
 * events that are not such commands get no key and cost no state); the state is only the
 * suppression of repeats: one alert per source, destination and function per window.
 */
public final class IcsCommandDetector implements KeyedDetector<IcsCommandState> {
    private final IcsCommandConfig config;
    private final Map<String, ProtocolPolicy> policies = new HashMap<>();
    private final long windowMillis;

    private final DetectorMetrics metrics;
    private final Counter entriesDropped;

    public IcsCommandDetector(IcsCommandConfig config) {
        this(config, DetectorMetrics.none(CommandClass.RULE_ID));
    }

    public IcsCommandDetector(IcsCommandConfig config, DetectorMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.entriesDropped = metrics.overflow("entries");
        for (String p : config.protocolNames()) {
            policies.put(p, config.policy(p));
        }
        this.windowMillis = config.window().toMillis();
    }

    @Override
    public String id() {
        return CommandClass.RULE_ID;
    }

    @Override
    public String key(SecurityEvent e) {
        SecurityEvent.Ics ics = ics(e);
        String source = e.source() == null ? null : e.source().ip();
        if (ics == null || source == null || ics.protocol() == null) {
            return null;
        }
        ProtocolPolicy policy = policies.get(ics.protocol());
        if (policy == null || !policy.isControl(ics.functionCode(), ics.function(), ics.write())
                || policy.allow().contains(source)) {
            return null;
        }
        return source;
    }

    @Override
    public IcsCommandState newState() {
        return new IcsCommandState();
    }

    @Override
    public void onEvent(SecurityEvent e, IcsCommandState state, DetectorContext context) {
        long t = e.timestamp().toEpochMilli();
        SecurityEvent.Ics ics = ics(e);
        String destination = e.destination() == null ? null : e.destination().ip();
        String function = ics.functionCode() != null ? Integer.toString(ics.functionCode()) : ics.function();
        if ("s7comm".equals(ics.protocol()) && ics.function() != null) {
            function = ics.function(); // S7 userdata and job functions share code values
        }
        String signature = destination + " " + ics.protocol() + " " + function;
        state.prune(t);
        Long until = state.suppressedUntil.get(signature);
        if (until != null && t < until) {
            state.suppressed++;
            metrics.suppressed();
            return;
        }
        state.suppressedUntil.remove(signature);
        if (state.put(signature, t + windowMillis, config.maxSuppressed())) {
            entriesDropped.increment();
        }
        state.timer.extendTo(t + windowMillis, context);
        metrics.alert();
        context.emit(alert(e, ics, context.key(), destination));
    }

    @Override
    public void onTimer(long timerMillis, IcsCommandState state, DetectorContext context) {
        if (state.timer.expired(timerMillis, context)) {
            context.clearState();
        }
    }

    private static SecurityEvent.Ics ics(SecurityEvent e) {
        return e.fenghuo() == null ? null : e.fenghuo().ics();
    }

    private Alert alert(SecurityEvent e, SecurityEvent.Ics ics, String source, String destination) {
        CommandClass cls = CommandClass.of(ics.protocol(), ics.functionCode(), ics.function());
        StringBuilder m = new StringBuilder("unauthorized ICS command: ").append(source)
                .append(" (not an engineering workstation for ").append(ics.protocol()).append(") sent ")
                .append(ics.function() == null ? "function" : ics.function());
        if (ics.functionCode() != null) {
            m.append(" (code ").append(ics.functionCode()).append(')');
        }
        m.append(" to ").append(destination == null ? "an unknown destination" : destination);
        if (ics.unitId() != null) {
            m.append(" unit ").append(ics.unitId());
        }
        if (ics.address() != null) {
            m.append(", address ").append(ics.address());
        }
        if (ics.quantity() != null) {
            m.append(", quantity ").append(ics.quantity());
        }
        if (ics.exception() != null) {
            m.append("; the device answered ").append(ics.exception());
        }
        List<String> ids = e.event() != null && e.event().id() != null ? List.of(e.event().id()) : List.of();
        return Alerts.of(cls.rule(), e.timestamp(), ids, Entities.of(e), m.toString());
    }
}
