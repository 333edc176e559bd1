package org.fenghuo.correlation.correlate;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fenghuo.correlation.engine.EplRule;
import org.fenghuo.correlation.engine.Rejection;
import org.fenghuo.detection.sigma.SigmaPack;
import org.fenghuo.detection.sigma.SigmaRuleSet;
import org.fenghuo.detection.sigma.correlation.CorrelationLoadReport;
import org.fenghuo.detection.sigma.correlation.CorrelationLoader;
import org.fenghuo.detection.sigma.correlation.CorrelationProblem;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;

/**
 * What the correlation operator runs, as it travels in the job graph: where the Sigma correlation
 * rules are (files read on the task manager, or YAML texts carried along) and the hand-written EPL
 * rules as data. {@link #load()} turns it into the engine's inputs; the operator calls it in
 * {@code open()}, a job builder may call it first to report problems before submitting.
 *
 * @param sigmaFiles Sigma correlation files (other documents in them are skipped), loaded together
 *                   by detection's {@link CorrelationLoader}; the same paths must exist on every task manager
 * @param sigmaTexts Sigma correlation YAML texts, each loaded on its own
 * @param epl        hand-written EPL rules
 * @param knownRules names and ids of the Sigma rules whose hits come in, to refuse a correlation
 *                   naming an unknown one; null: not checked
 */
public record CorrelationRules(List<String> sigmaFiles, List<SigmaText> sigmaTexts, List<EplRuleSpec> epl,
        Set<String> knownRules) implements Serializable {
    private static final long serialVersionUID = 1L;

    public CorrelationRules {
        sigmaFiles = List.copyOf(sigmaFiles);
        sigmaTexts = List.copyOf(sigmaTexts);
        epl = List.copyOf(epl);
        knownRules = knownRules == null ? null : Set.copyOf(knownRules);
    }

    /**
     * A Sigma correlation YAML text.
     *
     * @param source names it in rejections (a file name, {@code built-in:...})
     * @param yaml   one or more YAML documents
     */
    public record SigmaText(String source, String yaml) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What {@link #load()} made of the rules: the engine's inputs and the rules refused while loading. */
    public record Loaded(List<SigmaCorrelation> correlations, List<EplRule> epl, List<Rejection> rejected) {
        public Loaded {
            correlations = List.copyOf(correlations);
            epl = List.copyOf(epl);
            rejected = List.copyOf(rejected);
        }
    }

    /** No rule at all (the operator then passes nothing on). */
    public static CorrelationRules none() {
        return new CorrelationRules(List.of(), List.of(), List.of(), null);
    }

    /** The correlations in {@code sigmaFiles} and the hand-written {@code epl} rules. */
    public static CorrelationRules of(List<Path> sigmaFiles, List<EplRule> epl) {
        return none().withSigmaFiles(sigmaFiles).withEpl(epl);
    }

    /**
     * The correlations of a loaded Sigma pack (read again from their files on the task manager,
     * checked against the pack's rule names and ids, as {@link SigmaPack#load} does) and {@code epl}.
     */
    public static CorrelationRules of(SigmaPack pack, List<EplRule> epl) {
        Set<Path> files = new LinkedHashSet<>();
        for (SigmaCorrelation c : pack.correlations().correlations()) {
            if (c.location() != null) {
                files.add(Path.of(c.location().source()));
            }
        }
        Set<String> known = new LinkedHashSet<>();
        for (SigmaRuleSet.ActiveRule r : pack.rules().ruleSet().rules()) {
            addIfPresent(known, r.rule().id());
            addIfPresent(known, r.rule().name());
        }
        return of(new ArrayList<>(files), epl).withKnownRules(known);
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }

    public CorrelationRules withSigmaFiles(List<Path> files) {
        List<String> all = new ArrayList<>(sigmaFiles);
        files.forEach(f -> all.add(f.toString()));
        return new CorrelationRules(all, sigmaTexts, epl, knownRules);
    }

    public CorrelationRules withSigmaText(String source, String yaml) {
        List<SigmaText> all = new ArrayList<>(sigmaTexts);
        all.add(new SigmaText(source, yaml));
        return new CorrelationRules(sigmaFiles, all, epl, knownRules);
    }

    public CorrelationRules withEpl(List<EplRule> rules) {
        List<EplRuleSpec> all = new ArrayList<>(epl);
        rules.forEach(r -> all.add(EplRuleSpec.of(r)));
        return new CorrelationRules(sigmaFiles, sigmaTexts, all, knownRules);
    }

    public CorrelationRules withKnownRules(Set<String> known) {
        return new CorrelationRules(sigmaFiles, sigmaTexts, epl, known);
    }

    /**
     * Reads and parses the Sigma correlations and rebuilds the EPL rules. Never throws for a bad
     * rule: an unreadable file or an invalid document is a {@link Rejection.Reason#INVALID} with
     * its file:line; whether the rest compiles is the correlator's to say.
     */
    public Loaded load() {
        CorrelationLoader loader = new CorrelationLoader(knownRules);
        List<SigmaCorrelation> correlations = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        List<CorrelationLoadReport> reports = new ArrayList<>();
        if (!sigmaFiles.isEmpty()) {
            reports.add(loader.loadFiles(sigmaFiles.stream().map(Path::of).toList()));
        }
        for (SigmaText t : sigmaTexts) {
            reports.add(loader.load(t.source(), t.yaml()));
        }
        for (CorrelationLoadReport r : reports) {
            correlations.addAll(r.correlations());
            for (CorrelationProblem p : r.rejected()) {
                rejected.add(new Rejection(p.title() == null ? "(untitled)" : p.title(),
                        p.location() == null ? null : p.location().toString(), Rejection.Reason.INVALID, p.reason()));
            }
        }
        return new Loaded(correlations, epl.stream().map(EplRuleSpec::toRule).toList(), rejected);
    }
}
