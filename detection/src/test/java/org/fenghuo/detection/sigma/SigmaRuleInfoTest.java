package org.fenghuo.detection.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.pipeline.LogSource;
import org.fenghuo.detection.sigma.rule.Detection;
import org.fenghuo.detection.sigma.rule.SigmaRule;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

/** The category table of the README, row by row, and the other RuleInfo fields. */
class SigmaRuleInfoTest {

    private static RuleInfo info(String title, String level, LogSource ls, String... tags) {
        SigmaRule rule = new SigmaRule("r.yml", 1, title, null, null, null, null, level, "2024-01-01", null,
                List.of(tags), ls, List.of(), List.of(), new Detection(java.util.Map.of(), List.of("x"), 1));
        return SigmaRuleInfo.of(rule);
    }

    private static final LogSource LINUX = new LogSource(null, "linux", null);

    @Test
    void categoryTable() {
        assertThat(info("x", null, new LogSource("antivirus", null, null)).category())
                .isEqualTo(IncidentCategory.MALICIOUS_PROGRAM);
        assertThat(info("x", null, LINUX, "attack.execution", "attack.s0154").category())
                .isEqualTo(IncidentCategory.MALICIOUS_PROGRAM);
        assertThat(info("Ransomware note dropped", null, LINUX, "attack.impact").category())
                .isEqualTo(IncidentCategory.MALICIOUS_PROGRAM);
        assertThat(info("Data over DNS", null, LINUX, "attack.exfiltration", "attack.t1048").category())
                .isEqualTo(IncidentCategory.DATA_SECURITY);
        assertThat(info("x", null, LINUX, "attack.lateral-movement").category()).isEqualTo(IncidentCategory.NETWORK_ATTACK);
        assertThat(info("x", null, LINUX, "attack.t1190").category()).isEqualTo(IncidentCategory.NETWORK_ATTACK);
        assertThat(info("x", null, LINUX, "cve.2021-44228").category()).isEqualTo(IncidentCategory.NETWORK_ATTACK);
        assertThat(info("Operator rarely seen", null, LINUX, "detection.threat-hunting").category())
                .isEqualTo(IncidentCategory.ABNORMAL_BEHAVIOUR);
    }

    @Test
    void severityVersionAndTactics() {
        RuleInfo i = info("Title", "critical", LINUX, "attack.defense-evasion", "attack.privilege_escalation", "attack.t1548.003");
        assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(i.version()).isEqualTo("2024-01-01");
        assertThat(i.id()).as("no id and no name: the title").isEqualTo("Title");
        assertThat(i.tactics()).containsExactly(AttackTactic.DEFENSE_EVASION, AttackTactic.PRIVILEGE_ESCALATION);
        assertThat(i.techniques()).extracting(t -> t.id()).containsExactly("T1548.003");
        assertThat(info("x", null, LINUX).severity()).as("no level").isEqualTo(Severity.MEDIUM);
        assertThat(info("x", "informational", LINUX).severity()).isEqualTo(Severity.LOW);
    }
}
