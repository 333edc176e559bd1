package org.fenghuo.correlation.correlate;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.fenghuo.detection.sigma.SigmaPack;
import org.fenghuo.correlation.detect.DetectionRules;
import org.fenghuo.correlation.detect.DetectionSettings;
import org.fenghuo.correlation.detect.DetectionUpdate;

/**
 * How the correlation operator follows the rule-control stream ({@code fenghuo.rules}): for each
 * newer {@link DetectionUpdate}, the Sigma correlations of the update's rule set (or, for a plain
 * reload, of the settings the job started with, read again) plus the job's hand-written EPL rules,
 * which no update changes.
 *
 * @param initial the detection settings the job started with
 * @param epl     the hand-written EPL rules (the built-in pack) as {@link CorrelationRules} without Sigma
 */
public record CorrelationReload(DetectionSettings initial, CorrelationRules epl) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * What {@code update} asks the correlator to run.
     *
     * @param rules    the correlations of its set and the EPL rules
     * @param problems why the set is refused as a whole, exactly as detection refuses it
     *                 ({@link DetectionRules#load}: unreadable files, and in a strict set any rule,
     *                 correlation or feed that does not load); empty when it may run
     */
    public record Plan(CorrelationRules rules, List<String> problems) {
        public Plan {
            problems = List.copyOf(problems);
        }
    }

    /**
     * The plan for {@code update}. Detection's own check decides whether the set runs, so the
     * detection operator and the correlator always run the same version (it also loads the set's
     * indicator feeds, once per correlator subtask per reload).
     *
     */
    public Plan plan(DetectionUpdate update) {
        DetectionSettings settings = settingsOf(update);
        DetectionRules.Load check = DetectionRules.load(settings, update.version());
        if (!check.ok()) {
            return new Plan(epl, List.of(check.refusal()));
        }
        Optional<SigmaPack> loaded = DetectionRules.sigmaPack(settings);
        if (loaded.isEmpty()) {
            return new Plan(epl, List.of());
        }
        CorrelationRules sigma = CorrelationRules.of(loaded.get(), List.of());
        return new Plan(new CorrelationRules(sigma.sigmaFiles(), epl.sigmaTexts(), epl.epl(), sigma.knownRules()),
                List.of());
    }

    /** The rules of {@link #plan}, whatever its problems (the job's initial set, checked elsewhere). */
    public CorrelationRules rulesFor(DetectionUpdate update) {
        return plan(update).rules();
    }

    private DetectionSettings settingsOf(DetectionUpdate update) {
        return update.settings() == null ? initial : update.settings();
    }
}
