package org.fenghuo.correlation.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Thresholds for the GB/T 20986 level (YAML {@code classification:}). The first level whose
 * threshold is met applies, from I down; level IV is the rest. Independently, an incident that
 * reaches the ATT&CK Impact tactic on critical infrastructure with a risk of at least
 * {@code ciImpactMinRisk} is at least level {@code ciImpactLevel}.
 *
 * @param levelI          {@code levels.I}: default risk >= 90, criticality 5, critical infrastructure
 * @param levelII         {@code levels.II}: default risk >= 70, criticality >= 4
 * @param levelIII        {@code levels.III}: default risk >= 50
 * @param ciImpactMinRisk {@code critical_infrastructure_impact.min_risk}: default 60
 * @param ciImpactLevel   {@code critical_infrastructure_impact.level}: 1-4, default 2 (II)
 */
public record ClassificationSettings(LevelThreshold levelI, LevelThreshold levelII, LevelThreshold levelIII,
        int ciImpactMinRisk, int ciImpactLevel) {

    public static ClassificationSettings defaults() {
        return new ClassificationSettings(new LevelThreshold(90, 5, true), new LevelThreshold(70, 4, false),
                new LevelThreshold(50, 1, false), 60, 2);
    }

    /** @throws ConfigException naming each bad value */
    public ClassificationSettings {
        List<String> problems = new ArrayList<>();
        String[] names = {"I", "II", "III"};
        LevelThreshold[] levels = {levelI, levelII, levelIII};
        for (int i = 0; i < levels.length; i++) {
            LevelThreshold l = levels[i];
            if (l == null) {
                problems.add("classification.levels." + names[i] + ": expected a threshold");
                continue;
            }
            if (l.minRisk() < 0 || l.minRisk() > 100) {
                problems.add("classification.levels." + names[i] + ".min_risk = " + l.minRisk() + ": expected 0 to 100");
            }
            if (l.minCriticality() < 1 || l.minCriticality() > 5) {
                problems.add("classification.levels." + names[i] + ".min_criticality = " + l.minCriticality()
                        + ": expected 1 to 5");
            }
        }
        if (ciImpactMinRisk < 0 || ciImpactMinRisk > 100) {
            problems.add("classification.critical_infrastructure_impact.min_risk = " + ciImpactMinRisk + ": expected 0 to 100");
        }
        if (ciImpactLevel < 1 || ciImpactLevel > 4) {
            problems.add("classification.critical_infrastructure_impact.level = " + ciImpactLevel + ": expected I to IV");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("classification settings", problems);
        }
    }

    static ClassificationSettings read(YamlNode node, ConfigReader in) {
        ClassificationSettings d = defaults();
        if (!in.isMapping(node, "classification")) {
            return d;
        }
        in.onlyKeys(node, "classification", Set.of("levels", "critical_infrastructure_impact"));
        LevelThreshold[] levels = {d.levelI(), d.levelII(), d.levelIII()};
        YamlNode l = ConfigReader.child(node, "levels");
        if (in.isMapping(l, "classification.levels")) {
            in.onlyKeys(l, "classification.levels", Set.of("I", "II", "III"));
            String[] names = {"I", "II", "III"};
            for (int i = 0; i < names.length; i++) {
                YamlNode n = ConfigReader.child(l, names[i]);
                String path = "classification.levels." + names[i];
                if (in.isMapping(n, path)) {
                    in.onlyKeys(n, path, Set.of("min_risk", "min_criticality", "critical_infrastructure"));
                    levels[i] = new LevelThreshold(in.integer(n, path, "min_risk", levels[i].minRisk(), 0, 100),
                            in.integer(n, path, "min_criticality", levels[i].minCriticality(), 1, 5),
                            in.bool(n, path, "critical_infrastructure", levels[i].requiresCriticalInfrastructure()));
                }
            }
        }
        int ciRisk = d.ciImpactMinRisk();
        int ciLevel = d.ciImpactLevel();
        YamlNode ci = ConfigReader.child(node, "critical_infrastructure_impact");
        String path = "classification.critical_infrastructure_impact";
        if (in.isMapping(ci, path)) {
            in.onlyKeys(ci, path, Set.of("min_risk", "level"));
            ciRisk = in.integer(ci, path, "min_risk", ciRisk, 0, 100);
            String level = in.string(ci, path, "level", null);
            if (level != null) {
                try {
                    ciLevel = org.fenghuo.events.WarningLevel.fromGbLevel(level).levelNumber();
                } catch (IllegalArgumentException e) {
                    in.problem(ConfigReader.child(ci, "level").line(), path + ".level", level, "I, II, III or IV");
                }
            }
        }
        return new ClassificationSettings(levels[0], levels[1], levels[2], ciRisk, ciLevel);
    }
}
