package org.fenghuo.correlation.elasticsearch;

import java.time.Instant;

import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;

/**
 * Events go to {@code fenghuo-events-yyyy.MM.dd} by their event time. The document id is the
 * collector's deterministic {@code event.id}; an event without one gets the hash of its content.
 */
public final class SecurityEventDocuments implements DocumentFactory<SecurityEvent> {
    private static final long serialVersionUID = 1L;
    public static final String INDEX_PREFIX = "fenghuo-events";

    @Override
    public IndexDocument toDocument(SecurityEvent event) {
        byte[] json = EcsJsonCodec.toJsonBytes(event);
        String id = event.event() != null && event.event().id() != null
                ? event.event().id()
                : DocumentIds.contentHash(json);
        Instant time = event.timestamp() != null ? event.timestamp() : Instant.EPOCH;
        return new IndexDocument(DocumentIds.dailyIndex(INDEX_PREFIX, time), id, json);
    }
}
