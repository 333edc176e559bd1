package org.fenghuo.correlation.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.fenghuo.detection.sigma.correlation.RuleHit;

/**
 * Hits waiting for the watermark to pass them, handed out in event-time order; hits of the same
 * time in arrival order, so the same input gives the same alerts whatever the arrival interleaving
 * of different times.
 */
final class HitBuffer {
    /** A buffered hit and its arrival number, the tie-breaker. */
    private record Entry(RuleHit hit, long seq) {
    }

    private static final Comparator<Entry> ORDER = Comparator.<Entry, Instant>comparing(e -> e.hit().timestamp())
            .thenComparingLong(Entry::seq);

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(ORDER);
    private long seq;

    /** Adds a hit; it must have a time. */
    void add(RuleHit hit) {
        queue.add(new Entry(hit, seq++));
    }

    /** Hands every hit at or before {@code watermarkMillis} to {@code into}, oldest first, and forgets it. */
    void drainUpTo(long watermarkMillis, Consumer<RuleHit> into) {
        while (!queue.isEmpty() && TimeMillis.of(queue.peek().hit().timestamp()) <= watermarkMillis) {
            into.accept(queue.poll().hit());
        }
    }

    int size() {
        return queue.size();
    }

    /** The buffered hits in the order {@link #drainUpTo} would hand them out, for a snapshot. */
    List<RuleHit> contents() {
        List<Entry> all = new ArrayList<>(queue);
        all.sort(ORDER);
        return all.stream().map(Entry::hit).toList();
    }
}
