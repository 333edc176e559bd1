package org.fenghuo.correlation.correlate;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.fenghuo.correlation.engine.EplRule;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;

/**
 * An {@link EplRule} as plain serialisable data, so it travels in the job graph ({@code EplRule},
 * {@code RuleInfo} and {@code AttackTechnique} are not {@code Serializable}); rebuilt on the task
 * manager with {@link #toRule()}.
 *
 * @param id             {@code rule.id}
 * @param name           {@code rule.name}
 * @param version        {@code rule.version}, null when unknown
 * @param severity       default severity of its alerts
 * @param category       GB/T 20986-2023 category
 * @param tactics        ATT&CK tactics
 * @param techniqueIds   ATT&CK technique ids, parallel to {@code techniqueNames}
 * @param techniqueNames ATT&CK technique names
 * @param epl            the EPL module
 * @param windowMillis   its longest window
 */
public record EplRuleSpec(String id, String name, String version, Severity severity, IncidentCategory category,
        List<AttackTactic> tactics, List<String> techniqueIds, List<String> techniqueNames, String epl,
        long windowMillis) implements Serializable {
    private static final long serialVersionUID = 1L;

    public EplRuleSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(epl, "epl");
        // copies into serialisable lists that may hold null names (List.copyOf refuses nulls)
        tactics = List.copyOf(tactics);
        techniqueIds = List.copyOf(techniqueIds);
        techniqueNames = Collections.unmodifiableList(new ArrayList<>(techniqueNames));
        if (techniqueIds.size() != techniqueNames.size()) {
            throw new IllegalArgumentException("rule " + id + ": " + techniqueIds.size() + " technique ids but "
                    + techniqueNames.size() + " technique names");
        }
    }

    /** The description of {@code rule}. */
    public static EplRuleSpec of(EplRule rule) {
        RuleInfo r = rule.rule();
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (AttackTechnique t : r.techniques()) {
            ids.add(t.id());
            names.add(t.name());
        }
        return new EplRuleSpec(r.id(), r.name(), r.version(), r.severity(), r.category(), r.tactics(), ids, names,
                rule.epl(), rule.window().toMillis());
    }

    /** The rule again, equal to the one it was made from. */
    public EplRule toRule() {
        List<AttackTechnique> techniques = new ArrayList<>();
        for (int i = 0; i < techniqueIds.size(); i++) {
            techniques.add(new AttackTechnique(techniqueIds.get(i), techniqueNames.get(i)));
        }
        return new EplRule(new RuleInfo(id, name, version, severity, category, tactics, techniques), epl,
                Duration.ofMillis(windowMillis));
    }
}
