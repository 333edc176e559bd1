package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.fenghuo.events.Incident;
import org.fenghuo.events.IncidentStatus;

/**
 * Groups alerts into incidents by entity and time, with per-rule suppression, risk score and
 * GB/T 20986 classification. Plain Java, event time only (alert timestamps and the watermarks
 * passed in), all state available as data ({@link #snapshot()}), so a Flink keyed operator can
 * wrap it: key the stream by {@link #groupKey(Alert)}; one instance may also hold many keys.
 *
 * <p><b>Grouping</b>: alerts with the same {@link #groupKey group key} join the same incident while
 * each arrives no later than {@code join_window} after the incident's latest alert (exactly at the
 * edge still joins). Once the watermark passes that edge the incident is closed (it takes no more
 * alerts; its status stays OPEN, which is the analysts' workflow) and the key's next alert opens a
 * new one. <b>Ids</b> are {@link IncidentIds#of}(group key, first alert id): the same alerts give the
 * same ids, also after a restore or a replay. Every accepted alert yields the next version of the
 * same incident: same id, {@code updated} moved, alert id appended (up to {@code max_alert_ids}),
 * tactics and techniques merged, severity, risk score, category and warning level recomputed.
 *
 * <p>Not thread-safe.
 */
public final class IncidentBuilder {
    private final IncidentSettings settings;
    private final AssetLookup assets;
    private final AlertSuppressor suppressor;
    private final RiskScorer scorer;
    private final IncidentClassifier classifier;
    private final TreeMap<String, OpenIncident> open = new TreeMap<>();
    private Instant watermark;
    private Instant earliestClose;
    private long accepted;
    private long duplicates;
    private long suppressed;
    private long opened;
    private long closed;

    /** @param assets what the risk score looks entities up in; {@link AssetLookup#NONE} for nothing */
    public IncidentBuilder(IncidentSettings settings, AssetLookup assets) {
        this.settings = settings;
        this.assets = assets == null ? AssetLookup.NONE : assets;
        this.suppressor = new AlertSuppressor(settings.suppression());
        this.scorer = new RiskScorer(settings.scoring());
        this.classifier = new IncidentClassifier(settings.classification(), settings.scoring().unknownCriticality());
    }

    /**
     * The alert's primary entity, the attacker side first: {@code source.ip=<first source ip>},
     * else {@code user.name=<first user>}, else {@code host.name=<first host>}, else
     * {@code destination.ip=<first destination ip>}, else {@code rule.id=<rule id>} (an alert about
     * nothing in particular groups with its rule's).
     */
    public static String groupKey(Alert alert) {
        Entities e = alert.entities();
        if (!e.sourceIps().isEmpty()) {
            return "source.ip=" + e.sourceIps().get(0);
        }
        if (!e.users().isEmpty()) {
            return "user.name=" + e.users().get(0);
        }
        if (!e.hosts().isEmpty()) {
            return "host.name=" + e.hosts().get(0);
        }
        if (!e.destinationIps().isEmpty()) {
            return "destination.ip=" + e.destinationIps().get(0);
        }
        return "rule.id=" + alert.ruleId();
    }

    /** The new version of the incident the alert joined or opened; empty when it is a duplicate or suppressed. */
    public List<Incident> accept(Alert alert) {
        AlertOutcome o = process(alert);
        return o.incident() == null ? List.of() : List.of(o.incident());
    }

    /** The decision on the alert and, when accepted, the incident's new version with its details. */
    public AlertOutcome process(Alert alert) {
        String key = groupKey(alert);
        OpenIncident current = open.get(key);
        if (current != null && current.updated().plus(settings.joinWindow()).isBefore(alert.timestamp())) {
            close(key); // its window passed before the watermark said so: this alert starts afresh
            current = null;
        }
        if (current != null && current.alertIds().contains(alert.id())) {
            duplicates++;
            return new AlertOutcome(Decision.duplicate(alert.id(), "alert " + alert.id() + " is already in incident "
                    + current.id()), null, 0, null, null);
        }
        Decision d = suppressor.decide(alert, key);
        if (!d.accepted()) {
            if (d.kind() == Decision.Kind.DUPLICATE) {
                duplicates++;
            } else {
                suppressed++;
            }
            return new AlertOutcome(d, null, 0, null, null);
        }
        accepted++;
        AssetImpact impact = assets.impact(alert.entities());
        OpenIncident next;
        if (current == null) {
            next = IncidentMerge.open(alert, key, impact);
            opened++;
        } else {
            next = IncidentMerge.join(current, alert, impact, settings.maxAlertIds(), settings.maxEntities());
        }
        open.put(key, next);
        Instant closeAfter = next.updated().plus(settings.joinWindow());
        if (earliestClose == null || closeAfter.isBefore(earliestClose)) {
            earliestClose = closeAfter;
        }
        return outcome(next);
    }

