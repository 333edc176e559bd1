package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.Severity;

/**
 * An incident still taking alerts, as data (a checkpoint holds these). The {@code Incident} sent
 * downstream is computed from it on every change. Lists are never null.
 *
 * @param id            the stable incident id ({@link IncidentIds})
 * @param groupKey      the group key its alerts share
 * @param firstAlertId  the alert that opened it (part of the id)
 * @param firstRuleName the name (else id) of that alert's rule, the start of the title
 * @param created       event time of the alert that opened it; never moves (the sink's daily index follows it)
 * @param updated       event time of its latest alert
 * @param alertIds      ids of its alerts, in arrival order, at most {@code max_alert_ids}
 * @param alertCount    how many alerts joined, including those beyond the id cap
 * @param severity      the highest alert severity
 * @param entities      union of the alerts' entities, each list capped at {@code max_entities}
 * @param tactics       union of the alerts' tactics, kill-chain order
 * @param techniques    union of the alerts' techniques, first seen first, capped at {@code max_entities}
 * @param categories    alert counts per GB/T category and severity
 * @param impact        the most critical asset seen among the alerts' entities, null when none is known
 */
public record OpenIncident(String id, String groupKey, String firstAlertId, String firstRuleName, Instant created,
        Instant updated, List<String> alertIds, long alertCount, Severity severity, Entities entities,
        List<AttackTactic> tactics, List<AttackTechnique> techniques, List<CategoryCount> categories,
        AssetImpact impact) {

    public OpenIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupKey, "groupKey");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(severity, "severity");
        alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
        entities = entities == null ? Entities.NONE : entities;
        tactics = tactics == null ? List.of() : List.copyOf(tactics);
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
