package org.fenghuo.correlation.elasticsearch;

import java.io.Serializable;
import java.time.Instant;

import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/**
 * The two start times an element's end-to-end latency is measured from, in epoch milliseconds,
 * {@link #NONE} when unknown.
 */
public interface LatencyTimes<T> extends Serializable {
    long NONE = Long.MIN_VALUE;

    /** {@code @timestamp}: when it happened. Meaningless for replayed old data. */
    long eventTime(T element);

    /** When the hub first had it. */
    long ingestTime(T element);

    /**
     * Events: {@code @timestamp}; ingest time {@code event.ingested} if a pipeline set it, else
     * {@code event.created}, which Fenghuo's collectors set when they read the record.
     */
    static LatencyTimes<SecurityEvent> events() {
        return new LatencyTimes<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public long eventTime(SecurityEvent e) {
                return millis(e.timestamp());
            }

            @Override
            public long ingestTime(SecurityEvent e) {
                if (e.event() == null) {
                    return NONE;
                }
                return millis(e.event().ingested() != null ? e.event().ingested() : e.event().created());
            }
        };
    }

    /** Alerts: {@code @timestamp} (the last triggering event's time); no ingest time. */
    static LatencyTimes<Alert> alerts() {
        return new LatencyTimes<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public long eventTime(Alert a) {
                return millis(a.timestamp());
            }

            @Override
            public long ingestTime(Alert a) {
                return NONE;
            }
        };
    }

    private static long millis(Instant time) {
        return time == null ? NONE : time.toEpochMilli();
    }
}
