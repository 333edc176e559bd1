package org.fenghuo.detection.sigma;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.fenghuo.detection.sigma.correlation.CorrelationEngine;
import org.fenghuo.detection.sigma.correlation.CorrelationLimits;
import org.fenghuo.detection.sigma.correlation.CorrelationLoadReport;
import org.fenghuo.detection.sigma.correlation.CorrelationLoader;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.rule.SigmaDocument;
import org.fenghuo.detection.sigma.rule.SigmaRule;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/**
 * A whole Sigma rule pack as analysts keep it: detection rules, filters, exceptions and the
 * correlation rules among them, loaded together (correlations are checked against the names and
 * ids of the rules that loaded). {@link #detector} runs it over one time-ordered stream.
 *
 * @param rules        the compiled detection rules and their load report
 * @param correlations the correlation rules found in the same files, and their problems
 */
public record SigmaPack(LoadResult rules, CorrelationLoadReport correlations) {

    public static SigmaPack load(List<Path> paths, PipelineResolver resolver, Map<String, List<String>> placeholders,
            Path exceptions) {
        LoadResult rules = SigmaRuleSet.load(paths, resolver, placeholders, exceptions);
        Set<String> known = new HashSet<>();
        for (SigmaRuleSet.ActiveRule r : rules.ruleSet().rules()) {
            addIfPresent(known, r.rule().id());
            addIfPresent(known, r.rule().name());
        }
        Set<Path> files = new LinkedHashSet<>();
        for (SigmaDocument.Correlation c : rules.report().correlations()) {
            files.add(Path.of(c.file()));
        }
        CorrelationLoadReport correlations = new CorrelationLoader(known).loadFiles(new ArrayList<>(files));
        return new SigmaPack(rules, correlations);
    }

    /**
     * Rule matches become alerts and feed the correlation rules, whose alerts follow. A rule that
     * correlations refer to alerts on its own only if one of them says {@code generate: true}: the
     * specification's default is that only the correlation produces results.
     */
    public Detector detector(Consumer<Alert> alerts) {
        return detector(alerts, CorrelationLimits.DEFAULT);
    }

    /** {@link #detector(Consumer)} with the correlation engine's bounds and allowed lateness. */
    public Detector detector(Consumer<Alert> alerts, CorrelationLimits limits) {
        Set<String> silent = new HashSet<>();
        Set<String> generating = new HashSet<>();
        for (SigmaCorrelation c : correlations.correlations()) {
            (c.generate() ? generating : silent).addAll(c.rules());
        }
        silent.removeAll(generating);
        return new Detector(rules.ruleSet(), new CorrelationEngine(correlations.correlations(), limits, alerts),
                alerts, silent);
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }

    /** One stream's run of the pack: {@link #accept} events in time order, then {@link #finish}. */
    public static final class Detector {
        private final SigmaRuleSet ruleSet;
        private final CorrelationEngine correlation;
        private final Consumer<Alert> alerts;
        /** Ids and names of rules only correlations speak for. */
        private final Set<String> silent;
        private long matches;
        private long untimed;

        Detector(SigmaRuleSet ruleSet, CorrelationEngine correlation, Consumer<Alert> alerts, Set<String> silent) {
            this.ruleSet = ruleSet;
            this.correlation = correlation;
            this.alerts = alerts;
            this.silent = Set.copyOf(silent);
        }

        public void accept(SecurityEvent event) {
            if (event.timestamp() == null) {
                // an alert is timed by its evidence and correlations run in event time: nothing to judge it by
                untimed++;
                return;
            }
            for (SigmaMatch m : ruleSet.evaluate(event)) {
                matches++;
                SigmaRule rule = m.rule();
                if (!silent.contains(rule.id()) && (rule.name() == null || !silent.contains(rule.name()))) {
                    alerts.accept(m.toAlert());
                }
                correlation.accept(new RuleHit(rule.id(), rule.name(), event.timestamp(), event));
            }
        }

        public void finish() {
            correlation.finish();
        }

        public long matches() {
            return matches;
        }

        /** Events skipped because they had no {@code @timestamp}. */
        public long untimed() {
            return untimed;
        }

        public CorrelationEngine correlation() {
            return correlation;
        }
    }
}
