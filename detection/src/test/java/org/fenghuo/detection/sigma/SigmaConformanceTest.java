package org.fenghuo.detection.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.fenghuo.detection.sigma.pipeline.LogSource;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.FieldCondition;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.pipeline.Pipelines;
import org.fenghuo.detection.sigma.rule.DetectionItem;
import org.fenghuo.detection.sigma.rule.SearchIdentifier;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

/** The SigmaHQ rule packs in shared/data load (field names as written), with every rejection explained. */
class SigmaConformanceTest {

    /** The reasons a SigmaHQ rule may legitimately be refused by an in-memory ECS matcher. */
    private static final EnumSet<RejectReason> EXPECTED = EnumSet.of(RejectReason.UNSUPPORTED_REGEX,
            RejectReason.UNSUPPORTED_MODIFIER, RejectReason.UNKNOWN_PLACEHOLDER, RejectReason.BAD_CONDITION,
            RejectReason.NOT_A_RULE, RejectReason.DUPLICATE_ID);

    @Test
    void sigmaHqPacksLoad() {
        Path sigma = SharedData.require("sigma");
        List<Path> packs = List.of(sigma.resolve("rules"), sigma.resolve("rules-emerging-threats"),
                sigma.resolve("rules-threat-hunting"));
        LoadResult result = SigmaRuleSet.load(packs, PipelineResolver.IDENTITY, Map.of(), null);
        LoadReport report = result.report();
        System.out.println("Sigma conformance: " + report.summary());
        System.out.println("Sigma conformance: " + result.ruleSet().indexSummary());
        Map<String, Integer> details = new TreeMap<>();
        report.rejections().forEach(r -> details.merge(r.reason() + ": " + r.detail().replaceAll("\"[^\"]*\"", "\"…\""), 1, Integer::sum));
        details.forEach((k, v) -> System.out.println("  " + v + " x " + k));
        report.rejections().stream().limit(15).forEach(r -> System.out.println("  e.g. " + r));

        int total = report.rulesLoaded() + report.rejections().size();
        assertThat(total).as("documents seen").isGreaterThan(3000);
        assertThat(report.rulesLoaded()).as("rules loaded of " + total).isGreaterThanOrEqualTo((int) Math.ceil(total * 0.95));
        assertThat(report.rejectedByReason().keySet()).as("rejection reasons").isSubsetOf(EXPECTED);
    }

    /**
     * With the shipped processing pipelines (ECS network, Linux, Windows): what loads, and that a
     * rule is refused only for a known reason (log sources the pipelines do not map included).
     */
    @Test
    void sigmaHqPacksWithTheStandardPipelines() {
        Path sigma = SharedData.require("sigma");
        LoadResult result = SigmaRuleSet.load(List.of(sigma.resolve("rules"), sigma.resolve("rules-emerging-threats"),
                sigma.resolve("rules-threat-hunting")), Pipelines.standard(), Map.of(), null);
        System.out.println("Sigma conformance, standard pipelines: " + result.report().summary());
        System.out.println("Sigma conformance, standard pipelines: " + result.ruleSet().indexSummary());
        EnumSet<RejectReason> known = EnumSet.copyOf(EXPECTED);
        known.add(RejectReason.UNSUPPORTED_LOGSOURCE);
        assertThat(result.report().rejectedByReason().keySet()).isSubsetOf(known);
        assertThat(result.report().rulesLoaded()).isGreaterThan(0);
    }

    /**
     * The index (log-source groups, Aho-Corasick pre-filter) must give exactly what evaluating
     * every rule one by one gives. Events are made from each rule's own first selection (values
     * with wildcards removed), so that many rules match and the pre-filter is exercised.
     */
    @Test
    void indexedEvaluationAgreesWithEvaluatingEveryRule() throws JsonProcessingException {
        agreement(PipelineResolver.IDENTITY);
    }

    /**
     * The same with many log-source groups: a rule's product must be in the event's
     * {@code fh.product} list (with "all" as a second value, so two values dispatch to one group)
     * and its category equal {@code fh.category}; the events carry their own rule's log source.
     */
    @Test
    void groupDispatchAgreesWithEvaluatingEveryRule() throws JsonProcessingException {
        agreement(ls -> new LogSourceMapping(List.of("test"), conditions(ls), Map.of(), null));
    }

    private static List<FieldCondition> conditions(LogSource ls) {
        List<FieldCondition> c = new ArrayList<>();
        c.add(new FieldCondition("fh.product", ls.product() == null ? List.of("all") : List.of(ls.product(), "all")));
        if (ls.category() != null) {
            c.add(new FieldCondition("fh.category", List.of(ls.category())));
        }
        return c;
    }

    private static void agreement(PipelineResolver resolver) throws JsonProcessingException {
        Path sigma = SharedData.require("sigma");
        SigmaRuleSet set = SigmaRuleSet.load(List.of(sigma.resolve("rules"), sigma.resolve("rules-emerging-threats"),
                sigma.resolve("rules-threat-hunting")), resolver, Map.of(), null).ruleSet();
        System.out.println("Sigma conformance: " + set.indexSummary());
        ObjectMapper json = new ObjectMapper();
        int events = 0;
        int matched = 0;
        for (SigmaRuleSet.ActiveRule rule : set.rules()) {
            SecurityEvent e = eventFrom(rule, json);
            if (e == null) {
                continue;
            }
            events++;
            List<String> indexed = set.evaluate(e).stream().map(m -> m.rule().key()).toList();
            assertThat(indexed).as(rule.rule().location()).containsExactlyInAnyOrderElementsOf(set.evaluateWithoutIndex(e));
            matched += indexed.contains(rule.rule().key()) ? 1 : 0;
        }
        System.out.println("Sigma conformance: " + events + " self-made events, " + matched
                + " matched their own rule; index and rule-by-rule evaluation agree on all");
        assertThat(events).isGreaterThan(3000);
        assertThat(matched).isGreaterThan(1000);
    }

    private static SecurityEvent eventFrom(SigmaRuleSet.ActiveRule rule, ObjectMapper json)
            throws JsonProcessingException {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> keywords = new ArrayList<>();
        for (SearchIdentifier id : rule.rule().detection().identifiers().values()) {
            for (DetectionItem item : id.alternatives().get(0)) {
                if (item.values().isEmpty() || !(item.values().get(0) instanceof String v) || item.modifiers().contains("re")
                        || item.modifiers().contains("cidr")) {
                    continue;
                }
                String plain = v.replace("*", "").replace("?", "");
                if (item.field() == null) {
                    keywords.add(plain);
                } else {
                    fields.putIfAbsent(item.field(), plain);
                }
            }
            break;
        }
        if (!keywords.isEmpty()) {
            fields.putIfAbsent("message", String.join(" ", keywords));
        }
        if (fields.isEmpty()) {
            return null;
        }
        LogSource ls = rule.rule().logsource();
        fields.put("fh", Map.of("product", ls.product() == null ? List.of("all") : List.of(ls.product(), "all"),
                "category", ls.category() == null ? "none" : ls.category()));
        try {
            return EcsJsonCodec.fromJson(json.writeValueAsString(fields));
        } catch (EcsJsonException e) {
            return null; // a value the ECS type of that field refuses (text in a port): not an event
        }
    }
}
