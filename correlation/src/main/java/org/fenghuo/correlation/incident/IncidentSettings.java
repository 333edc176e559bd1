package org.fenghuo.correlation.incident;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Incident settings: one YAML file, every key optional ({@link #defaults()} work with no file).
 * See {@code incident/incidents.example.yml} for a documented example.
 *
 * @param joinWindow     an incident takes alerts until this long after its latest one ({@code join_window}, 1h)
 * @param maxAlertIds    alert ids kept per incident; more are counted, not listed ({@code max_alert_ids}, 1000)
 * @param maxEntities    values kept per entity list and techniques per incident ({@code max_entities}, 100)
 * @param suppression    per-rule deduplication and suppression ({@code suppression})
 * @param scoring        risk score weights ({@code scoring})
 * @param classification GB/T 20986 level thresholds ({@code classification})
 * @param learnedAssets  learning assets from flows ({@code learned_assets})
 */
public record IncidentSettings(Duration joinWindow, int maxAlertIds, int maxEntities, SuppressionSettings suppression,
        ScoringSettings scoring, ClassificationSettings classification, LearnedAssetSettings learnedAssets) {

    private static final Set<String> KEYS = Set.of("join_window", "max_alert_ids", "max_entities", "suppression",
            "scoring", "classification", "learned_assets");

    public IncidentSettings {
        Objects.requireNonNull(joinWindow, "join_window");
        List<String> problems = new ArrayList<>();
        if (joinWindow.isNegative() || joinWindow.isZero()) {
            problems.add("join_window = " + joinWindow + ": expected a duration > 0");
        }
        if (maxAlertIds < 1) {
            problems.add("max_alert_ids = " + maxAlertIds + ": expected >= 1");
        }
        if (maxEntities < 1) {
            problems.add("max_entities = " + maxEntities + ": expected >= 1");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("incident settings", problems);
        }
        suppression = suppression == null ? SuppressionSettings.defaults() : suppression;
        scoring = scoring == null ? ScoringSettings.defaults() : scoring;
        classification = classification == null ? ClassificationSettings.defaults() : classification;
        learnedAssets = learnedAssets == null ? LearnedAssetSettings.defaults() : learnedAssets;
    }

    public static IncidentSettings defaults() {
        return new IncidentSettings(Duration.ofHours(1), 1000, 100, null, null, null, null);
    }

    public IncidentSettings withJoinWindow(Duration window) {
        return new IncidentSettings(window, maxAlertIds, maxEntities, suppression, scoring, classification, learnedAssets);
    }

    public IncidentSettings withSuppression(SuppressionSettings s) {
        return new IncidentSettings(joinWindow, maxAlertIds, maxEntities, s, scoring, classification, learnedAssets);
    }

    public IncidentSettings withMaxAlertIds(int max) {
        return new IncidentSettings(joinWindow, max, maxEntities, suppression, scoring, classification, learnedAssets);
    }

    /** @throws ConfigException listing every problem with file:line; IOException when unreadable */
    public static IncidentSettings load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param source names the file in messages
     * @throws ConfigException listing every problem, each with source:line, the key, the value and what was expected
     */
    public static IncidentSettings parse(String yaml, String source) {
        List<String> problems = new ArrayList<>();
        ConfigReader in = new ConfigReader(source, problems);
        YamlNode doc = YamlNode.parse(yaml, source, problems);
        IncidentSettings d = defaults();
        if (doc == null) {
            if (!problems.isEmpty()) {
                throw new ConfigException("incident settings " + source, in.sortedProblems());
            }
            return d;
        }
        if (doc.map() == null) {
            in.problem(doc.line(), "(document)", doc.kind(), "a mapping of settings");
            throw new ConfigException("incident settings " + source, in.sortedProblems());
        }
        in.onlyKeys(doc, "", KEYS);
        Duration join = in.duration(doc, "", "join_window", d.joinWindow(), Duration.ofSeconds(1), Duration.ofDays(30));
        int ids = in.integer(doc, "", "max_alert_ids", d.maxAlertIds(), 1, 1_000_000);
        int entities = in.integer(doc, "", "max_entities", d.maxEntities(), 1, 100_000);
        SuppressionSettings suppression = SuppressionSettings.read(ConfigReader.child(doc, "suppression"), in);
        ScoringSettings scoring = ScoringSettings.read(ConfigReader.child(doc, "scoring"), in);
        ClassificationSettings classification = ClassificationSettings.read(ConfigReader.child(doc, "classification"), in);
        LearnedAssetSettings learned = LearnedAssetSettings.read(ConfigReader.child(doc, "learned_assets"), in);
        if (!problems.isEmpty()) {
            throw new ConfigException("incident settings " + source, in.sortedProblems());
        }
        return new IncidentSettings(join, ids, entities, suppression, scoring, classification, learned);
    }
}
