package org.fenghuo.crypto.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.fenghuo.crypto.CryptoFailure;

/**
 * The GCM associated data of a sealed field value in a stored event:
 * {@code <ECS field path>|<document id>}, where the field path is dotted ({@code user.email},
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
     * The context of a value of {@code fieldPath} in document {@code documentId}. The document id
     * may hold anything, the field path no {@code |} (ECS paths never do), so the context splits
     * unambiguously at its first {@code |}: field {@code a|b} of document {@code c} and field
     * {@code a} of document {@code b|c} would otherwise share one context.
     *
     * @throws CryptoFailure MALFORMED_INPUT when the field path contains {@code |}
     */
    public static String of(String fieldPath, String documentId) {
        Objects.requireNonNull(fieldPath, "fieldPath");
        Objects.requireNonNull(documentId, "documentId");
        if (fieldPath.indexOf(SEPARATOR) >= 0) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT,
                    "field path " + fieldPath + " contains '" + SEPARATOR + "', which separates it from the document id");
        }
        return fieldPath + SEPARATOR + documentId;
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
