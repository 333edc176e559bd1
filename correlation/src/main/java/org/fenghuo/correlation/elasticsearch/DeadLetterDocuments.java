package org.fenghuo.correlation.elasticsearch;

import java.time.Clock;

import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.DeadLetterJson;

/**
 * Dead letters go to {@code fenghuo-deadletter-yyyy.MM.dd}; the id hashes where the input came
 * from and its bytes, so the same bad record replayed is kept once. Their time comes from whoever
 * wrote them (the collectors' topic), so it names an index only within {@link DailyIndexRouter}'s
 * range; others go to {@code fenghuo-deadletter-out-of-range} (a year like +1000000000 could not
 * even be formatted, and failed the job).
 */
public final class DeadLetterDocuments implements DocumentFactory<DeadLetter> {
    private static final long serialVersionUID = 1L;
    public static final String INDEX_PREFIX = "fenghuo-deadletter";

    private final DailyIndexRouter router;

    public DeadLetterDocuments() {
        this(Clock.systemUTC());
    }

    DeadLetterDocuments(Clock clock) {
        this.router = new DailyIndexRouter(INDEX_PREFIX, clock);
    }

    @Override
    public IndexDocument toDocument(DeadLetter letter) {
        String id = DocumentIds.contentHash(letter.input(), letter.origin(), Long.toString(letter.offset()),
                letter.reason(), letter.rawBase64());
        return new IndexDocument(router.indexFor(letter.timestamp()), id, DeadLetterJson.toJsonBytes(letter));
    }
}
