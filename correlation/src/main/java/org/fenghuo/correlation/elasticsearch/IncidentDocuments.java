package org.fenghuo.correlation.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.fenghuo.events.Incident;
import org.fenghuo.events.IncidentJson;

/**
 * Incidents go to {@code fenghuo-incidents-yyyy.MM.dd} of the day they were <em>created</em>, with
 * {@link Incident#id()} as the document id. An incident is updated in place as alerts join: every
 * version has the same id and the same creation time, so it lands on the same document, and the
 * last version written wins. Indexing by {@code updated} would leave one copy per day it changed.
 */
public final class IncidentDocuments implements DocumentFactory<Incident> {
    private static final long serialVersionUID = 1L;
    public static final String INDEX_PREFIX = "fenghuo-incidents";

    private final DailyIndexRouter router;

    public IncidentDocuments() {
        this(Clock.systemUTC());
    }

    IncidentDocuments(Clock clock) {
        this.router = new DailyIndexRouter(INDEX_PREFIX, clock);
    }

    @Override
    public IndexDocument toDocument(Incident incident) {
        return new IndexDocument(router.indexFor(incident.created()), incident.id(),
                IncidentJson.toJson(incident).getBytes(StandardCharsets.UTF_8));
    }
}
