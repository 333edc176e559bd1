package org.fenghuo.detection.ioc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;

/**
 * Turns an event's indicator matches into alerts: one alert per source that matched, rule id
 * {@code fenghuo.ioc.<source>}. Severity comes from the highest confidence among that source's
 * matches: 85-100 critical, 60-84 high, 30-59 medium, 0-29 low, unknown medium. Category: a
 * malicious program when a file hash matched or an indicator is labelled C2 (then the ATT&CK
 * tactic is command and control), otherwise a network attack. Stateless; an event without
 * {@code @timestamp} cannot be timed, so it is counted and gives no alert.
 */
public final class IocMatcher {
    private final Supplier<IndicatorIndex> indexes;
    private final Counter matched;
    private final Counter alerts;
    private final Counter untimed;

    /** {@code indexes}: a fixed index ({@code () -> index}) or a {@link ReloadableIndicators}. */
    public IocMatcher(Supplier<IndicatorIndex> indexes, MeterRegistry registry) {
        this.indexes = indexes;
        MeterRegistry r = registry == null ? new SimpleMeterRegistry() : registry;
        matched = r.counter("fenghuo.ioc.matches");
        alerts = r.counter("fenghuo.ioc.alerts");
        untimed = r.counter("fenghuo.ioc.events.untimed");
    }

    /** The alerts for {@code event}; empty when nothing matched. */
    public List<Alert> alerts(SecurityEvent event) {
        List<IocMatch> matches = IocMatches.find(indexes.get(), event);
        if (matches.isEmpty()) {
            return List.of();
        }
        matched.increment(matches.size());
        if (event.timestamp() == null) {
            untimed.increment();
            return List.of();
        }
        Map<String, List<IocMatch>> bySource = new LinkedHashMap<>();
        for (IocMatch m : matches) {
            bySource.computeIfAbsent(m.indicator().source(), s -> new ArrayList<>()).add(m);
        }
        List<Alert> out = new ArrayList<>(bySource.size());
        bySource.forEach((source, ms) -> out.add(Alerts.of(rule(source, ms), List.of(event), message(source, ms))));
        alerts.increment(out.size());
        return out;
    }

    static RuleInfo rule(String source, List<IocMatch> matches) {
        Integer confidence = null;
        boolean malware = false;
        boolean c2 = false;
        for (IocMatch m : matches) {
            Integer c = m.indicator().confidence();
            if (c != null && (confidence == null || c > confidence)) {
                confidence = c;
            }
            malware |= m.indicator().type().isHash();
            c2 |= m.indicator().isCommandAndControl();
        }
        return new RuleInfo("fenghuo.ioc." + source, "Threat intelligence match: " + source, null, severity(confidence),
                malware || c2 ? IncidentCategory.MALICIOUS_PROGRAM : IncidentCategory.NETWORK_ATTACK,
                c2 ? List.of(AttackTactic.COMMAND_AND_CONTROL) : List.of(), List.of());
    }

    static Severity severity(Integer confidence) {
        if (confidence == null) {
            return Severity.MEDIUM;
        }
        return confidence >= 85 ? Severity.CRITICAL : confidence >= 60 ? Severity.HIGH
                : confidence >= 30 ? Severity.MEDIUM : Severity.LOW;
    }

    private static String message(String source, List<IocMatch> matches) {
        IocMatch first = matches.get(0);
        Indicator i = first.indicator();
        StringBuilder b = new StringBuilder();
        b.append(first.field()).append(' ').append(first.value()).append(" listed by ").append(source).append(" (")
                .append(i.type().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(i.value());
        if (i.name() != null) {
            b.append(", \"").append(i.name()).append('"');
        }
        if (i.confidence() != null) {
            b.append(", confidence ").append(i.confidence());
        }
        b.append(')');
        if (matches.size() > 1) {
            b.append(" and ").append(matches.size() - 1).append(" more");
        }
        return b.toString();
    }
}
