package org.fenghuo.collectors.syslog.payload;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fenghuo.events.SecurityEvent;

/**
 * The payload step of a syslog input: rules choose a parser for MSG, its fields go into the event
 * the RFC layer built. Nothing is lost on the way: a malformed payload still yields the event
 * (tagged {@code payload_malformed}, reason in {@code error.message}), an unparsed one keeps its
 * RFC fields, and each outcome is counted. Thread-safe.
 */
public final class PayloadStage {

    public static final String MALFORMED_TAG = "payload_malformed";

    private static final PayloadStage NONE = new PayloadStage(PayloadRules.none(), null, ZoneOffset.UTC);

    private final PayloadRules rules;
    private final PayloadMetrics metrics;
    private final ZoneId zone;

    private PayloadStage(PayloadRules rules, PayloadMetrics metrics, ZoneId zone) {
        this.rules = rules;
        this.metrics = metrics;
        this.zone = zone;
    }

    /** No payload parsing and no payload counters: the event is emitted as the RFC layer built it. */
    public static PayloadStage none() {
        return NONE;
    }

    /** Payload times without a zone read in UTC. */
    public static PayloadStage of(String input, PayloadRules rules, MeterRegistry registry) {
        return of(input, rules, registry, ZoneOffset.UTC);
    }

    /** @param zone the input's zone: payload times without one are read in it ({@link PayloadInput#zone()}) */
    public static PayloadStage of(String input, PayloadRules rules, MeterRegistry registry, ZoneId zone) {
        Objects.requireNonNull(rules, "rules");
        if (rules.isEmpty()) {
            return NONE;
        }
        return new PayloadStage(rules, new PayloadMetrics(Objects.requireNonNull(registry, "registry"),
                Objects.requireNonNull(input, "input"), rules.parserNames()), Objects.requireNonNull(zone, "zone"));
    }

    /** Counters so far; all zero for {@link #none()}. */
    public PayloadStats stats() {
        return metrics == null ? new PayloadStats(java.util.Map.of(), java.util.Map.of(), 0, 0) : metrics.snapshot();
    }

    /**
     * @param event   as the RFC layer built it (with event.original)
     * @param message MSG; null (no MSG) leaves the event as it is, uncounted
     */
    public SecurityEvent apply(SecurityEvent event, String hostname, String appName, String message) {
        if (metrics == null || message == null) {
            return event;
        }
        PayloadRules.Selection chosen = rules.select(new PayloadInput(hostname, appName, message, zone));
        if (chosen.parser() == null) {
            metrics.unparsed();
            return event;
        }
        String parser = chosen.parser();
        if (chosen.result() instanceof PayloadResult.Parsed parsed) {
            EcsFieldsApplier.Applied applied = EcsFieldsApplier.apply(event, parser, parsed.fields(),
                    "syslog." + parser);
            metrics.parsed(parser);
            if (applied.invalidValues() > 0) {
                metrics.invalidValues(parser, applied.invalidValues());
            }
            return applied.event();
        }
        String reason = ((PayloadResult.Malformed) chosen.result()).reason();
        metrics.malformed(parser);
        List<String> tags = event.tags() == null ? new ArrayList<>() : new ArrayList<>(event.tags());
        tags.add(MALFORMED_TAG);
        return event.toBuilder().tags(tags)
                .extraField("error.message", parser + ": " + reason)
                .extraField("fenghuo.payload.parser", parser)
                .build();
    }
}
