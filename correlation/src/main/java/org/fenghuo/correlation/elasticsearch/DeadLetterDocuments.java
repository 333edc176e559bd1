package org.fenghuo.correlation.elasticsearch;

import java.time.Instant;

import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.DeadLetterJson;

/**
 * Dead letters go to {@code fenghuo-deadletter-yyyy.MM.dd}; the id hashes where the input came
 * from and its bytes, so the same bad record replayed is kept once.
 */
public final class DeadLetterDocuments implements DocumentFactory<DeadLetter> {
    private static final long serialVersionUID = 1L;
    public static final String INDEX_PREFIX = "fenghuo-deadletter";

    @Override
    public IndexDocument toDocument(DeadLetter letter) {
        String id = DocumentIds.contentHash(letter.input(), letter.origin(), Long.toString(letter.offset()),
                letter.reason(), letter.rawBase64());
        Instant time = letter.timestamp() != null ? letter.timestamp() : Instant.EPOCH;
        return new IndexDocument(DocumentIds.dailyIndex(INDEX_PREFIX, time), id, DeadLetterJson.toJsonBytes(letter));
    }
}
