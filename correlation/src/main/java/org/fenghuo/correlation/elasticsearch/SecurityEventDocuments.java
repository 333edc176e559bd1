package org.fenghuo.correlation.elasticsearch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EventIds;
import org.fenghuo.events.SecurityEvent;

/**
 * Events go to {@code fenghuo-events-yyyy.MM.dd} by their event time. The document id is the
 * collector's deterministic {@code event.id}; an event without one gets the hash of its content.
 *
 * <p>The event time comes from the sender, so it is not trusted to name indices: an event more
 * than {@link #MAX_AGE} old or {@link #MAX_AHEAD} in the future goes to the one index
 * {@code fenghuo-events-out-of-range} ({@link DailyIndexRouter}).
 */
public final class SecurityEventDocuments implements DocumentFactory<SecurityEvent> {
    private static final long serialVersionUID = 1L;
    public static final String INDEX_PREFIX = "fenghuo-events";
    public static final String OUT_OF_RANGE_INDEX = INDEX_PREFIX + "-out-of-range";
    /** Older events (e.g. an old log file ingested late) are kept together, not by day. */
    public static final Duration MAX_AGE = DailyIndexRouter.MAX_AGE;
    /** Clock skew allowance for senders ahead of us. */
    public static final Duration MAX_AHEAD = DailyIndexRouter.MAX_AHEAD;

    private final DailyIndexRouter router;

    public SecurityEventDocuments() {
        this(Clock.systemUTC());
    }

    SecurityEventDocuments(Clock clock) {
        this.router = new DailyIndexRouter(INDEX_PREFIX, clock);
    }

    @Override
    public IndexDocument toDocument(SecurityEvent event) {
        byte[] json = EcsJsonCodec.toJsonBytes(event);
        return new IndexDocument(indexFor(event.timestamp()), idOf(event, json), json);
    }

    /**
     * The collector's {@code event.id}; the hash of the event's JSON when it has none; the hash of
     * the id when it is too long for Elasticsearch (a sender's choice, still deterministic, and the
     * document keeps the id in {@code event.id}).
     */
    static String idOf(SecurityEvent event, byte[] json) {
        String id = event.event() == null ? null : event.event().id();
        if (id == null) {
            return DocumentIds.contentHash(json);
        }
        return EventIds.documentId(id);
    }

    String indexFor(Instant time) {
        return router.indexFor(time);
    }
}
