package org.fenghuo.detection.sigma.correlation;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.fenghuo.events.SecurityEvent;

/**
 * The hits of one (correlation, group-by key) within the timespan, oldest first, with the
 * aggregates the correlation type needs kept up to date as hits enter and leave.
 */
final class GroupWindow {
    /**
     * One hit in the window.
     *
     * @param millis event time
     * @param rule   index of the matched rule in {@code correlation.rules}
     * @param number the numeric field value (value_sum/avg/percentile)
     * @param value  the distinct-value key (value_count); null otherwise
     * @param event  the evidence
     */
    record Entry(long millis, int rule, double number, String value, SecurityEvent event) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final int[] perRule;
    private final Map<String, Integer> distinct = new HashMap<>();
    private int rulesHit;
    /** Hits at or before this time are not evaluated: the key alerted less than a timespan ago. */
    long suppressedUntil = Long.MIN_VALUE;
    /** End of a deferred window (hits up to it included); {@link Long#MIN_VALUE} when none is open. */
    long closesAt = Long.MIN_VALUE;
    /** Time of the latest hit (orders the keys for expiry). */
    long lastMillis;

    GroupWindow(int ruleCount) {
        perRule = new int[ruleCount];
    }

    /** Drops the hits older than {@code fromMillis}. */
    void evictBefore(long fromMillis) {
        while (!entries.isEmpty() && entries.peekFirst().millis() < fromMillis) {
            remove(entries.pollFirst());
        }
    }

    /** Adds a hit; returns false when the oldest one had to be dropped to stay within {@code maxHits}. */
    boolean add(Entry e, int maxHits) {
        entries.addLast(e);
        lastMillis = e.millis();
        if (perRule[e.rule()]++ == 0) {
            rulesHit++;
        }
        if (e.value() != null) {
            distinct.merge(e.value(), 1, Integer::sum);
        }
        if (entries.size() > maxHits) {
            remove(entries.pollFirst());
            return false;
        }
        return true;
    }

    private void remove(Entry e) {
        if (--perRule[e.rule()] == 0) {
            rulesHit--;
        }
        if (e.value() != null && distinct.merge(e.value(), -1, Integer::sum) == 0) {
            distinct.remove(e.value());
        }
    }

    void clear() {
        entries.clear();
        distinct.clear();
        Arrays.fill(perRule, 0);
        rulesHit = 0;
    }

    int size() {
        return entries.size();
    }

    Iterable<Entry> entries() {
        return entries;
    }

    Entry last() {
        return entries.peekLast();
    }

    /** The measure the condition is tested against, for {@code type}. */
    double measure(CorrelationType type, Integer percentile) {
        return switch (type) {
            case EVENT_COUNT -> entries.size();
            case VALUE_COUNT -> distinct.size();
            case TEMPORAL, TEMPORAL_ORDERED -> rulesHit;
            case VALUE_SUM -> sum();
            case VALUE_AVG -> entries.isEmpty() ? 0 : sum() / entries.size();
            case VALUE_PERCENTILE -> percentile(percentile == null ? 50 : percentile);
        };
    }

    // recomputed rather than kept as a running total: subtracting evicted doubles drifts, and eq must stay exact
    private double sum() {
        double s = 0;
        for (Entry e : entries) {
            s += e.number();
        }
        return s;
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    private double percentile(int p) {
        double[] v = new double[entries.size()];
        int i = 0;
        for (Entry e : entries) {
            v[i++] = e.number();
        }
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, rank - 1)];
    }

    /**
     * Whether the window holds hits of rules 0..n-1 in that arrival order, ending with the latest hit
     * (which must be of rule n-1). Walking back from the end and taking the latest earlier hit of each
     * rule keeps the chain as short as possible, so one exists iff this finds one.
     */
    boolean orderedChainEndsAtLast(int n) {
        Iterator<Entry> back = entries.descendingIterator();
        if (!back.hasNext() || back.next().rule() != n - 1) {
            return false;
        }
        int want = n - 2;
        while (want >= 0 && back.hasNext()) {
            if (back.next().rule() == want) {
                want--;
            }
        }
        return want < 0;
    }
}
