package org.fenghuo.correlation.elasticsearch;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.fenghuo.events.Alert;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.Incident;
import org.fenghuo.events.SecurityEvent;

/**
 * A Flink sink that bulk-indexes into Elasticsearch with deterministic ids. It flushes everything
 * it buffered before each checkpoint completes, so together with replay from Kafka and the ids, a
 * failure neither loses nor duplicates a document.
 */
public final class ElasticsearchSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final ElasticsearchSinkSettings settings;
    private final DocumentFactory<T> documents;
    private final IndexTemplates.Template template;
    private final LatencyTimes<T> times;

    public ElasticsearchSink(ElasticsearchSinkSettings settings, DocumentFactory<T> documents,
                             IndexTemplates.Template template) {
        this(settings, documents, template, null);
    }

    /**
     * @param times where each element's event and ingest times are, for the latency metrics
     *              ({@code eventToIndexedLatencyMs}, {@code ingestToIndexedLatencyMs}); null for none
     */
    public ElasticsearchSink(ElasticsearchSinkSettings settings, DocumentFactory<T> documents,
                             IndexTemplates.Template template, LatencyTimes<T> times) {
        this.settings = settings.validated();
        this.documents = documents;
        this.template = template;
        this.times = times;
    }

    /** {@code fenghuo-events-yyyy.MM.dd}, id {@code event.id}; measures end-to-end latency. */
    public static ElasticsearchSink<SecurityEvent> events(ElasticsearchSinkSettings settings) {
        return new ElasticsearchSink<>(settings, new SecurityEventDocuments(), IndexTemplates.Template.EVENTS,
                LatencyTimes.events());
    }

    /** {@code fenghuo-alerts-yyyy.MM.dd} by alert time, id {@link Alert#id()}, JSON by {@code AlertJson}. */
    public static ElasticsearchSink<Alert> alerts(ElasticsearchSinkSettings settings) {
        return new ElasticsearchSink<>(settings, new AlertDocuments(), IndexTemplates.Template.ALERTS,
                LatencyTimes.alerts());
    }

    /**
     * {@code fenghuo-incidents-yyyy.MM.dd} by the incident's <em>created</em> time, id
     * {@link Incident#id()}: every new version of an incident overwrites its one document.
     */
    public static ElasticsearchSink<Incident> incidents(ElasticsearchSinkSettings settings) {
        return new ElasticsearchSink<>(settings, new IncidentDocuments(), IndexTemplates.Template.INCIDENTS);
    }

    /**
     * {@code fenghuo-late-yyyy.MM.dd}: events beyond the allowed lateness, stored whole with
     * {@code fenghuo.late.reason}, {@code .watermark} and {@code .lag_ms}. Feed it the job's late side output.
     */
    public static ElasticsearchSink<SecurityEvent> late(ElasticsearchSinkSettings settings) {
        return new ElasticsearchSink<>(settings, new LateEventDocuments(), IndexTemplates.Template.LATE);
    }

    public static ElasticsearchSink<DeadLetter> deadLetters(ElasticsearchSinkSettings settings) {
        return new ElasticsearchSink<>(settings, new DeadLetterDocuments(), IndexTemplates.Template.DEAD_LETTERS);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new ElasticsearchSinkWriter<>(settings, documents, template, times, context.getProcessingTimeService(),
                context.metricGroup(), System::currentTimeMillis);
    }
}