    private AlertOutcome outcome(OpenIncident o) {
        RiskScore risk = scorer.score(o.severity(), o.impact(), o.tactics());
        Classification c = classifier.classify(o.categories(), risk.value(), o.impact(), o.tactics());
        Incident incident = new Incident(o.id(), o.created(), o.updated(), IncidentMerge.title(o), IncidentStatus.OPEN,
                o.severity(), risk.value(), o.alertIds(), o.entities(), o.tactics(), o.techniques(), c.category(),
                c.warningLevel());
        return new AlertOutcome(Decision.ACCEPT, incident, o.alertCount(), c, risk);
    }

    /**
     * Closes incidents whose join window the watermark has passed and drops ended suppression
     * windows. Returns the last version of each incident closed (unchanged: closing only stops
     * it taking alerts), in group-key order.
     */
    public List<Incident> advanceWatermark(Instant newWatermark) {
        if (watermark != null && !newWatermark.isAfter(watermark)) {
            return List.of();
        }
        watermark = newWatermark;
        suppressor.advanceWatermark(newWatermark);
        if (earliestClose == null || !newWatermark.isAfter(earliestClose)) {
            return List.of();
        }
        List<Incident> done = new ArrayList<>();
        earliestClose = null;
        for (Map.Entry<String, OpenIncident> e : List.copyOf(open.entrySet())) {
            Instant edge = e.getValue().updated().plus(settings.joinWindow());
            if (newWatermark.isAfter(edge)) {
                done.add(outcome(e.getValue()).incident());
                close(e.getKey());
            } else if (earliestClose == null || edge.isBefore(earliestClose)) {
                earliestClose = edge;
            }
        }
        return done;
    }

    private void close(String key) {
        open.remove(key);
        closed++;
    }

    /**
     * When the key's open incident closes: it closes once the watermark is after this instant
     * (a Flink operator registers an event-time timer one millisecond later). Null when none is open.
     */
    public Instant closesAfter(String groupKey) {
        OpenIncident o = open.get(groupKey);
        return o == null ? null : o.updated().plus(settings.joinWindow());
    }

    /**
     * When the key holds nothing any more: once the watermark is after this instant its incident is
     * closed and its suppression windows have ended, so {@link #snapshot(String)} is empty (a keyed
     * operator clears the key's state from a timer one millisecond later). Null when the key holds
     * nothing already.
     */
    public Instant stateExpires(String groupKey) {
        Instant close = closesAfter(groupKey);
        Instant windows = suppressor.latestEnd(groupKey);
        if (close == null || windows != null && windows.isAfter(close)) {
            return windows;
        }
        return close;
    }

    /** The open incident of a key, as data, or null. */
    public OpenIncident openIncident(String groupKey) {
        return open.get(groupKey);
    }

    public int openCount() {
        return open.size();
    }

    public Instant watermark() {
        return watermark;
    }

    public IncidentCounters counters() {
        return new IncidentCounters(accepted, duplicates, suppressed, opened, closed);
    }

    /** Everything, as data. */
    public IncidentBuilderState snapshot() {
        return new IncidentBuilderState(List.copyOf(open.values()), suppressor.snapshot(), watermark, counters());
    }

    /** One group key's incident and windows (counters zero): for keyed state. */
    public IncidentBuilderState snapshot(String groupKey) {
        OpenIncident o = open.get(groupKey);
        return new IncidentBuilderState(o == null ? List.of() : List.of(o), suppressor.snapshot(groupKey), watermark,
                IncidentCounters.ZERO);
    }

    /** Replaces everything with {@code state} (counters and watermark included). */
    public void restore(IncidentBuilderState state) {
        open.clear();
        suppressor.clear();
        earliestClose = null;
        restoreKey(state);
        watermark = state.watermark();
        IncidentCounters c = state.counters();
        accepted = c.accepted();
        duplicates = c.duplicates();
        suppressed = c.suppressed();
        opened = c.opened();
        closed = c.closed();
    }

    /** Adds one key's (or several keys') incidents and windows; counters and watermark are left alone. */
    public void restoreKey(IncidentBuilderState state) {
        for (OpenIncident o : state.open()) {
            open.put(o.groupKey(), o);
            Instant edge = o.updated().plus(settings.joinWindow());
            if (earliestClose == null || edge.isBefore(earliestClose)) {
                earliestClose = edge;
            }
        }
        suppressor.restore(state.suppression());
    }

    /** Forgets a key's incident and windows without counting it closed (its keyed state was cleared). */
    public void removeKey(String groupKey) {
        open.remove(groupKey);
        suppressor.remove(groupKey);
    }
}
