package org.fenghuo.correlation.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.fenghuo.detection.anomaly.support.AddressSet;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;

/**
 * Decides, per rule, whether an alert is new, a duplicate or suppressed; the same for every rule
 * type (Sigma, IOC {@code fenghuo.ioc.*}, anomaly {@code fenghuo.anomaly.*}, correlation). In order:
 *
 * <ol>
 *   <li>{@code suppress_entities}: any of the alert's {@code source.ip}, {@code destination.ip}
 *       (against addresses and blocks), {@code user.name} or {@code host.name} (names, any case)
 *       is on the rule's list: SUPPRESSED;</li>
 *   <li>{@code dedup_window}: an accepted alert of the same rule with the same entities (all four
 *       lists) less than the window away in event time: DUPLICATE of it;</li>
 *   <li>{@code suppress_for}: an accepted alert of the same rule for the same primary entity
 *       (the group key) less than the duration away: SUPPRESSED;</li>
 *   <li>otherwise ACCEPT, and the alert opens both windows.</li>
 * </ol>
 * Windows are anchored at the accepted alert (a duplicate does not extend them) and half-open:
 * an alert exactly {@code dedup_window} after the anchor is new. Entries are dropped when the
 * watermark reaches their end. Not thread-safe.
 */
public final class AlertSuppressor {
    private final SuppressionSettings settings;
    private final Map<SuppressionRule, AddressSet> addresses = new HashMap<>();
    /** Entry key (kind, rule, entities) to entry; sorted so a snapshot is in a stable order. */
    private final TreeMap<String, SuppressionEntry> entries = new TreeMap<>();
    private Instant earliestEnd;

    public AlertSuppressor(SuppressionSettings settings) {
        this.settings = settings;
    }

    /** The decision for {@code alert}; an ACCEPT also opens the rule's windows for it. */
    public Decision decide(Alert alert) {
        return decide(alert, IncidentBuilder.groupKey(alert));
    }

    Decision decide(Alert alert, String groupKey) {
        SuppressionRule rule = settings.forRule(alert.ruleId());
        String allowed = allowlisted(rule, alert.entities());
        if (allowed != null) {
            return Decision.suppressed("suppress_entities: " + allowed + " is listed for rule " + alert.ruleId()
                    + " (entry " + rule.rule() + ")");
        }
        Instant t = alert.timestamp();
        String entities = entityKey(alert.entities());
        SuppressionEntry dedup = open(SuppressionEntry.key(SuppressionEntry.DEDUP, alert.ruleId(), entities),
                rule.dedupWindow(), t);
        if (dedup != null) {
            return Decision.duplicate(dedup.alertId(), "dedup_window " + ConfigReader.text(rule.dedupWindow())
                    + ": same rule and entities as alert " + dedup.alertId() + " at " + dedup.at());
        }
        SuppressionEntry suppress = open(SuppressionEntry.key(SuppressionEntry.SUPPRESS, alert.ruleId(), groupKey),
                rule.suppressFor(), t);
        if (suppress != null) {
            return Decision.suppressed("suppress_for " + ConfigReader.text(rule.suppressFor()) + ": rule "
                    + alert.ruleId() + " alerted for " + groupKey + " at " + suppress.at() + " (alert "
                    + suppress.alertId() + ")");
        }
        remember(SuppressionEntry.DEDUP, groupKey, alert, entities, rule.dedupWindow());
        remember(SuppressionEntry.SUPPRESS, groupKey, alert, groupKey, rule.suppressFor());
        return Decision.ACCEPT;
    }

    /** The open entry with the same key whose window covers {@code t}, or null. */
    private SuppressionEntry open(String key, Duration window, Instant t) {
        if (window.isZero()) {
            return null;
        }
        SuppressionEntry e = entries.get(key);
        if (e == null) {
            return null;
        }
        // |t - at| < window: an alert arriving out of order just before the anchor is a repeat too
        Duration gap = Duration.between(e.at(), t).abs();
        return gap.compareTo(window) < 0 ? e : null;
    }

    private void remember(String kind, String groupKey, Alert alert, String entityKey, Duration window) {
        if (window.isZero()) {
            return;
        }
        Instant until = alert.timestamp().plus(window);
        SuppressionEntry e = new SuppressionEntry(kind, groupKey, alert.ruleId(), entityKey, alert.id(),
                alert.timestamp(), until);
        entries.put(e.key(), e);
        if (earliestEnd == null || until.isBefore(earliestEnd)) {
            earliestEnd = until;
        }
    }

    /** Drops windows that end at or before {@code watermark}. */
    public void advanceWatermark(Instant watermark) {
        if (earliestEnd == null || watermark.isBefore(earliestEnd)) {
            return; // nothing can have ended: skip the scan
        }
        earliestEnd = null;
        Iterator<SuppressionEntry> it = entries.values().iterator();
        while (it.hasNext()) {
            SuppressionEntry e = it.next();
            if (!watermark.isBefore(e.until())) {
                it.remove();
            } else if (earliestEnd == null || e.until().isBefore(earliestEnd)) {
                earliestEnd = e.until();
            }
        }
    }

    /** Open windows, in a stable order. */
    public List<SuppressionEntry> snapshot() {
        return List.copyOf(entries.values());
    }

    /** Open windows of one group key (for keyed state). */
    public List<SuppressionEntry> snapshot(String groupKey) {
        List<SuppressionEntry> out = new ArrayList<>();
        for (SuppressionEntry e : entries.values()) {
            if (groupKey.equals(e.groupKey())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Adds windows (an entry with the same key is replaced). */
    public void restore(List<SuppressionEntry> state) {
        for (SuppressionEntry e : state) {
            entries.put(e.key(), e);
            if (earliestEnd == null || e.until().isBefore(earliestEnd)) {
                earliestEnd = e.until();
            }
        }
    }

    /** The end of the key's last window, or null when it has none. */
    Instant latestEnd(String groupKey) {
        Instant latest = null;
        for (SuppressionEntry e : entries.values()) {
            if (groupKey.equals(e.groupKey()) && (latest == null || e.until().isAfter(latest))) {
                latest = e.until();
            }
        }
        return latest;
    }

    /** Forgets every window. */
    public void clear() {
        entries.clear();
        earliestEnd = null;
    }

    /** Forgets the windows of one group key. */
    public void remove(String groupKey) {
        entries.values().removeIf(e -> groupKey.equals(e.groupKey()));
    }

    public int size() {
        return entries.size();
    }

    private String allowlisted(SuppressionRule rule, Entities entities) {
        if (rule.suppressEntities().isEmpty()) {
            return null;
        }
        AddressSet set = addresses.computeIfAbsent(rule, SuppressionRule::suppressedAddresses);
        List<String> names = rule.suppressedNames();
        for (List<String> ips : List.of(entities.sourceIps(), entities.destinationIps())) {
            for (String ip : ips) {
                if (set.contains(ip)) {
                    return ip;
                }
            }
        }
        for (List<String> ns : List.of(entities.users(), entities.hosts())) {
            for (String n : ns) {
                if (names.contains(n.toLowerCase(Locale.ROOT))) {
                    return n;
                }
            }
        }
        return null;
    }

    /** All four entity lists, each sorted, so the same entities in another order are the same key. */
    static String entityKey(Entities e) {
        return "s=" + sorted(e.sourceIps()) + "|d=" + sorted(e.destinationIps()) + "|u=" + sorted(e.users())
                + "|h=" + sorted(e.hosts());
    }

    private static String sorted(List<String> values) {
        return values.size() <= 1 ? String.join(",", values) : String.join(",", values.stream().sorted().toList());
    }
}
