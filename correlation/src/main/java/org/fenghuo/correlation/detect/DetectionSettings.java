package org.fenghuo.correlation.detect;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fenghuo.correlation.settings.SettingsCheck;

/**
 * Where the detection operator's rule and indicator sets come from, as {@code fenghuo detect} takes
 * them. Paths are strings (the record travels in the job graph and in control records) and are read
 * on the task manager: on a cluster every task manager needs the same files.
 *
 * @param sigmaRules   {@code detection.sigma.rules}: Sigma rule files or directories (every
 *                     {@code .yml}/{@code .yaml} below); empty = no Sigma (detection/ ships no rule pack)
 * @param pipelines    {@code detection.sigma.pipelines}: {@code standard} (the shipped ECS pipelines),
 *                     {@code none} (field names as written), or pipeline YAML files
 * @param placeholders {@code detection.sigma.placeholders}: YAML map of {@code |expand} placeholders; null = none
 * @param exceptions   {@code detection.sigma.exceptions}: per-rule exceptions file; null = none
 * @param indicators   {@code detection.indicators}: feeds as {@code stix:FILE}, {@code misp:FILE},
 *                     {@code list:FILE}, each named after its file (the alerts' {@code fenghuo.ioc.<name>});
 *                     empty = no IOC matching
 * @param strict       {@code detection.strict}: a set in which any rule, correlation or feed is rejected
 *                     is refused whole (default true: a reload that silently loses detections is worse
 *                     than keeping the previous set); false runs what loaded, as the CLI does
 */
public record DetectionSettings(List<String> sigmaRules, List<String> pipelines, String placeholders,
        String exceptions, List<String> indicators, boolean strict) implements Serializable {
    private static final long serialVersionUID = 1L;

    public DetectionSettings {
        sigmaRules = sigmaRules == null ? List.of() : List.copyOf(sigmaRules);
        pipelines = pipelines == null || pipelines.isEmpty() ? List.of("standard") : List.copyOf(pipelines);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** No rules, no feeds, the standard pipelines, strict: detection/ ships no Sigma pack and no feed. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(List.of(), List.of("standard"), null, null, List.of(), true);
    }

    public DetectionSettings withSigmaRules(String... paths) {
        return new DetectionSettings(List.of(paths), pipelines, placeholders, exceptions, indicators, strict);
    }

    public DetectionSettings withPipelines(String... pipelines) {
        return new DetectionSettings(sigmaRules, List.of(pipelines), placeholders, exceptions, indicators, strict);
    }

    public DetectionSettings withIndicators(String... feeds) {
        return new DetectionSettings(sigmaRules, pipelines, placeholders, exceptions, List.of(feeds), strict);
    }

    public DetectionSettings withStrict(boolean strict) {
        return new DetectionSettings(sigmaRules, pipelines, placeholders, exceptions, indicators, strict);
    }

    /** Every problem at once, each naming its key; files are checked for readability, not content. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < sigmaRules.size(); i++) {
            readable("detection.sigma.rules[" + i + "]", sigmaRules.get(i), true, problems);
        }
        boolean named = pipelines.size() == 1 && (pipelines.get(0).equals("standard") || pipelines.get(0).equals("none"));
        if (!named) {
            for (int i = 0; i < pipelines.size(); i++) {
                readable("detection.sigma.pipelines[" + i + "]", pipelines.get(i), false, problems);
            }
        }
        if (placeholders != null) {
            readable("detection.sigma.placeholders", placeholders, false, problems);
        }
        if (exceptions != null) {
            readable("detection.sigma.exceptions", exceptions, false, problems);
        }
        Set<String> feedNames = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            String key = "detection.indicators[" + i + "]";
            IndicatorFeedSpec spec = IndicatorFeedSpec.parse(indicators.get(i));
            if (spec == null) {
                problems.add(key + " = " + indicators.get(i) + ": expected stix:FILE, misp:FILE or list:FILE");
                continue;
            }
            readable(key, spec.file(), false, problems);
            if (!feedNames.add(spec.name())) {
                // the feed name is the alerts' rule id: two feeds must not share one
                problems.add(key + " = " + indicators.get(i) + ": a feed named '" + spec.name()
                        + "' is already configured; rename one of the files");
            }
        }
        return problems;
    }

    public DetectionSettings validated() {
        SettingsCheck.throwIfAny("detection settings", problems());
        return this;
    }

    private static void readable(String key, String path, boolean directoryAllowed, List<String> problems) {
        if (path == null || path.isBlank()) {
            problems.add(key + " = " + path + ": expected a file path");
            return;
        }
        Path p = Path.of(path);
        if (!Files.isReadable(p)) {
            problems.add(key + " = " + path + ": expected a readable " + (directoryAllowed ? "file or directory" : "file"));
        } else if (!directoryAllowed && Files.isDirectory(p)) {
            problems.add(key + " = " + path + ": expected a file, got a directory");
        }
    }
}
