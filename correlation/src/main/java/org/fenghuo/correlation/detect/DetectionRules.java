package org.fenghuo.correlation.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.detection.ioc.IndicatorSource;
import org.fenghuo.detection.ioc.IocMatcher;
import org.fenghuo.detection.ioc.ReloadableIndicators;
import org.fenghuo.detection.sigma.SigmaMatch;
import org.fenghuo.detection.sigma.SigmaPack;
import org.fenghuo.detection.sigma.SigmaRuleSet;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.pipeline.Pipelines;
import org.fenghuo.detection.sigma.rule.SigmaRule;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/**
 * One loaded rule and indicator set, immutable: Sigma single-event rules (as {@link SigmaPack}
 * loads them, correlations included so that their rules are known) and the IOC matcher. Plain Java,
 * so the Flink operator stays a thin wrapper.
 *
 * <p>A match of a rule that Sigma correlations refer to becomes a {@link RuleHit} for the
 * correlation operator downstream; it alerts on its own only if a referring correlation says
 * {@code generate: true}, as {@link SigmaPack#detector} decides.
 */
public final class DetectionRules {
    /** What loading gave: the rules, or why they were refused (never both). */
    public record Load(DetectionRules rules, String refusal) {
        public boolean ok() {
            return rules != null;
        }
    }

    /** How many Sigma matches and IOC alerts one event gave. */
    public record Evaluation(int sigmaMatches, int iocAlerts) {
        static final Evaluation NONE = new Evaluation(0, 0);
    }

    private static final int REASONS_SHOWN = 5;

    private final long version;
    private final SigmaRuleSet sigma;
    private final Set<String> silent;
    private final Set<String> correlated;
    private final IocMatcher ioc;
    private final String summary;

    private DetectionRules(long version, SigmaRuleSet sigma, Set<String> silent, Set<String> correlated,
            IocMatcher ioc, String summary) {
        this.version = version;
        this.sigma = sigma;
        this.silent = Set.copyOf(silent);
        this.correlated = Set.copyOf(correlated);
        this.ioc = ioc;
        this.summary = summary;
    }

