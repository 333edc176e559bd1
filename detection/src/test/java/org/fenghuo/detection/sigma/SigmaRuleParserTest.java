package org.fenghuo.detection.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fenghuo.detection.sigma.pipeline.LogSource;
import org.fenghuo.detection.sigma.rule.DetectionItem;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.detection.sigma.rule.RuleRejection;
import org.fenghuo.detection.sigma.rule.SearchIdentifier;
import org.fenghuo.detection.sigma.rule.SigmaDocument;
import org.fenghuo.detection.sigma.rule.SigmaRule;
import org.fenghuo.detection.sigma.rule.SigmaRuleParser;
import org.fenghuo.detection.sigma.rule.YamlDocuments;
import org.junit.jupiter.api.Test;

class SigmaRuleParserTest {
    private static final String RULE = """
            title: Suspicious su
            id: 0e95725d-7320-415d-80f7-004da920fc11
            status: experimental
            level: Medium
            date: 2024-01-02
            modified: 2024-03-04
            tags: [attack.privilege-escalation, attack.t1548]
            logsource:
                product: linux
                service: auth
            detection:
                selection:
                    process.name: su
                    message|contains:
                        - 'FAILED su'
                        - 'authentication failure'
                alternatives:
                    - user.name: root
                    - user.name|startswith: adm_
                keywords:
                    - 'session opened'
                condition: selection or alternatives or keywords
            fields: [user.name]
            falsepositives:
                - admins
            """;

    private static SigmaRule parse(String yaml) throws RuleRejection {
        YamlDocuments.Result read = YamlDocuments.read(yaml);
        assertThat(read.error()).isNull();
        return ((SigmaDocument.Rule) SigmaRuleParser.parse(read.documents().get(0), "r.yml")).rule();
    }

    @Test
    void readsAttributesAndDetectionWithLines() throws RuleRejection {
        SigmaRule r = parse(RULE);
        assertThat(r.title()).isEqualTo("Suspicious su");
        assertThat(r.id()).isEqualTo("0e95725d-7320-415d-80f7-004da920fc11");
        assertThat(r.level()).isEqualTo("medium");
        assertThat(r.modified()).isEqualTo("2024-03-04");
        assertThat(r.tags()).containsExactly("attack.privilege-escalation", "attack.t1548");
        assertThat(r.logsource()).isEqualTo(new LogSource(null, "linux", "auth"));
        assertThat(r.fields()).containsExactly("user.name");
        assertThat(r.falsepositives()).containsExactly("admins");
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.location()).isEqualTo("r.yml:1");

        assertThat(r.detection().identifiers()).containsOnlyKeys("selection", "alternatives", "keywords");
        SearchIdentifier sel = r.detection().identifiers().get("selection");
        assertThat(sel.line()).isEqualTo(12);
        assertThat(sel.alternatives()).hasSize(1);
        DetectionItem msg = sel.alternatives().get(0).get(1);
        assertThat(msg.field()).isEqualTo("message");
        assertThat(msg.modifiers()).containsExactly("contains");
        assertThat(msg.values()).containsExactly("FAILED su", "authentication failure");
        assertThat(msg.line()).isEqualTo(14);
        assertThat(r.detection().identifiers().get("alternatives").alternatives()).hasSize(2);
        DetectionItem kw = r.detection().identifiers().get("keywords").alternatives().get(0).get(0);
        assertThat(kw.field()).isNull();
        assertThat(kw.values()).containsExactly("session opened");
        assertThat(r.detection().conditions()).containsExactly("selection or alternatives or keywords");
        assertThat(r.detection().conditionLine()).isEqualTo(22);
    }

    @Test
    void malformedYamlNamesTheLine() {
        YamlDocuments.Result read = YamlDocuments.read("title: x\ndetection:\n  sel: [a, b\n  condition: sel\n");
        assertThat(read.error()).isNotNull();
        assertThat(read.error().reason()).isEqualTo(RejectReason.YAML_SYNTAX);
        assertThat(read.error().line()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void duplicateKeyIsAnError() {
        YamlDocuments.Result read = YamlDocuments.read("title: x\ntitle: y\n");
        assertThat(read.error().reason()).isEqualTo(RejectReason.YAML_SYNTAX);
        assertThat(read.error().detail()).contains("duplicate key \"title\"");
        assertThat(read.error().line()).isEqualTo(2);
    }

    @Test
    void structureErrorsAreRejections() {
        assertRejected("title: x\nlogsource: {product: linux}\n", RejectReason.NOT_A_RULE);
        assertRejected("logsource: {product: linux}\ndetection: {sel: {a: 1}, condition: sel}\n",
                RejectReason.INVALID_STRUCTURE);
        assertRejected("title: x\ndetection: {sel: {a: 1}, condition: sel}\n", RejectReason.INVALID_STRUCTURE);
        assertRejected("title: x\nlogsource: {product: linux}\ndetection: {sel: {a: 1}}\n", RejectReason.INVALID_STRUCTURE);
        assertRejected("title: x\nlogsource: {product: linux}\ndetection: {sel: {a: {b: 1}}, condition: sel}\n",
                RejectReason.INVALID_STRUCTURE);
        assertRejected("- just\n- a list\n", RejectReason.NOT_A_RULE);
    }

    private static void assertRejected(String yaml, RejectReason reason) {
        YamlDocuments.Result read = YamlDocuments.read(yaml);
        assertThatThrownBy(() -> SigmaRuleParser.parse(read.documents().get(0), "r.yml"))
                .isInstanceOfSatisfying(RuleRejection.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void correlationDocumentIsHandedBackUntouched() throws RuleRejection {
        String yaml = RULE + "---\ntitle: many su\ncorrelation:\n    type: event_count\n    rules: [x]\n";
        YamlDocuments.Result read = YamlDocuments.read(yaml);
        assertThat(read.documents()).hasSize(2);
        SigmaDocument d = SigmaRuleParser.parse(read.documents().get(1), "r.yml");
        assertThat(d).isInstanceOfSatisfying(SigmaDocument.Correlation.class, c -> {
            assertThat(c.location()).isEqualTo("r.yml:27");
            assertThat(c.document().entries()).containsOnlyKeys("title", "correlation");
        });
        assertThat(List.of(SigmaRuleParser.parse(read.documents().get(0), "r.yml")))
                .singleElement().isInstanceOf(SigmaDocument.Rule.class);
    }
}
