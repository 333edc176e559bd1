package org.fenghuo.detection.sigma;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.eval.CompiledRule;
import org.fenghuo.detection.sigma.eval.RuleIndex;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.rule.SigmaRule;
import org.fenghuo.detection.sigma.rule.YamlDocuments;
import org.fenghuo.events.SecurityEvent;

/**
 * The active Sigma rules, compiled and indexed: {@link #evaluate} gives the rules an event
 * matches. Immutable and thread-safe.
 *
 * <pre>
 * LoadResult r = SigmaRuleSet.load(Path.of("rules"), resolver, Map.of("Servers", List.of("srv*")));
 * r.report().rejections().forEach(System.err::println);
 * for (SigmaMatch m : r.ruleSet().evaluate(event)) { alerts.add(m.toAlert()); }
 * </pre>
 */
public final class SigmaRuleSet {
    private final List<CompiledRule<ActiveRule>> rules;
    private final RuleIndex<ActiveRule> index;

    /** A loaded rule with its alert metadata. */
    public record ActiveRule(SigmaRule rule, RuleInfo info) {
    }

    SigmaRuleSet(List<CompiledRule<ActiveRule>> rules) {
        this.rules = List.copyOf(rules);
        this.index = new RuleIndex<>(this.rules);
    }

    /** Loads every {@code .yml}/{@code .yaml} under {@code dir}; never throws for bad content. */
    public static LoadResult load(Path dir, PipelineResolver resolver, Map<String, List<String>> placeholders) {
        return load(List.of(dir), resolver, placeholders, null);
    }

    /**
     * Loads rules and filters from {@code paths} (directories or files), then applies the
     * analysts' {@code exceptions} file (null: none; format in the README).
     */
    public static LoadResult load(List<Path> paths, PipelineResolver resolver, Map<String, List<String>> placeholders,
            Path exceptions) {
        SigmaLoader loader = new SigmaLoader(resolver, placeholders);
        loader.addPaths(paths);
        if (exceptions != null) {
            loader.addExceptions(exceptions.toString(), YamlDocuments.read(exceptions));
        }
        return loader.finish();
    }

    /** Rules (and filters) from YAML text, e.g. in tests; {@code exceptionsYaml} may be null. */
    public static LoadResult fromYaml(String name, String yaml, PipelineResolver resolver,
            Map<String, List<String>> placeholders, String exceptionsYaml) {
        SigmaLoader loader = new SigmaLoader(resolver, placeholders);
        loader.addDocuments(name, YamlDocuments.read(yaml));
        if (exceptionsYaml != null) {
            loader.addExceptions(name + "#exceptions", YamlDocuments.read(exceptionsYaml));
        }
        return loader.finish();
    }

    /** The rules {@code event} matches (not suppressed); an empty immutable list, allocation-free, when none. */
    public List<SigmaMatch> evaluate(SecurityEvent event) {
        List<CompiledRule<ActiveRule>> hits = index.evaluate(event);
        if (hits.isEmpty()) {
            return List.of();
        }
        List<SigmaMatch> out = new ArrayList<>(hits.size());
        for (CompiledRule<ActiveRule> h : hits) {
            out.add(new SigmaMatch(h.rule().rule(), h.rule().info(), event));
        }
        return out;
    }

    /** How many rules match, without building match objects (for benchmarks and counters). */
    public int countMatches(SecurityEvent event) {
        return index.evaluate(event).size();
    }

    /**
     * The same answer as {@link #evaluate} computed the slow way (every rule, its log-source
     * conditions checked one by one, no pre-filter): the reference the tests hold the index to.
     */
    List<String> evaluateWithoutIndex(SecurityEvent event) {
        List<String> out = new ArrayList<>();
        for (CompiledRule<ActiveRule> r : rules) {
            if (RuleIndex.meetsConditions(r.mapping(), event) && r.matches(event)) {
                out.add(r.rule().rule().key());
            }
        }
        return out;
    }

    /** The rules {@code event} is fully evaluated against once the index has filtered (diagnosis, benchmarks). */
    public List<ActiveRule> candidates(SecurityEvent event) {
        return index.candidates(event);
    }

    public List<ActiveRule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    public int size() {
        return rules.size();
    }

    /** Log-source groups and the number of rules behind the literal pre-filter, for the report. */
    public String indexSummary() {
        return rules.size() + " rules in " + index.groups() + " log-source groups, " + index.prefilteredRules()
                + " behind the literal pre-filter";
    }
}
