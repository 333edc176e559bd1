package org.fenghuo.correlation.elasticsearch;

import java.time.Clock;
import java.time.Instant;

import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;

/**
 * Events that came behind the watermark by more than the allowed lateness: kept whole in
 * {@code fenghuo-late-yyyy.MM.dd} (by event time, {@link DailyIndexRouter}), with
 * {@code fenghuo.late.reason}, {@code fenghuo.late.watermark} (the sink's watermark when the event
 * reached it, at least the one that made it late) and {@code fenghuo.late.lag_ms} (watermark minus
 * event time). The id is the event's own document id ({@code event.id}, else the hash of the JSON
 * this sink receives), so a replay overwrites; the watermark may then differ, the document stays one.
 */
public final class LateEventDocuments implements DocumentFactory<SecurityEvent> {
    private static final long serialVersionUID = 1L;
    public static final String INDEX_PREFIX = "fenghuo-late";
    public static final String REASON_FIELD = "fenghuo.late.reason";
    public static final String WATERMARK_FIELD = "fenghuo.late.watermark";
    public static final String LAG_FIELD = "fenghuo.late.lag_ms";
    public static final String BEYOND_ALLOWED_LATENESS = "beyond_allowed_lateness";

    private final DailyIndexRouter router;
    private final String reason;

    public LateEventDocuments() {
        this(BEYOND_ALLOWED_LATENESS, Clock.systemUTC());
    }

    LateEventDocuments(String reason, Clock clock) {
        this.reason = reason;
        this.router = new DailyIndexRouter(INDEX_PREFIX, clock);
    }

    @Override
    public IndexDocument toDocument(SecurityEvent event) {
        return toDocument(event, Long.MIN_VALUE);
    }

    @Override
    public IndexDocument toDocument(SecurityEvent event, long currentWatermark) {
        String id = SecurityEventDocuments.idOf(event, EcsJsonCodec.toJsonBytes(event));
        var late = event.toBuilder().extraField(REASON_FIELD, reason);
        if (currentWatermark != Long.MIN_VALUE) {
            late.extraField(WATERMARK_FIELD, Instant.ofEpochMilli(currentWatermark).toString());
            if (event.timestamp() != null) {
                late.extraField(LAG_FIELD, currentWatermark - event.timestamp().toEpochMilli());
            }
        }
        return new IndexDocument(router.indexFor(event.timestamp()), id, EcsJsonCodec.toJsonBytes(late.build()));
    }
}
