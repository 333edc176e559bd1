package org.fenghuo.detection.anomaly.volume;

import java.util.List;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;

/**
 * Which host a flow's bytes are counted for. A {@link org.fenghuo.detection.anomaly.KeyedDetector}
 * gives an event one key, so each direction is its own detector. Both count {@code source.bytes}
 * (what the initiator sent): for {@link #EGRESS} it is what the host uploaded on connections it
 * opened, the exfiltration path; for {@link #INGRESS} what others pushed to it (floods, uploads to a
 * server). Bytes a host receives on connections it opened (downloads) are in neither.
 */
public enum Direction {
    /**
     * Keyed by {@code source.ip}. ATT&CK T1048 (Exfiltration Over Alternative Protocol): the volume is
     * what the correlation pack joins with DNS tunnelling and beaconing. GB/T 20986 abnormal behaviour:
     * a surge alone proves no theft.
     */
    EGRESS("fenghuo.anomaly.volume.egress", new RuleInfo("fenghuo.anomaly.volume.egress",
            "Unusual outbound volume from a host", "1", Severity.MEDIUM, IncidentCategory.ABNORMAL_BEHAVIOUR,
            List.of(AttackTactic.EXFILTRATION),
            List.of(new AttackTechnique("T1048", "Exfiltration Over Alternative Protocol")))),
    /** Keyed by {@code destination.ip}. ATT&CK T1498 (Network Denial of Service), the likeliest harmful reading. */
    INGRESS("fenghuo.anomaly.volume.ingress", new RuleInfo("fenghuo.anomaly.volume.ingress",
            "Unusual inbound volume to a host", "1", Severity.LOW, IncidentCategory.ABNORMAL_BEHAVIOUR,
            List.of(AttackTactic.IMPACT), List.of(new AttackTechnique("T1498", "Network Denial of Service"))));

    private final String id;
    private final RuleInfo rule;

    Direction(String id, RuleInfo rule) {
        this.id = id;
        this.rule = rule;
    }

    public String id() {
        return id;
    }

    RuleInfo rule() {
        return rule;
    }

    /** The host the bytes count for. */
    String host(SecurityEvent e) {
        SecurityEvent.Endpoint end = this == EGRESS ? e.source() : e.destination();
        return end == null ? null : end.ip();
    }

    /** The other side. */
    String peer(SecurityEvent e) {
        SecurityEvent.Endpoint end = this == EGRESS ? e.destination() : e.source();
        return end == null ? null : end.ip();
    }
}
