package org.fenghuo.detection.alert;

import java.util.List;
import java.util.Objects;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;

/**
 * What every alert of one detection says about the detection itself: a Sigma rule, an indicator
 * set, an anomaly detector.
 *
 * @param id         {@code rule.id}: stable (a Sigma rule's UUID, {@code fenghuo.anomaly.port_scan.horizontal} ...)
 * @param name       {@code rule.name}: the title an analyst reads
 * @param version    {@code rule.version}: version or modified date; null when unknown
 * @param severity   default severity of its alerts
 * @param category   GB/T 20986-2023 category its alerts point to
 * @param tactics    ATT&CK tactics
 * @param techniques ATT&CK techniques
 */
public record RuleInfo(String id, String name, String version, Severity severity, IncidentCategory category,
        List<AttackTactic> tactics, List<AttackTechnique> techniques) {
    public RuleInfo {
        Objects.requireNonNull(id, "rule.id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        tactics = tactics == null ? List.of() : List.copyOf(tactics);
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
    }
}
