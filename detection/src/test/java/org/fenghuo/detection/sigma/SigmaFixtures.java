package org.fenghuo.detection.sigma;

import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.SecurityEvent;

/** Small builders for rule and event fixtures. */
final class SigmaFixtures {
    private SigmaFixtures() {
    }

    /** A complete rule around {@code detection} (indented YAML lines under {@code detection:}). */
    static String rule(String detection) {
        return """
                title: Test rule
                id: 11111111-2222-3333-4444-555555555555
                status: test
                level: high
                tags:
                    - attack.credential-access
                    - attack.t1110.001
                logsource:
                    product: linux
                    service: auth
                detection:
                """ + detection.stripIndent().lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
    }

    static LoadResult load(String yaml) {
        return load(yaml, Map.of());
    }

    static LoadResult load(String yaml, Map<String, List<String>> placeholders) {
        return SigmaRuleSet.fromYaml("test.yml", yaml, PipelineResolver.IDENTITY, placeholders, null);
    }

    /** The rule set of one rule that must load. */
    static SigmaRuleSet ruleSet(String detection) {
        LoadResult r = load(rule(detection));
        if (r.ruleSet().size() != 1) {
            throw new AssertionError("fixture rule rejected: " + r.report().rejections());
        }
        return r.ruleSet();
    }

    static SecurityEvent event(String json) {
        try {
            return EcsJsonCodec.fromJson(json);
        } catch (EcsJsonException e) {
            throw new AssertionError(e);
        }
    }

    static boolean matches(SigmaRuleSet set, String json) {
        return !set.evaluate(event(json)).isEmpty();
    }
}
