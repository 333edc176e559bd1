package org.fenghuo.correlation.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Weights of the risk score (YAML {@code scoring:}); see {@link RiskScorer} for the formula.
 *
 * @param severityWeight     points for the most severe alert ({@code weights.severity}, 40)
 * @param criticalityWeight  points for the most critical asset ({@code weights.criticality}, 30)
 * @param progressionWeight  points for ATT&CK tactic progression ({@code weights.progression}, 30)
 * @param unknownCriticality criticality assumed when no entity is a known asset ({@code unknown_criticality}, 2)
 * @param tacticBreadthCap   distinct tactics that give full breadth ({@code tactic_breadth_cap}, 5)
 */
public record ScoringSettings(int severityWeight, int criticalityWeight, int progressionWeight, int unknownCriticality,
        int tacticBreadthCap) {

    public static ScoringSettings defaults() {
        return new ScoringSettings(40, 30, 30, 2, 5);
    }

    /** @throws ConfigException naming each bad value */
    public ScoringSettings {
        List<String> problems = new ArrayList<>();
        for (int w : new int[] {severityWeight, criticalityWeight, progressionWeight}) {
            if (w < 0 || w > 100) {
                problems.add("scoring.weights = " + w + ": expected each weight from 0 to 100");
            }
        }
        int sum = severityWeight + criticalityWeight + progressionWeight;
        if (sum != 100) {
            problems.add("scoring.weights = severity " + severityWeight + " + criticality " + criticalityWeight
                    + " + progression " + progressionWeight + " = " + sum + ": expected a sum of 100");
        }
        if (unknownCriticality < 1 || unknownCriticality > 5) {
            problems.add("scoring.unknown_criticality = " + unknownCriticality + ": expected 1 to 5");
        }
        if (tacticBreadthCap < 1 || tacticBreadthCap > 14) {
            problems.add("scoring.tactic_breadth_cap = " + tacticBreadthCap + ": expected 1 to 14");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("scoring settings", problems);
        }
    }

    static ScoringSettings read(YamlNode node, ConfigReader in) {
        ScoringSettings d = defaults();
        if (!in.isMapping(node, "scoring")) {
            return d;
        }
        in.onlyKeys(node, "scoring", Set.of("weights", "unknown_criticality", "tactic_breadth_cap"));
        int s = d.severityWeight();
        int c = d.criticalityWeight();
        int p = d.progressionWeight();
        YamlNode w = ConfigReader.child(node, "weights");
        if (in.isMapping(w, "scoring.weights")) {
            in.onlyKeys(w, "scoring.weights", Set.of("severity", "criticality", "progression"));
            s = in.integer(w, "scoring.weights", "severity", s, 0, 100);
            c = in.integer(w, "scoring.weights", "criticality", c, 0, 100);
            p = in.integer(w, "scoring.weights", "progression", p, 0, 100);
            if (s + c + p != 100) {
                in.problem(w.line(), "scoring.weights", s + " + " + c + " + " + p + " = " + (s + c + p), "a sum of 100");
                s = d.severityWeight();
                c = d.criticalityWeight();
                p = d.progressionWeight();
            }
        }
        return new ScoringSettings(s, c, p, in.integer(node, "scoring", "unknown_criticality", d.unknownCriticality(), 1, 5),
                in.integer(node, "scoring", "tactic_breadth_cap", d.tacticBreadthCap(), 1, 14));
    }
}
