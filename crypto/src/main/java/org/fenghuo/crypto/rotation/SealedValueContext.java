package org.fenghuo.crypto.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The GCM associated data of a sealed field value in a stored event:
 * {@code <length of the field path>:<ECS field path>|<document id>}, where the field path is dotted ({@code user.email},
 * array elements share their field's path) and the document id is the event's {@code event.id}.
 * Whoever seals a field (PII protection) and whoever re-seals it (the re-encryption job) must
 * compute it the same way, so both call {@link #of}.
 */
public final class SealedValueContext {

    public static final char SEPARATOR = '|';
    /** The ECS field that names a document for the context. */
    public static final String DOCUMENT_ID_FIELD = "event.id";

    /** The default: field path and the document's {@code event.id}. */
    public static final ValueContext ECS_EVENT_ID = (fieldPath, source) -> {
        String id = eventId(source);
        return id == null ? null : of(fieldPath, id);
    };

    private SealedValueContext() {
    }

    /**
     * The context of a value of {@code fieldPath} in document {@code documentId}:
     * {@code <fieldPath length in UTF-16 units>:<fieldPath>|<documentId>}. The length prefix makes
     * the split unambiguous for any path, including sender-controlled label keys and
     * {@code extra} keys that contain {@code |} (field {@code a|b} of document {@code c} is
     * {@code 3:a|b|c}, field {@code a} of document {@code b|c} is {@code 1:a|b|c}). Never throws
     * for a non-null path: a bad key must not drop the whole event.
     */
    public static String of(String fieldPath, String documentId) {
        Objects.requireNonNull(fieldPath, "fieldPath");
        Objects.requireNonNull(documentId, "documentId");
        return new StringBuilder(fieldPath.length() + documentId.length() + 8).append(fieldPath.length()).append(':')
                .append(fieldPath).append(SEPARATOR).append(documentId).toString();
    }

    /** {@code event.id} of a stored document, nested ({@code {"event":{"id":..}}}) or dotted; null when absent. */
    static String eventId(JsonNode source) {
        JsonNode nested = source.path("event").path("id");
        if (nested.isTextual()) {
            return nested.asText();
        }
        JsonNode dotted = source.path(DOCUMENT_ID_FIELD);
        return dotted.isTextual() ? dotted.asText() : null;
    }
}
