package org.fenghuo.correlation.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.fenghuo.detection.sigma.correlation.RuleHit;

/**
 * Hits waiting for the watermark to pass them, handed out in event-time order. Hits of the same
 * time go by rule id and {@code event.id}, then arrival: by content rather than arrival, so a
 * replay from the source after a failure, whose channels may interleave differently, feeds them in
 * the same order and the alerts (whose ids hash their evidence) come out the same.
 */
final class HitBuffer {
    /** A buffered hit and its arrival number, the tie-breaker. */
    private record Entry(RuleHit hit, long seq) {
    }

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Entry> ORDER = Comparator.<Entry, Instant>comparing(e -> e.hit().timestamp())
            .thenComparing(e -> e.hit().ruleId(), NULLS_FIRST)
            .thenComparing(e -> eventId(e.hit()), NULLS_FIRST)
            .thenComparingLong(Entry::seq);

    private static String eventId(RuleHit hit) {
        return hit.event() == null || hit.event().event() == null ? null : hit.event().event().id();
    }

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
