package org.fenghuo.correlation.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.fenghuo.events.Alert;
import org.fenghuo.events.AlertJson;

/**
 * Alerts go to {@code fenghuo-alerts-yyyy.MM.dd} by their event time (that of the last triggering
 * event), or {@code fenghuo-alerts-out-of-range} ({@link DailyIndexRouter}). The document id is
 * {@link Alert#id()}, deterministic (rule + triggering events): a replayed alert overwrites itself.
 */
public final class AlertDocuments implements DocumentFactory<Alert> {
    private static final long serialVersionUID = 1L;
    public static final String INDEX_PREFIX = "fenghuo-alerts";

    private final DailyIndexRouter router;

    public AlertDocuments() {
        this(Clock.systemUTC());
    }

    AlertDocuments(Clock clock) {
        this.router = new DailyIndexRouter(INDEX_PREFIX, clock);
    }

    @Override
    public IndexDocument toDocument(Alert alert) {
        return new IndexDocument(router.indexFor(alert.timestamp()), alert.id(),
                AlertJson.toJson(alert).getBytes(StandardCharsets.UTF_8));
    }
}
