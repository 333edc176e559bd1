package org.fenghuo.correlation.pii;

import java.security.SecureRandom;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.pii.PiiProtector;
import org.fenghuo.crypto.pii.policy.PiiAction;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/**
 * Applies the personal-data policy to every event before it leaves the job
 * ({@link PiiProtector#protect}). An event that cannot be protected is never passed on in clear:
 * it goes to {@link #FAILURES} as a dead letter naming the event id and the failure, without
 * its content, and is counted.
 *
 * <p>Holds only serialisable settings; the protector (not thread-safe, not serialisable) is built
 * per subtask in {@link #open}, where the key ring is opened and the passphrase read.
 */
public final class PiiProtectFunction extends ProcessFunction<SecurityEvent, SecurityEvent> {
    private static final long serialVersionUID = 1L;

    /** The reason (prefix) of the dead letter of an event that could not be protected. */
    public static final String FAILURE_REASON = "pii_protection_failed";
    static final String INPUT = "correlation.pii";

    public static final OutputTag<DeadLetter> FAILURES = new OutputTag<>("pii-failures") {
        private static final long serialVersionUID = 1L;
    };

    private final PiiSettings settings;
    private final KeyRingSource keys;

    private transient PiiProtector protector;
    private transient org.apache.flink.metrics.Counter protectedEvents;
    private transient org.apache.flink.metrics.Counter failedEvents;

    public PiiProtectFunction(PiiSettings settings) {
        this(settings, settings.keyRingSource());
    }

    /** With another key source: tests. */
    public PiiProtectFunction(PiiSettings settings, KeyRingSource keys) {
        this.settings = settings;
        this.keys = keys;
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        protectedEvents = metrics.counter("piiEventsProtected");
        failedEvents = metrics.counter("piiEventsFailed");
        // the protector counts in Micrometer; each subtask its own registry, exposed as Flink gauges
        MeterRegistry registry = new SimpleMeterRegistry();
        protector = new PiiProtector(settings.loadPolicy(), keys.open(), new SecureRandom(), registry);
        for (PiiAction action : PiiAction.values()) {
            gauge(metrics, "piiFields" + camel(action.label()), registry, "fenghuo.pii.fields", action.label());
        }
        gauge(metrics, "piiSpans", registry, "fenghuo.pii.spans", null);
        gauge(metrics, "piiFailures", registry, "fenghuo.pii.failures", null);
    }

    @Override
    public void processElement(SecurityEvent event, Context ctx, Collector<SecurityEvent> out) {
        SecurityEvent safe;
        try {
            safe = protector.protect(event);
        } catch (RuntimeException e) {
            failedEvents.inc();
            ctx.output(FAILURES, failure(event, e));
            return;
        }
        if (safe != event) {
            protectedEvents.inc();
        }
        out.collect(safe);
    }

    /**
     * The dead letter of an unprotectable event: which event and why, never its content. A
     * {@link CryptoFailure}'s message is free of plaintext by contract; any other exception's
     * message might quote a value, so only its type is kept.
     */
    static DeadLetter failure(SecurityEvent event, RuntimeException e) {
        // a CryptoFailure's message starts with its reason, e.g. "MISSING_KEY: no data key fenghuo v7"
        String why = e instanceof CryptoFailure ? e.getMessage() : e.getClass().getName();
        String id = event.event() != null ? event.event().id() : null;
        return new DeadLetter(Instant.now(), INPUT, id == null ? "event without event.id" : "event.id " + id, -1,
                FAILURE_REASON + ": " + why, null, 0);
    }

    private static void gauge(MetricGroup group, String name, MeterRegistry registry, String meter, String action) {
        group.gauge(name, (Gauge<Long>) () -> {
            double sum = 0;
            for (Counter c : (action == null ? registry.find(meter) : registry.find(meter).tag("action", action)).counters()) {
                sum += c.count();
            }
            return (long) sum;
        });
    }

    private static String camel(String label) {
        StringBuilder b = new StringBuilder();
        for (String part : label.split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }
}