    /** Loads {@code settings} as set {@code version}; never throws for bad files or content. */
    public static Load load(DetectionSettings settings, long version) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            return refused(version, problems);
        }
        try {
            return loadChecked(settings, version);
        } catch (RuntimeException e) {
            return refused(version, List.of("loading failed: " + e));
        }
    }

    private static Load loadChecked(DetectionSettings settings, long version) {
        List<String> problems = new ArrayList<>();
        SigmaRuleSet ruleSet = null;
        Set<String> silent = new HashSet<>();
        Set<String> correlated = new HashSet<>();
        String sigmaSummary = "no Sigma rules";
        if (!settings.sigmaRules().isEmpty()) {
            PipelineResolver resolver = resolver(settings.pipelines(), problems);
            Map<String, List<String>> placeholders = placeholders(settings.placeholders(), problems);
            if (!problems.isEmpty()) {
                return refused(version, problems);
            }
            SigmaPack pack = sigmaPack(settings, resolver, placeholders);
            if (settings.strict()) {
                pack.rules().report().rejections().forEach(r -> problems.add("rule " + r));
                pack.correlations().rejected().forEach(r -> problems.add("correlation " + r));
            }
            ruleSet = pack.rules().ruleSet();
            Set<String> generating = new HashSet<>();
            for (SigmaCorrelation c : pack.correlations().correlations()) {
                correlated.addAll(c.rules());
                (c.generate() ? generating : silent).addAll(c.rules());
            }
            silent.removeAll(generating);
            sigmaSummary = pack.rules().report().summary() + "; correlations: "
                    + pack.correlations().correlations().size() + " loaded, " + pack.correlations().rejected().size()
                    + " rejected";
        }
        IocMatcher matcher = null;
        String iocSummary = "no indicator feeds";
        if (!settings.indicators().isEmpty()) {
            List<IndicatorSource> sources = settings.indicators().stream()
                    .map(s -> IndicatorFeedSpec.parse(s).source()).toList();
            ReloadableIndicators feeds = new ReloadableIndicators(sources);
            ReloadableIndicators.Reload loaded = feeds.reload();
            if (!loaded.swapped()) {
                problems.add("indicators: " + loaded.failure());
            }
            iocSummary = String.join("; ", loaded.reports().stream().map(r -> r.summary()).toList());
            // the matcher's Micrometer counters are not read: the operator counts in Flink metrics
            matcher = new IocMatcher(feeds, new SimpleMeterRegistry());
        }
        if (!problems.isEmpty()) {
            return refused(version, problems);
        }
        return new Load(new DetectionRules(version, ruleSet, silent, correlated, matcher,
                "version " + version + ": " + sigmaSummary + "; " + iocSummary), null);
    }

    /**
     * The Sigma pack {@code settings} name, as the operator loads it, for the correlation operator
     * (it runs the pack's correlations); empty without Sigma rules.
     *
     * @throws IllegalArgumentException naming every problem with the pipelines or placeholders
     */
    public static java.util.Optional<SigmaPack> sigmaPack(DetectionSettings settings) {
        if (settings.sigmaRules().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        PipelineResolver resolver = resolver(settings.pipelines(), problems);
        Map<String, List<String>> placeholders = placeholders(settings.placeholders(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid detection settings: " + String.join("; ", problems));
        }
        return java.util.Optional.of(sigmaPack(settings, resolver, placeholders));
    }

    private static SigmaPack sigmaPack(DetectionSettings settings, PipelineResolver resolver,
            Map<String, List<String>> placeholders) {
        return SigmaPack.load(settings.sigmaRules().stream().map(Path::of).toList(), resolver, placeholders,
                settings.exceptions() == null ? null : Path.of(settings.exceptions()));
    }

    private static Load refused(long version, List<String> problems) {
        List<String> shown = problems.subList(0, Math.min(REASONS_SHOWN, problems.size()));
        String more = problems.size() > REASONS_SHOWN ? " (and " + (problems.size() - REASONS_SHOWN) + " more)" : "";
        return new Load(null, "rule set version " + version + " refused: " + String.join("; ", shown) + more);
    }

    private static PipelineResolver resolver(List<String> pipelines, List<String> problems) {
        if (pipelines.equals(List.of("standard"))) {
            return Pipelines.standard();
        }
        if (pipelines.equals(List.of("none"))) {
            return PipelineResolver.IDENTITY;
        }
        Pipelines.Report report = Pipelines.load(pipelines.stream().map(Path::of).toList());
        report.errors().forEach(e -> problems.add("pipeline " + e));
        return report.pipelines();
    }

    /** {@code name: value} or {@code name: [values]} per placeholder; an unreadable file is a problem naming the key. */
    private static Map<String, List<String>> placeholders(String file, List<String> problems) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (file == null) {
            return values;
        }
        Map<String, Object> read;
        try {
            read = new YAMLMapper().readValue(Path.of(file).toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            problems.add("detection.sigma.placeholders = " + file + ": expected a map of placeholder names to values ("
                    + e.getMessage() + ")");
            return values;
        }
        if (read != null) {
            read.forEach((name, value) -> values.put(name, value instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value))));
        }
        return values;
    }

    /**
     * Judges one timed event: single-event alerts to {@code alerts}, matches of correlated rules to
     * {@code hits} (at the event's {@code @timestamp}).
     */
    public Evaluation evaluate(SecurityEvent event, Consumer<Alert> alerts, Consumer<RuleHit> hits) {
        int sigmaMatches = 0;
        if (sigma != null) {
            for (SigmaMatch m : sigma.evaluate(event)) {
                sigmaMatches++;
                SigmaRule rule = m.rule();
                if (!named(silent, rule)) {
                    alerts.accept(m.toAlert());
                }
                if (named(correlated, rule)) {
                    hits.accept(new RuleHit(rule.id(), rule.name(), event.timestamp(), event));
                }
            }
        }
        int iocAlerts = 0;
        if (ioc != null) {
            for (Alert a : ioc.alerts(event)) {
                iocAlerts++;
                alerts.accept(a);
            }
        }
        return sigmaMatches == 0 && iocAlerts == 0 ? Evaluation.NONE : new Evaluation(sigmaMatches, iocAlerts);
    }

    private static boolean named(Set<String> names, SigmaRule rule) {
        return names.contains(rule.id()) || (rule.name() != null && names.contains(rule.name()));
    }

    public long version() {
        return version;
    }

    /** Rules and feeds loaded, for the log. */
    public String summary() {
        return summary;
    }
}
